import { useTranslation } from 'react-i18next';
import { useDeviceZone } from '../../lib/device-zone';
import { dateLocale, dualInstant } from './sla-format';

/**
 * An instant as the regulation counts it, in the customer's zone, and, where the engineer's own
 * zone shows a different clock, in that zone too ("у вас 10:00 UTC+3").
 */
export function ZonedTime({ iso, zone }: { iso: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const dual = dualInstant(iso, zone, useDeviceZone(), dateLocale(i18n.language));
  return (
    <span className="zoned-time">
      <time dateTime={iso}>{dual.customer.text}</time>{' '}
      <span className="zoned-time__offset">{dual.customer.offset}</span>
      {dual.engineer && (
        <span className="zoned-time__local">
          {' · '}
          {t('ticket.yourTime')} {dual.engineer.text} {dual.engineer.offset}
        </span>
      )}
    </span>
  );
}

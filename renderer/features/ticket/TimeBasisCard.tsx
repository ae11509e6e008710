import { useTranslation } from 'react-i18next';
import type { Organization, Ticket } from '@shared/domain/ticket';
import { DEFAULT_SLA_POLICY } from '@shared/sla';
import { useDeviceZone } from '../../lib/device-zone';
import { offsetLabel } from './sla-format';

interface TimeBasisCardProps {
  ticket: Pick<Ticket, 'priority' | 'updatedAt'>;
  organization: Organization | undefined;
}

function minusMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const total = h * 60 + m - minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** What the deadlines are counted in: the customer's zone, calendar and working hours. */
export function TimeBasisCard({ ticket, organization }: TimeBasisCardProps) {
  const { t, i18n } = useTranslation();
  const mine = useDeviceZone();
  if (!organization) {
    return (
      <section className="ticket-card ticket-basis">
        <h2 className="ticket-card__title">{t('ticket.org.title')}</h2>
        <p className="ticket-muted">{t('ticket.org.unknown')}</p>
      </section>
    );
  }
  // Offsets of Russian zones have not changed since 2016; the ticket's last change is a fine probe.
  const at = ticket.updatedAt;
  const hours = DEFAULT_SLA_POLICY.businessHours;
  const roundTheClock = DEFAULT_SLA_POLICY.priorities[ticket.priority].schedule === '24x7';
  const calendar =
    organization.calendar === 'RU'
      ? t('ticket.org.calendarRU')
      : organization.calendar === 'none'
        ? t('ticket.org.calendarNone')
        : organization.calendar;
  return (
    <section className="ticket-card ticket-basis" aria-labelledby="ticket-basis-title">
      <h2 className="ticket-card__title" id="ticket-basis-title">
        {t('ticket.org.title')}
      </h2>
      <dl className="ticket-basis__list">
        <dt>{t('ticket.org.zone')}</dt>
        <dd data-testid="ticket-zone">
          {organization.timeZone}{' '}
          <span className="zoned-time__offset">
            {offsetLabel(at, organization.timeZone, i18n.language)}
          </span>
        </dd>
        {mine !== organization.timeZone && (
          <>
            <dt>{t('ticket.org.yourZone')}</dt>
            <dd>
              {mine}{' '}
              <span className="zoned-time__offset">{offsetLabel(at, mine, i18n.language)}</span>
            </dd>
          </>
        )}
        <dt>{t('ticket.org.calendar')}</dt>
        <dd>{calendar}</dd>
        <dt>{t('ticket.org.hours')}</dt>
        <dd>
          {roundTheClock
            ? t('ticket.org.roundTheClock')
            : t('ticket.org.businessHours', {
                start: hours.start,
                end: hours.end,
                shortEnd: minusMinutes(hours.end, hours.shortDayMinutes),
              })}
        </dd>
      </dl>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import type { OpenSpan } from '@shared/maintenance';
import { useNowEvery } from '../../lib/useNow';
import { wallTimeOf } from '../intake/created-at';
import { openSpanDays } from './open-span-days';
import { dayText, spanText, utcOffsetText } from './window-text';

interface OpenSpansHintProps {
  organization: Organization;
  startsAt: string;
  endsAt: string;
  /** Puts a span into the form's start and end (customer's wall time). */
  onUse: (startsAt: string, endsAt: string) => void;
}

/** Where a window may go on the day(s) being typed, on the customer's clock (§5). */
export function OpenSpansHint({ organization, startsAt, endsAt, onUse }: OpenSpansHintProps) {
  const { t, i18n } = useTranslation();
  const now = useNowEvery(60_000);
  const zone = organization.timeZone;
  const days = openSpanDays(organization, startsAt, endsAt, now);
  if (!days.ok)
    return (
      <p className="maintenance-spans maintenance-spans--problem" data-testid="window-open-spans">
        {days.problem === 'calendar_not_covered'
          ? t('maintenance.spans.notCovered', { year: days.year })
          : days.problem === 'unknown_calendar'
            ? t('maintenance.spans.unknownCalendar', { calendar: days.calendar })
            : null}
      </p>
    );
  const noon = (day: string) => `${day}T12:00:00Z`;
  const first = dayText(noon(days.firstDay), 'UTC', i18n.language);
  const range =
    days.firstDay === days.lastDay
      ? first
      : `${first} – ${dayText(noon(days.lastDay), 'UTC', i18n.language)}`;
  const use = (span: OpenSpan) =>
    onUse(wallTimeOf(Date.parse(span.startsAt), zone), wallTimeOf(Date.parse(span.endsAt), zone));
  return (
    <section className="maintenance-spans" data-testid="window-open-spans" aria-live="polite">
      <h3 className="maintenance-spans__title">
        {t('maintenance.spans.title', {
          range,
          offset: utcOffsetText(noon(days.firstDay), zone),
        })}
      </h3>
      {days.spans.length === 0 ? (
        <p className="maintenance-spans__none">{t('maintenance.spans.none')}</p>
      ) : (
        <ul className="maintenance-spans__list">
          {days.spans.map((span) => {
            const text = spanText(span, zone, i18n.language);
            return (
              <li key={span.startsAt} className="maintenance-spans__item">
                <span>{text}</span>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t('maintenance.spans.useLabel', { span: text })}
                  onClick={() => use(span)}
                >
                  {t('maintenance.spans.use')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

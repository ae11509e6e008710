import { useTranslation } from 'react-i18next';
import { currentPause } from '@shared/domain/current-pause';
import type { Ticket } from '@shared/domain/ticket';
import { formatCalendarSpan } from '../../lib/calendar-span';
import { useNowEvery } from '../../lib/useNow';
import { ZonedTime } from './ZonedTime';

/** The length of a pause moves by the minute: the notice re-renders no more often than that. */
const MINUTE_MS = 60_000;

/**
 * A paused ticket says since when, for how long and why (the §5 reason in words, and the note
 * typed with it), so whoever opens it knows what it waits for before touching it.
 */
export function PausedNotice({ ticket, zone }: { ticket: Ticket; zone: string }) {
  const { t, i18n } = useTranslation();
  const now = useNowEvery(MINUTE_MS);
  const pause = ticket.state === 'paused' ? currentPause(ticket.events) : null;
  if (!pause) return null;
  return (
    <section
      className="ticket-paused"
      aria-labelledby="ticket-paused-title"
      data-testid="ticket-paused"
    >
      <h2 className="ticket-paused__title" id="ticket-paused-title">
        {t('ticket.paused.title', {
          duration: formatCalendarSpan(now - Date.parse(pause.since), i18n.language),
        })}
      </h2>
      <p className="ticket-paused__line">
        {t('ticket.paused.since')} <ZonedTime iso={pause.since} zone={zone} />
      </p>
      {pause.reason && (
        <p className="ticket-paused__line">
          {t('ticket.sla.pausedBecause', { reason: t(`ticket.pauseReasons.${pause.reason}`) })}
        </p>
      )}
      {pause.note && <p className="ticket-paused__note ticket-text">{pause.note}</p>}
    </section>
  );
}

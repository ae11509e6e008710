import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { ZonedTime } from './ZonedTime';
import { usePeople } from '../identity/usePeople';
import { dateLocale, formatCivilDate, formatDate, formatDateTime, formatTime } from './sla-format';
import { formatDuration } from '../../lib/format';
import { buildTimeline, type Person, type TimelineEntry } from './timeline-view-model';
import { useFileSize } from '../attachments/useFileSize';
import './ticket-timeline.css';

interface TicketTimelineProps {
  ticket: Ticket;
  zone: string;
  pendingCommandIds: ReadonlySet<string>;
}

/** Every SLA event, comment, work log and attachment change, oldest first, with author, time and sync marks. */
export function TicketTimeline({ ticket, zone, pendingCommandIds }: TicketTimelineProps) {
  const { t } = useTranslation();
  const { me } = usePeople();
  const entries = useMemo(
    () => buildTimeline(ticket, pendingCommandIds, me),
    [ticket, pendingCommandIds, me],
  );
  return (
    <section className="ticket-card" aria-labelledby="ticket-timeline-title">
      <h2 className="ticket-card__title" id="ticket-timeline-title">
        {t('ticket.timeline.title')}
      </h2>
      <ol className="timeline" data-testid="ticket-timeline">
        {entries.map((entry) => (
          <TimelineItem key={entry.key} entry={entry} zone={zone} />
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({ entry, zone }: { entry: TimelineEntry; zone: string }) {
  const { t, i18n } = useTranslation();
  const dates = dateLocale(i18n.language);
  const fileSize = useFileSize();
  const kind = entry.kind === 'event' ? `event-${entry.type}` : entry.kind;
  return (
    <li
      className={`timeline__item timeline__item--${kind}`}
      data-testid="timeline-entry"
      data-command-id={entry.kind === 'created' ? undefined : entry.commandId}
      // Focused after the action that added it was recorded (see focus-recorded.ts).
      tabIndex={-1}
    >
      <span className="timeline__dot" aria-hidden="true" />
      <div className="timeline__head">
        <span className="timeline__main">
          <span className="timeline__what">{headline(entry)}</span>
          {entry.kind !== 'created' && (
            <span
              className={entry.byMe ? 'timeline__author timeline__author--me' : 'timeline__author'}
            >
              {entry.byMe ? t('ticket.me') : entry.author}
            </span>
          )}
          {(entry.kind === 'event' || entry.kind === 'assignment') && entry.adjusted && (
            <span
              className="timeline__mark timeline__mark--adjusted"
              title={t('ticket.timeline.adjustedHint')}
            >
              {t('ticket.timeline.adjusted')}
            </span>
          )}
          {entry.kind !== 'created' && entry.pending && (
            <span className="timeline__mark timeline__mark--pending">
              {t('ticket.timeline.pending')}
            </span>
          )}
        </span>
        <span className="timeline__when">
          <ZonedTime iso={entry.at} zone={zone} />
        </span>
      </div>
      {entry.kind === 'event' && entry.reason && (
        <p className="timeline__body timeline__reason">
          {t('ticket.sla.pausedBecause', { reason: t(`ticket.pauseReasons.${entry.reason}`) })}
        </p>
      )}
      {entry.kind === 'event' && entry.note && (
        <p className="timeline__body ticket-text">{entry.note}</p>
      )}
      {entry.kind === 'comment' && <p className="timeline__body ticket-text">{entry.text}</p>}
      {entry.kind === 'work' && entry.note && (
        <p className="timeline__body ticket-text">{entry.note}</p>
      )}
    </li>
  );

  function headline(e: TimelineEntry): string {
    switch (e.kind) {
      case 'created':
        return t('ticket.timeline.created');
      case 'comment':
        return t('ticket.timeline.comment');
      case 'attachment':
        return t(`attachments.timeline.${e.change}`, { name: e.name, size: fileSize(e.size) });
      case 'assignment': {
        const who = (p: Person) => (p.isMe ? t('ticket.me') : p.name);
        if (e.change === 'took') return t('ticket.timeline.assignment.took');
        if (e.change === 'released')
          return e.from
            ? t('ticket.timeline.assignment.releasedFrom', { from: who(e.from) })
            : t('ticket.timeline.assignment.released');
        return e.from
          ? t('ticket.timeline.assignment.handed', { from: who(e.from), to: who(e.to!) })
          : t('ticket.timeline.assignment.assigned', { to: who(e.to!) });
      }
      case 'work':
        return t('ticket.timeline.work', {
          from: formatDateTime(e.startedAt, zone, dates),
          // A visit within one day reads "25.11.2026, 14:00–16:30".
          to:
            formatDate(e.startedAt, zone, dates) === formatDate(e.endedAt, zone, dates)
              ? formatTime(e.endedAt, zone, dates)
              : formatDateTime(e.endedAt, zone, dates),
          duration: formatDuration(e.durationMs, i18n.language),
        });
      case 'event': {
        const base = t(`ticket.timeline.events.${e.type}`, {
          date: e.releaseDate ? formatCivilDate(e.releaseDate, dates) : '',
          hours: e.hours ?? '',
          priority: e.to ? t(`ticket.priorityNames.p${e.to}`) : '',
        });
        return base;
      }
    }
  }
}

import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, navigate } from '../../app/route';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { isResolvedLine } from '@shared/queue/resolved-line';
import { QueueClocks } from './QueueClocks';

interface QueueRowProps {
  entry: QueueEntry;
  index: number;
  top: number;
  /** The assignee as people read it ("you", a name); null: nobody has the ticket. */
  assignee: string | null;
  /** The one row in the Tab order (arrow keys move it, see useQueueKeyboard). */
  tabStop: boolean;
  onFocusRow: (ticketId: string) => void;
}

/** One ticket line; memoized, so only its clock cells re-render on the tick. */
export const QueueRow = memo(function QueueRow({
  entry,
  index,
  top,
  assignee,
  tabStop,
  onFocusRow,
}: QueueRowProps) {
  const { t } = useTranslation();
  const href = hrefOf({ name: 'ticket', ticketId: entry.id });
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`queue-row${entry.paused ? ' queue-row--paused' : ''}`}
      data-testid="queue-row"
      data-ticket-id={entry.id}
      tabIndex={tabStop ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(entry.id);
      }}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => {
        // The link handles its own clicks (and middle clicks); the rest of the row follows it.
        if (!(event.target instanceof HTMLAnchorElement))
          navigate({ name: 'ticket', ticketId: entry.id });
      }}
    >
      <div role="cell" className="queue-cell queue-cell--priority">
        <span className={`priority-chip priority-chip--p${entry.priority}`}>
          {t('sla.priority', { priority: entry.priority })}
        </span>
      </div>
      <div role="cell" className="queue-cell queue-cell--number">
        {entry.number ?? <span className="queue-row__new">{t('queue.notRegistered')}</span>}
      </div>
      <div role="cell" className="queue-cell queue-cell--subject">
        {/* Out of the Tab order: the row is the stop (Enter opens it), not 2 links per row. */}
        <a className="queue-row__title" href={href} title={entry.title} tabIndex={-1}>
          {entry.title}
        </a>
        <span className="queue-row__org">
          {isResolvedLine(entry) && (
            <span className="queue-row__resolved" data-testid="queue-row-resolved">
              {t('queue.resolvedTag')}
            </span>
          )}
          {/* A Redmine issue may have no account field: no dangling separator then. */}
          {entry.account ? `${entry.organizationName} · ${entry.account}` : entry.organizationName}
        </span>
      </div>
      <QueueClocks entry={entry} />
      <div role="cell" className="queue-cell queue-cell--assignee">
        {assignee ?? <span className="queue-row__muted">{t('queue.unassigned')}</span>}
      </div>
      <div role="cell" className="queue-cell queue-cell--sync">
        {entry.failing > 0 ? (
          <span
            className="sync-mark sync-mark--failing"
            title={t('queue.failing')}
            aria-label={t('queue.failing')}
          >
            !
          </span>
        ) : entry.pending > 0 ? (
          <span
            className="sync-mark"
            title={t('queue.pendingSync', { count: entry.pending })}
            aria-label={t('queue.pendingSync', { count: entry.pending })}
          >
            ↑
          </span>
        ) : null}
      </div>
    </div>
  );
});

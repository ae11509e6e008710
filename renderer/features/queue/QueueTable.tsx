import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { QueueRow } from './QueueRow';
import { QUEUE_ROW_HEIGHT } from './queue-layout';
import { useQueueKeyboard } from './useQueueKeyboard';

/**
 * The queue as a virtualized table: only the rows in view (plus a few) are in the DOM, so 50,000
 * tickets scroll like fifty and the tick touches only what is visible.
 */
interface QueueTableProps {
  entries: readonly QueueEntry[];
  total: number;
  /** How an assignee is named: "you" for me, the team's name otherwise. */
  labelOf: (userId: string) => string;
}

export function QueueTable({ entries, total, labelOf }: QueueTableProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // The build has no React Compiler, so nothing memoizes around the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => entries[index]!.id,
  });
  const keyboard = useQueueKeyboard(entries, virtualizer, scroller);
  return (
    <div
      role="table"
      className="queue-table"
      aria-label={t('queue.title')}
      aria-rowcount={total + 1}
    >
      <div role="rowgroup" className="queue-table__head">
        <div role="row" aria-rowindex={1} className="queue-row queue-row--head">
          <div role="columnheader" className="queue-cell queue-cell--priority">
            {t('queue.columns.priority')}
          </div>
          <div role="columnheader" className="queue-cell queue-cell--number">
            {t('queue.columns.number')}
          </div>
          <div role="columnheader" className="queue-cell queue-cell--subject">
            {t('queue.columns.subject')}
          </div>
          <div role="columnheader" className="queue-cell queue-cell--clock">
            {t('queue.columns.reaction')}
          </div>
          <div role="columnheader" className="queue-cell queue-cell--clock">
            {t('queue.columns.resolution')}
          </div>
          <div role="columnheader" className="queue-cell queue-cell--assignee">
            {t('queue.columns.assignee')}
          </div>
          <div role="columnheader" className="queue-cell queue-cell--sync" />
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className="queue-table__body"
        data-testid="queue-scroller"
        onKeyDown={keyboard.onKeyDown}
      >
        <div className="queue-table__spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <QueueRow
              key={item.key}
              entry={entries[item.index]!}
              index={item.index}
              top={item.start}
              assignee={assigneeOf(entries[item.index]!, labelOf)}
              tabStop={entries[item.index]!.id === keyboard.tabStopId}
              onFocusRow={keyboard.onRowFocus}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

const assigneeOf = (entry: QueueEntry, labelOf: (userId: string) => string): string | null =>
  entry.assignee === null ? null : labelOf(entry.assignee);

import type { Virtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { navigate } from '../../app/route';
import { QUEUE_ROW_HEIGHT } from './queue-layout';

/** The row that takes the focus: `data-ticket-id` inside the list's scroller. */
function rowElement(scroller: HTMLElement | null, id: string): HTMLElement | null {
  return scroller?.querySelector<HTMLElement>(`[data-ticket-id="${CSS.escape(id)}"]`) ?? null;
}

/**
 * Arrow keys through the virtualized queue (roving tabindex: one row is in the Tab order), Home,
 * End, Page Up/Down, Enter opens. The active row is remembered by ticket id, not by position, so
 * it stays the same ticket while the queue re-sorts, refilters or the rows recycle as they scroll;
 * a row that scrolled out of the DOM is scrolled back and focused once it is drawn again.
 */
export function useQueueKeyboard(
  entries: readonly QueueEntry[],
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scroller: RefObject<HTMLDivElement | null>,
) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const indexOf = useMemo(
    () => new Map(entries.map((entry, index) => [entry.id, index])),
    [entries],
  );
  const activeIndex = activeId === null ? -1 : (indexOf.get(activeId) ?? -1);
  // A ticket that left the list (resolved, filtered out) hands the Tab stop to the first row.
  const tabStopId = activeIndex >= 0 ? activeId : (entries[0]?.id ?? null);

  const focusIndex = useCallback(
    (index: number) => {
      const entry = entries[Math.max(0, Math.min(entries.length - 1, index))];
      if (!entry) return;
      setActiveId(entry.id);
      pendingFocus.current = entry.id;
      virtualizer.scrollToIndex(indexOf.get(entry.id)!, { align: 'auto' });
      rowElement(scroller.current, entry.id)?.focus({ preventScroll: true });
    },
    [entries, indexOf, virtualizer, scroller],
  );

  // After every render: a row asked for may only now be drawn (scrolled to, or recycled).
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const row = rowElement(scroller.current, id);
    if (row) {
      if (document.activeElement !== row) row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on a row only: a button inside one (copy diagnostics) keeps its own Enter.
    const row = event.target instanceof HTMLElement ? event.target : null;
    if (!row?.dataset['ticketId'] || event.altKey || event.ctrlKey || event.metaKey) return;
    const from = activeIndex >= 0 ? activeIndex : 0;
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? 0) / QUEUE_ROW_HEIGHT) - 1,
    );
    const target: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      Home: 0,
      End: entries.length - 1,
      PageDown: from + page,
      PageUp: from - page,
    };
    if (event.key in target) {
      event.preventDefault();
      focusIndex(target[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      navigate({ name: 'ticket', ticketId: row.dataset['ticketId'] });
    }
  };

  return { tabStopId, onKeyDown, onRowFocus: setActiveId };
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Organization } from '@shared/domain/ticket';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { getAppDb } from '../../db/app-db';
import { countResolvedLines } from '../../db/repos/queue-rows';
import { inView, listsResolved, type IsMine, type QueueView } from './queue-filter';
import { useQueueSnapshot, useResolvedSnapshot } from './useQueueSnapshot';

export interface ViewLines {
  /** The open tickets (all of them: the tabs count them) and organizations. */
  open: readonly QueueEntry[];
  organizations: readonly Organization[];
  /** The view's lines in its order: open by urgency, then resolved, newest first. */
  entries: readonly QueueEntry[];
  /** The open ones among them, for the deadline-status counts. */
  openInView: readonly QueueEntry[];
  /** False until the first read of what the view lists finished. */
  loaded: boolean;
  /** False while only the first screen of it is read (filters wait for the whole). */
  complete: boolean;
  /** What "shown N of …" counts: every open ticket, or everything the view lists. */
  total: number;
  /** How many open tickets there are (the queue's badge before any view narrows it). */
  openTotal: number;
  /** How many resolved tickets this computer holds; null until counted. */
  resolvedTotal: number | null;
}

/** What a view lists, from the open queue's lines and (for the views that need them) resolved ones. */
export function useViewLines(view: QueueView, isMine: IsMine): ViewLines {
  const open = useQueueSnapshot();
  const wantsResolved = listsResolved(view);
  const resolved = useResolvedSnapshot(wantsResolved);
  const resolvedCount = useLiveQuery(() => countResolvedLines(getAppDb()), []);
  return useMemo(() => {
    const openInView = open.entries.filter((entry) => inView(entry, view, isMine));
    const resolvedTotal = resolved.loaded ? resolved.total : (resolvedCount ?? null);
    const base = {
      open: open.entries,
      organizations: open.organizations.length > 0 ? open.organizations : resolved.organizations,
      openInView,
      openTotal: open.total,
      resolvedTotal,
    };
    if (!wantsResolved) {
      // «Mine» and «unassigned» say "shown N of all open", as before they existed.
      return {
        ...base,
        entries: openInView,
        loaded: open.loaded,
        complete: open.complete,
        total: open.total,
      };
    }
    const entries: QueueEntry[] =
      view === 'all' ? [...openInView, ...resolved.entries] : [...resolved.entries];
    return {
      ...base,
      entries,
      loaded: resolved.loaded && (view === 'resolved' || open.loaded),
      complete: resolved.complete && (view === 'resolved' || open.complete),
      total: resolved.total + (view === 'all' ? open.total : 0),
    };
  }, [open, resolved, resolvedCount, view, isMine, wantsResolved]);
}

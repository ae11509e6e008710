import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { getAppDb } from '../../db/app-db';
import { findResolvedByNumbers } from '../../db/repos/queue-rows';
import { listsResolved, type QueueView } from './queue-filter';

/**
 * The tickets a search names by number that the current view does not list: an open one outside
 * «mine», or a resolved one while an open view is shown ("236" after resolving №236). Empty
 * while the view lists every ticket with those numbers.
 */
export function useNumbersElsewhere(
  numbers: ReadonlySet<number>,
  view: QueueView,
  listed: readonly QueueEntry[],
  open: readonly QueueEntry[],
): QueueEntry[] {
  const missing = useMemo(() => {
    const shown = new Set(listed.map((entry) => entry.number));
    return [...numbers].filter((number) => !shown.has(number)).sort((a, b) => a - b);
  }, [numbers, listed]);
  const key = missing.join(',');
  const resolved = useLiveQuery(
    () =>
      listsResolved(view) || key === ''
        ? Promise.resolve([])
        : findResolvedByNumbers(getAppDb(), key.split(',').map(Number)),
    [key, view],
  );
  return useMemo(() => {
    if (missing.length === 0) return [];
    const wanted = new Set(missing);
    const openOnes = open.filter((entry) => entry.number !== null && wanted.has(entry.number));
    return [...openOnes, ...(resolved ?? [])];
  }, [missing, open, resolved]);
}

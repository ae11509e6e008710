import { describe, expect, it, vi } from 'vitest';
import type { Organization } from '@shared/domain/ticket';
import { compareUrgency, toQueueEntry, type QueueEntry } from '@shared/queue/queue-entry';
import { createQueueSource } from '../../../../renderer/features/queue/queue-source';
import { MOSCOW, makeTicket } from './queue-fixtures';

const NOW = Date.parse('2025-11-27T09:00:00Z');
const line = (ticket: ReturnType<typeof makeTicket>, pending = 0): QueueEntry =>
  toQueueEntry(ticket, MOSCOW, pending, 0);

function harness(initial: QueueEntry[]) {
  let rows = initial;
  let changed: () => void = () => {};
  const timers: Array<{ at: number; run: () => void }> = [];
  let clock = NOW;
  const load = vi.fn(async () => ({
    entries: [...rows],
    organizations: [MOSCOW] as Organization[],
  }));
  const loadFirst = vi.fn(async (limit: number) => ({
    entries: [...rows].sort(compareUrgency).slice(0, limit),
    total: rows.length,
  }));
  const source = createQueueSource({
    load,
    loadFirst,
    watch: (onChange) => {
      changed = onChange;
      return () => {};
    },
    now: () => clock,
    setTimeout: (run, ms) => timers.push({ at: clock + ms, run }),
  });
  return {
    source,
    load,
    setRows: (next: QueueEntry[]) => (rows = next),
    change: () => changed(),
    advance: async (ms: number) => {
      clock += ms;
      const due = timers.filter((t) => t.at <= clock);
      timers.splice(0, timers.length, ...timers.filter((t) => t.at > clock));
      for (const timer of due) timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

describe('queue source', () => {
  const a = makeTicket(2, '2025-11-27T06:00:00Z');
  const b = makeTicket(1, '2025-11-27T08:00:00Z');

  it('shows the most urgent lines first, then the whole queue in urgency order', async () => {
    const h = harness([line(a), line(b)]);
    const snapshots: Array<{ complete: boolean; ids: string[]; total: number }> = [];
    h.source.subscribe(() => {
      const { complete, entries, total } = h.source.getSnapshot();
      snapshots.push({ complete, ids: entries.map((e) => e.id), total });
    });
    await h.settle();
    // P1 runs 24×7: reaction 1 h due 09:00Z; the P2 reaction is due at 13:00 MSK (10:00Z).
    expect(snapshots.at(-1)).toEqual({ complete: true, ids: [b.id, a.id], total: 2 });
    expect(snapshots[0]!.total).toBe(2);
  });

  it('turns a burst of database changes into one reload', async () => {
    const h = harness([line(a), line(b)]);
    h.source.subscribe(() => {});
    await h.settle();
    h.setRows([line(a), line(b, 1)]);
    for (let i = 0; i < 20; i += 1) h.change();
    await h.advance(999);
    expect(h.load).toHaveBeenCalledTimes(1);
    await h.advance(1);
    expect(h.load).toHaveBeenCalledTimes(2);
    expect(h.source.getSnapshot().entries.find((e) => e.id === b.id)?.pending).toBe(1);
  });
});

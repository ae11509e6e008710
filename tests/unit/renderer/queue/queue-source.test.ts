import { describe, expect, it, vi } from 'vitest';
import type { Organization } from '@shared/domain/ticket';
import type { QueueRow } from '../../../../renderer/db/repos/queue-rows';
import { createQueueSource } from '../../../../renderer/features/queue/queue-source';
import { MOSCOW, makeTicket } from './queue-fixtures';

function harness(initial: QueueRow[]) {
  let rows = initial;
  let changed: () => void = () => {};
  const timers: Array<{ at: number; run: () => void }> = [];
  let clock = Date.parse('2025-11-27T09:00:00Z');
  const load = vi.fn(async () => ({ rows, organizations: [MOSCOW] as Organization[] }));
  const source = createQueueSource({
    load,
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
    setRows: (next: QueueRow[]) => (rows = next),
    change: () => changed(),
    advance: async (ms: number) => {
      clock += ms;
      for (const timer of timers.splice(0).filter((t) => t.at <= clock)) timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

describe('queue source', () => {
  const a = makeTicket(2, '2025-11-27T06:00:00Z');
  const b = makeTicket(1, '2025-11-27T08:00:00Z');

  it('loads on first subscription and publishes entries in urgency order', async () => {
    const h = harness([
      { ticket: a, pending: 0, failing: 0 },
      { ticket: b, pending: 0, failing: 0 },
    ]);
    const seen = vi.fn();
    h.source.subscribe(seen);
    await h.settle();
    const snapshot = h.source.getSnapshot();
    expect(snapshot.loaded).toBe(true);
    // P1 runs 24×7: reaction 1 h due 09:00Z; the P2 reaction is due at 13:00 MSK (10:00Z).
    expect(snapshot.entries.map((e) => e.id)).toEqual([b.id, a.id]);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('turns a burst of database changes into one reload, and re-derives only what changed', async () => {
    const h = harness([
      { ticket: a, pending: 0, failing: 0 },
      { ticket: b, pending: 0, failing: 0 },
    ]);
    h.source.subscribe(() => {});
    await h.settle();
    const before = h.source.getSnapshot().entries;
    h.setRows([
      { ticket: a, pending: 0, failing: 0 },
      { ticket: b, pending: 1, failing: 0 },
    ]);
    for (let i = 0; i < 20; i += 1) h.change();
    await h.advance(1000);
    expect(h.load).toHaveBeenCalledTimes(2);
    const after = h.source.getSnapshot().entries;
    expect(after.find((e) => e.id === a.id)).toBe(before.find((e) => e.id === a.id));
    expect(after.find((e) => e.id === b.id)?.pending).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyMemory,
  pruneMemory,
  recordFired,
  type AlertMemory,
} from '../../../../shared/alerts/memory';
import {
  createMemoryWriter,
  decodeStoredMemory,
  type MemoryWrite,
  type StoredMemory,
} from '../../../../shared/alerts/memory-journal';

// Instants are plain epoch numbers here: the memory never interprets them as calendar times.
const AT = Date.parse('2026-11-25T09:00:00Z');

/** What a host's storage holds after these writes: a snapshot replaces the journal. */
function fold(writes: readonly MemoryWrite[]): StoredMemory {
  let snapshot: string | null = null;
  let journal: string[] = [];
  for (const write of writes) {
    if (write.kind === 'snapshot') {
      snapshot = write.text;
      journal = [];
    } else journal.push(write.text);
  }
  return { snapshot, journal };
}

const firedOf = (memory: AlertMemory) => new Map(memory.fired);

describe('the fired-alert memory, stored as a snapshot and a journal', () => {
  it('reads back exactly what was remembered after any run of announcements, prunes and mutes', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('fire' as const),
        id: fc.integer({ min: 1, max: 30 }),
        clock: fc.constantFrom('reaction' as const, 'resolution' as const),
        level: fc.constantFrom(0.75, 0.9, 1),
      }),
      fc.record({ kind: fc.constant('prune' as const), keep: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('mute' as const), until: fc.option(fc.nat(), { nil: null }) }),
      fc.constant({ kind: 'write' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const memory = emptyMemory();
        const writer = createMemoryWriter(memory, { seq: 0, snapshotChars: 0 });
        const writes: MemoryWrite[] = [];
        let now = AT;
        for (const o of ops) {
          now += 60_000;
          if (o.kind === 'fire')
            recordFired(memory, `T${o.id}`, o.clock, {
              targetMs: 3_600_000,
              level: o.level,
              atMs: now,
            });
          else if (o.kind === 'prune') {
            const open = new Set(Array.from({ length: o.keep }, (_, i) => `T${i + 1}`));
            // Far enough on that every closed ticket's entries are past the retention.
            pruneMemory(memory, open, now + 40 * 24 * 3_600_000);
          } else if (o.kind === 'mute') memory.mutedUntilMs = o.until;
          else writes.push(writer.next());
        }
        writes.push(writer.next());
        const { memory: read, problems } = decodeStoredMemory(fold(writes));
        expect(problems).toEqual([]);
        expect(firedOf(read)).toEqual(firedOf(memory));
        expect(read.mutedUntilMs).toBe(memory.mutedUntilMs);
      }),
      { numRuns: 300 },
    );
  });

  it('writes one changed ticket as a record of that ticket, not the whole memory of 50,000', () => {
    const memory = emptyMemory();
    for (let i = 0; i < 50_000; i += 1)
      recordFired(memory, `T${i}`, 'reaction', { targetMs: 3_600_000, level: 1, atMs: AT });
    const writer = createMemoryWriter(memory, { seq: 0, snapshotChars: 0 });
    const first = writer.next();
    expect(first.kind).toBe('snapshot');
    recordFired(memory, 'T7', 'resolution', { targetMs: 7_200_000, level: 0.75, atMs: AT + 1 });
    const next = writer.next();
    expect(next.kind).toBe('journal');
    expect(next.text.length).toBeLessThan(200);
    expect(first.text.length).toBeGreaterThan(1_000_000);
  });

  it('skips journal records a snapshot already includes (a crash before the journal was cleared)', () => {
    const memory = emptyMemory();
    const writer = createMemoryWriter(memory, { seq: 0, snapshotChars: 1_000_000 });
    recordFired(memory, 'T1', 'reaction', { targetMs: 3_600_000, level: 0.75, atMs: AT });
    const old = writer.next();
    recordFired(memory, 'T1', 'reaction', { targetMs: 3_600_000, level: 1, atMs: AT + 60_000 });
    const writerAfter = createMemoryWriter(memory, { seq: 1, snapshotChars: 0 });
    memory.changed.add('T1');
    // Large enough to force a snapshot: it includes record 1 and everything after.
    for (let i = 2; i < 200; i += 1)
      recordFired(memory, `T${i}`, 'reaction', { targetMs: 3_600_000, level: 1, atMs: AT });
    const snapshot = writerAfter.next();
    expect(snapshot.kind).toBe('snapshot');
    const { memory: read } = decodeStoredMemory({ snapshot: snapshot.text, journal: [old.text] });
    expect(read.fired.get('T1')?.reaction?.level).toBe(1);
  });

  it('names and skips a journal record cut short, keeping the rest', () => {
    const memory = emptyMemory();
    const writer = createMemoryWriter(memory, { seq: 0, snapshotChars: 1_000_000 });
    recordFired(memory, 'T1', 'reaction', { targetMs: 3_600_000, level: 0.75, atMs: AT });
    const good = writer.next();
    const { memory: read, problems } = decodeStoredMemory({
      snapshot: null,
      journal: [good.text, '{"seq":2,"mutedUntilMs":null,"set":[["T2","reac'],
    });
    expect(problems).toEqual(['journal record 2: not valid JSON']);
    expect([...read.fired.keys()]).toEqual(['T1']);
  });
});

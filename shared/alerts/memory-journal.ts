import { z } from 'zod';
import {
  decodeMemory,
  encodeMemory,
  firedTupleSchema,
  recordFired,
  type AlertMemory,
  type FiredTuple,
} from './memory';

/*
 * The fired-alert memory is stored as a snapshot plus a journal of what changed since. With
 * 50,000 open tickets the snapshot is ≈700,000 characters; rewriting it after every announcement
 * (every two seconds while a first sync brings tickets in) was most of the browser host's
 * storage work. A burst now appends a record of the tickets it changed; once the journal has
 * grown as large as the snapshot, one new snapshot replaces both, so what is written stays
 * proportional to what changed (at most twice it, amortized).
 */

/** What a host has stored: the last snapshot and the journal records written after it, in order. */
export interface StoredMemory {
  snapshot: string | null;
  journal: readonly string[];
}

export const NOTHING_STORED: StoredMemory = { snapshot: null, journal: [] };

/** One write for the host: a snapshot replaces everything stored, a journal record is appended. */
export type MemoryWrite = { kind: 'snapshot'; text: string } | { kind: 'journal'; text: string };

/** A journal this small is never worth a snapshot of its own. */
const MIN_COMPACT_CHARS = 4_096;

const journalRecordSchema = z.strictObject({
  /** Counts records across snapshots; a snapshot names the last one it includes. */
  seq: z.number().int().positive(),
  mutedUntilMs: z.number().int().nonnegative().nullable(),
  /** Every fired entry of these tickets now (both clocks): replaces what was there. */
  set: z.array(firedTupleSchema),
  /** Tickets forgotten. */
  drop: z.array(z.string().min(1)),
});

/**
 * Reads what a host stored. A record that cannot be read (a crash cut the last line short) is
 * skipped and named; a record the snapshot already includes (a crash between writing a snapshot
 * and clearing the journal) is skipped silently.
 */
export function decodeStoredMemory(stored: StoredMemory): {
  memory: AlertMemory;
  seq: number;
  problems: string[];
} {
  const { memory, through, problem } = decodeMemory(stored.snapshot);
  const problems = problem ? [problem] : [];
  let seq = through;
  stored.journal.forEach((text, index) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(`journal record ${index + 1}: not valid JSON`);
      return;
    }
    const parsed = journalRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(
        `journal record ${index + 1}: ${issue?.path.map(String).join('.') || 'input'}: ${issue?.message ?? 'invalid'}`,
      );
      return;
    }
    const record = parsed.data;
    if (record.seq <= seq) return;
    seq = record.seq;
    memory.mutedUntilMs = record.mutedUntilMs;
    for (const ticketId of record.drop) memory.fired.delete(ticketId);
    const replaced = new Set<string>();
    for (const [ticketId, clock, targetMs, level, atMs] of record.set) {
      if (!replaced.has(ticketId)) {
        memory.fired.delete(ticketId);
        replaced.add(ticketId);
      }
      recordFired(memory, ticketId, clock, { targetMs, level, atMs });
    }
  });
  memory.changed.clear();
  return { memory, seq, problems };
}

/** Decides, per burst, whether to append a journal record or write a new snapshot. */
export function createMemoryWriter(
  memory: AlertMemory,
  initial: { seq: number; snapshotChars: number },
) {
  let seq = initial.seq;
  let snapshotChars = initial.snapshotChars;
  let journalChars = 0;
  return {
    /** The write that stores every change since the last one (and clears the change set). */
    next(): MemoryWrite {
      seq += 1;
      const set: FiredTuple[] = [];
      const drop: string[] = [];
      for (const ticketId of memory.changed) {
        const clocks = memory.fired.get(ticketId);
        if (!clocks) {
          drop.push(ticketId);
          continue;
        }
        for (const clock of ['reaction', 'resolution'] as const) {
          const entry = clocks[clock];
          if (entry) set.push([ticketId, clock, entry.targetMs, entry.level, entry.atMs]);
        }
      }
      memory.changed.clear();
      const text = JSON.stringify({ seq, mutedUntilMs: memory.mutedUntilMs, set, drop });
      if (journalChars + text.length <= Math.max(snapshotChars, MIN_COMPACT_CHARS)) {
        journalChars += text.length;
        return { kind: 'journal', text };
      }
      const snapshot = encodeMemory(memory, seq);
      snapshotChars = snapshot.length;
      journalChars = 0;
      return { kind: 'snapshot', text: snapshot };
    },
  };
}

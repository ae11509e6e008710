import { z } from 'zod';
import type { AlertClock } from './schemas';

/**
 * What was already announced, kept across restarts so an alert never fires twice. Per ticket and
 * clock it stores the highest level announced for the clock's current budget: levels of one
 * budget are reached in order, so "90 % announced" covers 75 % too. A new budget (priority
 * change, P3 extension) starts afresh, because its deadline is a new one.
 */
export interface FiredEntry {
  targetMs: number;
  level: number;
  /** When it was announced; entries of closed tickets are forgotten after RETAIN_MS. */
  atMs: number;
}

export type FiredClocks = Partial<Record<AlertClock, FiredEntry>>;

export interface AlertMemory {
  /** By ticket id (not a composite key: 50,000 lookups per re-plan must not build strings). */
  fired: Map<string, FiredClocks>;
  mutedUntilMs: number | null;
  /** Tickets whose entries changed since the memory was last stored (see memory-journal.ts). */
  changed: Set<string>;
}

/** Long enough that a ticket reopened within a month does not repeat what was already said. */
export const RETAIN_MS = 30 * 24 * 3_600_000;

// Levels are fractions sent as floats; compare with a margin far below any meaningful level step.
const LEVEL_EPSILON = 1e-9;

export function emptyMemory(): AlertMemory {
  return { fired: new Map(), mutedUntilMs: null, changed: new Set() };
}

/** The highest level already announced for this budget, 0 when none. */
export function coveredLevel(
  clocks: FiredClocks | undefined,
  clock: AlertClock,
  targetMs: number,
): number {
  const entry = clocks?.[clock];
  return entry !== undefined && entry.targetMs === targetMs ? entry.level : 0;
}

export function recordFired(
  memory: AlertMemory,
  ticketId: string,
  clock: AlertClock,
  entry: FiredEntry,
): void {
  memory.changed.add(ticketId);
  const clocks = memory.fired.get(ticketId);
  if (clocks) clocks[clock] = entry;
  else
    memory.fired.set(ticketId, clock === 'reaction' ? { reaction: entry } : { resolution: entry });
}

export function isCovered(level: number, covered: number): boolean {
  return level <= covered + LEVEL_EPSILON;
}

/** Drops entries of tickets no longer open once they are older than RETAIN_MS. */
export function pruneMemory(
  memory: AlertMemory,
  openTicketIds: Set<string>,
  nowMs: number,
): boolean {
  let changed = false;
  for (const [ticketId, clocks] of memory.fired) {
    if (openTicketIds.has(ticketId)) continue;
    const latest = Math.max(clocks.reaction?.atMs ?? 0, clocks.resolution?.atMs ?? 0);
    if (nowMs - latest > RETAIN_MS) {
      memory.fired.delete(ticketId);
      memory.changed.add(ticketId);
      changed = true;
    }
  }
  return changed;
}

/** [ticket id, clock, target ms, level, announced at ms]: one fired entry as stored. */
export const firedTupleSchema = z.tuple([
  z.string().min(1),
  z.enum(['reaction', 'resolution']),
  z.number().positive(),
  z.number().gt(0).lte(1),
  z.number().int().nonnegative(),
]);
export type FiredTuple = z.output<typeof firedTupleSchema>;

const storedSchema = z.strictObject({
  version: z.literal(1),
  mutedUntilMs: z.number().int().nonnegative().nullable(),
  /** The last journal record this snapshot includes (absent before journals existed). */
  through: z.number().int().nonnegative().optional(),
  fired: z.array(firedTupleSchema),
});

/** Compact on purpose: with 50,000 open tickets this is ≈700,000 characters. */
export function encodeMemory(memory: AlertMemory, through = 0): string {
  const fired: FiredTuple[] = [];
  for (const [ticketId, clocks] of memory.fired) {
    for (const clock of ['reaction', 'resolution'] as const) {
      const entry = clocks[clock];
      if (entry) fired.push([ticketId, clock, entry.targetMs, entry.level, entry.atMs]);
    }
  }
  return JSON.stringify({ version: 1, mutedUntilMs: memory.mutedUntilMs, through, fired });
}

/**
 * Stored snapshot → memory. Nothing stored gives an empty memory; an unreadable one too, with a
 * problem naming why (the worst outcome is one summary of alerts already seen).
 */
export function decodeMemory(text: string | null): {
  memory: AlertMemory;
  /** The last journal record the snapshot includes. */
  through: number;
  problem: string | null;
} {
  if (text === null || text === '') return { memory: emptyMemory(), through: 0, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { memory: emptyMemory(), through: 0, problem: `not valid JSON (${String(error)})` };
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.map(String).join('.') || 'input';
    return { memory: emptyMemory(), through: 0, problem: `${at}: ${issue?.message ?? 'invalid'}` };
  }
  const memory: AlertMemory = {
    fired: new Map(),
    mutedUntilMs: parsed.data.mutedUntilMs,
    changed: new Set(),
  };
  for (const [ticketId, clock, targetMs, level, atMs] of parsed.data.fired) {
    recordFired(memory, ticketId, clock, { targetMs, level, atMs });
  }
  memory.changed.clear();
  return { memory, through: parsed.data.through ?? 0, problem: null };
}

import type { Ticket, User, UserRef } from '../../../shared/domain';
import type { Priority } from '../../../shared/sla/types';
import { getMeta, lockWrites, setMeta, type SqlDatabase } from '../store/database';
import { insertOrganizations, writeNextNumber, writeTickets } from '../store/records';
import { buildSeedTicket } from './history';
import { DEMO_ORGANIZATIONS } from './organizations';
import { createRandom } from './prng';
import { DEMO_TEAM } from '../team/team';
import { TIME, toWorkingTime } from './replay';
import { buildSeedWindows } from './windows';
import { writeWindows } from '../store/windows';

export interface SeedOptions {
  /** Demo tickets to create (0: organizations only). */
  tickets: number;
  nowMs: number;
  /** PRNG seed: the same seed and "now" give the same data. */
  randomSeed?: number;
  /** Who wrote the seeded history (default: the demo team); at least one. */
  engineers?: readonly User[];
  /** The user the demo signs in as: a quarter of the tickets taken into work are theirs. */
  demoUser?: UserRef | null;
}

export const DEFAULT_SEED_TICKETS = 300;
const DEMO_ENGINEERS: readonly User[] = DEMO_TEAM.map(({ id, name }) => ({
  id,
  name,
  active: true,
  version: 1,
}));
/** How far back the seeded tickets reach: enough for breaches and reopenings, recent enough to look alive. */
const HISTORY_DAYS = 24;

/** Builds the demo tickets in memory (CPU only, no database). Sorted by registration number. */
export function buildSeedTickets(options: SeedOptions): Ticket[] {
  const rng = createRandom(options.randomSeed ?? 20_251_105);
  const specs = Array.from({ length: options.tickets }, () => {
    const org = rng.pick(DEMO_ORGANIZATIONS);
    const priority = rng.weighted<Priority>([
      [1, 8],
      [2, 22],
      [3, 35],
      [4, 35],
    ]);
    // Skewed towards recent days: a live queue has more young tickets than old ones.
    let createdMs = options.nowMs - Math.pow(rng.next(), 1.6) * HISTORY_DAYS * TIME.DAY;
    // Users mostly write in office hours; P1 outages happen whenever they happen.
    if (priority !== 1 && rng.chance(0.85)) createdMs = toWorkingTime(createdMs, org.timeZone, rng);
    createdMs = Math.min(createdMs, options.nowMs - 5 * TIME.MINUTE);
    return { org, priority, createdMs: Math.floor(createdMs / 1000) * 1000 };
  });
  specs.sort((a, b) => a.createdMs - b.createdMs);
  return specs.map((spec, index) =>
    buildSeedTicket({
      ...spec,
      rng,
      nowMs: options.nowMs,
      number: index + 1,
      engineers: options.engineers ?? DEMO_ENGINEERS,
      demoUser: options.demoUser ?? null,
    }),
  );
}

/**
 * Fills an empty database once: organizations always (clients cannot create tickets without
 * them), then the demo tickets and maintenance windows. Everything lands in one transaction, so a crash mid-seed leaves an
 * empty database that is seeded again on the next start. Returns false if already seeded.
 */
export async function seedDatabase(db: SqlDatabase, options: SeedOptions): Promise<boolean> {
  if ((await getMeta<boolean>(db, 'seeded')) === true) return false;
  const tickets = buildSeedTickets(options);
  return db.transaction(async (tx) => {
    // Another server process on the same database may have seeded it meanwhile.
    await lockWrites(tx);
    if ((await getMeta<boolean>(tx, 'seeded')) === true) return false;
    await insertOrganizations(tx, DEMO_ORGANIZATIONS);
    await writeTickets(tx, tickets);
    await writeNextNumber(tx, tickets.length + 1);
    // Demo data like the tickets: a database seeded with organizations only gets none.
    if (tickets.length > 0)
      await writeWindows(tx, buildSeedWindows(options.nowMs, options.engineers ?? DEMO_ENGINEERS));
    await setMeta(tx, 'seeded', true);
    return true;
  });
}

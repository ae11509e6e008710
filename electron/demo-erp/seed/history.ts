import {
  applyCommand,
  type Organization,
  type Ticket,
  type User,
  type UserRef,
} from '../../../shared/domain';
import { PAUSE_REASONS, type PauseReason, type Priority } from '../../../shared/sla/types';
import {
  COMMENTS,
  EXTENSION_NOTES,
  PAUSE_NOTES,
  REOPEN_REASONS,
  RESULTS,
  WORK_NOTES,
} from './activity';
import { MODULES, PROBLEMS, REPORTS } from './problems';
import type { Random } from './prng';
import { Replay, TIME, toWorkingTime } from './replay';

const { MINUTE, HOUR, DAY } = TIME;

export interface TicketSeed {
  rng: Random;
  nowMs: number;
  org: Organization;
  number: number;
  createdMs: number;
  priority: Priority;
  /** The engineers who wrote the history: the team's active members. */
  engineers: readonly User[];
  /** The user behind the demo token: some tickets are theirs, so "my tickets" is not empty. */
  demoUser: UserRef | null;
}

function fill(text: string, rng: Random): string {
  return text
    .replaceAll('{module}', rng.pick(MODULES))
    .replaceAll('{report}', rng.pick(REPORTS))
    .replaceAll('{code}', `PK-${rng.int(1000, 9899)}`)
    .replaceAll('{doc}', `${rng.int(1, 12)}/${rng.int(1000, 48000)}`)
    .replaceAll('{host}', `pk-app${String(rng.int(1, 4)).padStart(2, '0')}`)
    .replaceAll('{count}', String(rng.int(12, 240)))
    .replaceAll('{n}', String(rng.int(8, 16)));
}

/** A deadline fraction: mostly met, some close, some breached. */
function fraction(rng: Random, breachWeight: number): number {
  const band = rng.weighted<[number, number]>([
    [[0.1, 0.8], 100 - 10 - breachWeight],
    [[0.8, 0.98], 10],
    [[1.1, 2.5], breachWeight],
  ]);
  return rng.between(band[0], band[1]);
}

/** One ticket with a plausible history: reaction, pauses, visits, extension, fix date, reopening. */
export function buildSeedTicket(seed: TicketSeed): Ticket {
  const { rng, org } = seed;
  const template = rng.pick(PROBLEMS.filter((p) => p.priority === seed.priority));
  const createdAt = new Date(seed.createdMs).toISOString();
  const created = applyCommand(
    null,
    'create',
    {
      organizationId: org.id,
      account: rng.pick(org.accounts),
      reporterEmail: rng.pick(org.contactEmails),
      priority: seed.priority,
      title: fill(template.title, rng),
      steps: fill(template.steps, rng),
      expected: fill(template.expected, rng),
      actual: fill(template.actual, rng),
      diagnostics: fill(template.diagnostics, rng),
      notUserSideConfirmed: true,
      createdAt,
    },
    {
      commandId: rng.uuid(),
      ticketId: rng.uuid(),
      // A registration records no author; the request came in through the portal.
      author: 'Портал регистрации заявок',
      authorId: 'registration-portal',
      at: createdAt,
      adjusted: false,
      baseVersion: null,
      organization: org,
      users: () => undefined,
      now: createdAt,
      nextNumber: () => seed.number,
    },
  );
  if (created.status !== 'applied')
    throw new Error(`seed: create failed: ${JSON.stringify(created)}`);
  const team = new Map(seed.engineers.map((user) => [user.id, user]));
  const r = new Replay(rng, org, seed.nowMs, created.ticket, (id) => team.get(id));
  playHistory(r, seed);
  return r.ticket;
}

function playHistory(r: Replay, seed: TicketSeed): void {
  const { rng } = seed;
  const ageDays = (seed.nowMs - seed.createdMs) / DAY;
  if (rng.chance(ageDays < 1 ? 0.45 : 0.04)) return; // still waiting for a first response

  const picked = rng.pick(seed.engineers);
  const engineer: UserRef =
    seed.demoUser !== null && rng.chance(0.25)
      ? seed.demoUser
      : { id: picked.id, name: picked.name };
  const reactionDue = r.dueMs('reaction') ?? r.lastMs + 4 * HOUR;
  const reactAt = seed.createdMs + fraction(rng, 15) * (reactionDue - seed.createdMs);
  if (!r.step('react', {}, r.working(reactAt), engineer)) return;
  if (rng.chance(0.5))
    r.step('comment', { text: rng.pick(COMMENTS) }, r.later(10 * MINUTE, 2 * HOUR), engineer);

  if (rng.chance(0.08)) {
    const to = r.ticket.priority === 4 ? 3 : r.ticket.priority === 1 ? 2 : r.ticket.priority + 1;
    r.step('change_priority', { to }, r.later(30 * MINUTE, 6 * HOUR), engineer);
  }

  for (let round = rng.int(0, 2); round > 0 && !r.done; round--) {
    if (rng.chance(0.4)) {
      const reason = rng.weighted<PauseReason>(
        PAUSE_REASONS.map((p) => [p, p === 'awaiting_user_info' ? 4 : 1] as const),
      );
      const note = rng.pick(PAUSE_NOTES[reason]);
      if (r.step('pause', { reason, note }, r.later(30 * MINUTE, 8 * HOUR), engineer)) {
        if (!rng.chance(0.8)) return; // still suspended
        r.step('resume', {}, r.later(2 * HOUR, 3 * DAY), engineer);
      }
    }
    if (rng.chance(0.2)) {
      const visit = toWorkingTime(r.lastMs + rng.between(HOUR, DAY), r.org.timeZone, rng);
      const start = Math.round(visit / (5 * MINUTE)) * 5 * MINUTE;
      const end = start + rng.int(2, 10) * 30 * MINUTE;
      const payload = {
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(end).toISOString(),
        note: rng.pick(WORK_NOTES),
      };
      r.step('log_work', payload, end + 15 * MINUTE, engineer);
    }
    if (rng.chance(0.4))
      r.step('comment', { text: rng.pick(COMMENTS) }, r.later(HOUR, DAY), engineer);
  }

  if (r.ticket.priority === 3 && rng.chance(0.35)) {
    const hours = rng.pick([8, 16, 24, 40]);
    r.step('extend', { hours, note: rng.pick(EXTENSION_NOTES) }, r.later(HOUR, DAY), engineer);
  }
  if (r.ticket.priority === 4 && rng.chance(0.5)) {
    const release = new Date(r.lastMs + rng.between(7, 60) * DAY).toISOString().slice(0, 10);
    if (!r.step('schedule_fix', { releaseDate: release }, r.later(2 * HOUR, 3 * DAY), engineer))
      return;
    if (Date.parse(release) > seed.nowMs || !rng.chance(0.6)) return;
  }

  const resolutionDue = r.dueMs('resolution') ?? r.lastMs + 2 * DAY;
  const resolveAt = seed.createdMs + fraction(rng, 20) * (resolutionDue - seed.createdMs);
  const resolveAtLeast = r.lastMs + 30 * MINUTE;
  if (
    !r.step(
      'resolve',
      { result: rng.pick(RESULTS) },
      r.working(Math.max(resolveAt, resolveAtLeast)),
      engineer,
    )
  )
    return;

  if (rng.chance(0.12)) {
    const reason = rng.pick(REOPEN_REASONS);
    if (!r.step('reopen', { reason }, r.later(2 * HOUR, 3 * DAY), engineer)) return;
    if (rng.chance(0.6))
      r.step('resolve', { result: rng.pick(RESULTS) }, r.later(2 * HOUR, 2 * DAY), engineer);
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain/ticket';
import { evaluateSla, type SlaTicket } from '@shared/sla';
import {
  compareUrgency,
  NEAR_DEADLINE_LEVEL,
  statusAt,
  toQueueEntry,
  withUrgency,
  type QueueEntry,
  searchTextOf,
} from '@shared/queue/queue-entry';
import { validCaseArb } from '../../shared/sla/oracle/arbitraries';
import { KAMCHATKA, MOSCOW, makeTicket } from './queue-fixtures';

const at = (iso: string) => Date.parse(iso);

describe('toQueueEntry', () => {
  // Fri 2025-11-28 16:00 Moscow, P2 (reaction 4 working hours). Sat 29 and Sun 30 Nov are days
  // off, Mon 1 Dec is a working day: Fri 16–18 counts 2 h, Mon 09–11 the other 2 h.
  const fridayP2 = makeTicket(2, '2025-11-28T13:00:00Z');

  it('reduces a new ticket to its reaction deadline and the 75 % instant', () => {
    const entry = toQueueEntry(fridayP2, MOSCOW, 0, 0);
    expect(entry.clock).toBe('reaction');
    expect(new Date(entry.dueMs!).toISOString()).toBe('2025-12-01T08:00:00.000Z'); // Mon 11:00 MSK
    expect(new Date(entry.nearMs).toISOString()).toBe('2025-12-01T07:00:00.000Z'); // 3 h counted: Mon 10:00
    expect(entry.invalid).toBeNull();
  });

  it('tells the status at any later instant without the SLA engine', () => {
    const entry = toQueueEntry(fridayP2, MOSCOW, 0, 0);
    expect(statusAt(entry, at('2025-11-30T12:00:00Z'))).toBe('running'); // Sunday: waiting, not near
    expect(statusAt(entry, at('2025-12-01T07:30:00Z'))).toBe('near');
    expect(statusAt(entry, at('2025-12-01T08:00:01Z'))).toBe('breached');
  });

  it('follows the resolution clock once the reaction is given, and knows a pause', () => {
    const paused = makeTicket(2, '2025-11-28T13:00:00Z', [
      { type: 'reacted', at: '2025-11-28T14:00:00Z' },
      { type: 'paused', at: '2025-11-28T14:30:00Z', reason: 'awaiting_user_info' },
    ]);
    const entry = toQueueEntry(paused, MOSCOW, 1, 0);
    expect(entry).toMatchObject({ clock: 'resolution', paused: true, dueMs: null, pending: 1 });
    expect(statusAt(entry, at('2026-02-01T00:00:00Z'))).toBe('paused');
  });

  it('keeps a ticket paused after its deadline passed before the pause as breached and paused', () => {
    // P1 runs 24×7: reaction 1 h is due 2025-11-28T14:00Z; reacted late at 15:00Z, resolution 8 h
    // due 21:00Z; paused at 22:00Z, after the breach.
    const late = makeTicket(1, '2025-11-28T13:00:00Z', [
      { type: 'reacted', at: '2025-11-28T15:00:00Z' },
      { type: 'paused', at: '2025-11-28T22:00:00Z', reason: 'user_unreachable' },
    ]);
    const entry = toQueueEntry(late, MOSCOW, 0, 0);
    expect(entry.paused).toBe(true);
    expect(new Date(entry.dueMs!).toISOString()).toBe('2025-11-28T21:00:00.000Z');
    expect(statusAt(entry, at('2025-11-28T23:00:00Z'))).toBe('breached');
  });

  it('says so when the organization is not known on this device, instead of hiding the ticket', () => {
    const entry = toQueueEntry(fridayP2, undefined, 0, 0);
    expect(entry).toMatchObject({ invalidCode: 'organization_unknown', sla: null });
    expect(entry.invalid).toMatch(/organization/);
  });

  it("keeps the engine's code and message when it refuses the ticket", () => {
    // A resume with no pause before it: rule 11 rejects the log as it stands.
    const broken = makeTicket(2, '2025-11-28T13:00:00Z', [
      { type: 'resumed', at: '2025-11-28T14:00:00Z' },
    ]);
    const entry = toQueueEntry(broken, MOSCOW, 0, 0);
    expect(entry).toMatchObject({ invalidCode: 'event_not_allowed', sla: null });
    expect(entry.invalid).toMatch(/resume without a pause/);
  });

  it("agrees with the SLA engine at every instant after the ticket's last event", () => {
    // Random valid tickets from the oracle's generator (zones UTC+2…+12, holidays, pauses,
    // reopenings, priority changes), read at a random later instant: the stored line, written
    // without any clock, must tell the same status the engine computes at that instant.
    fc.assert(
      fc.property(validCaseArb, fc.integer({ min: 0, max: 60 * 24 * 60 }), (sample, minutes) => {
        const sla = sample.ticket;
        const organization = {
          ...MOSCOW,
          timeZone: sla.timeZone,
          calendar: sla.calendar ?? 'RU',
        };
        const state = lifecycleOf(sla);
        fc.pre(state !== 'resolved'); // a resolved ticket has no queue line
        const ticket = { ...makeTicket(sla.priority, sla.createdAt, sla.events), state };
        const lastMs = Math.max(
          Date.parse(sla.createdAt),
          ...sla.events.map((event) => Date.parse(event.at)),
        );
        const nowMs = lastMs + minutes * 60_000;
        const line = toQueueEntry(ticket, organization, 0, 0);
        const evaluation = evaluateSla(sla, new Date(nowMs));
        const clock = evaluation.reaction.stoppedAt === null ? 'reaction' : 'resolution';
        const clockState = evaluation[clock];
        const expected =
          clockState.stoppedAt !== null
            ? clockState.status
            : clockState.dueAt !== null && nowMs > Date.parse(clockState.dueAt)
              ? 'breached'
              : clockState.status === 'paused'
                ? 'paused'
                : clockState.elapsedMs >= NEAR_DEADLINE_LEVEL * clockState.targetMs
                  ? 'near'
                  : 'running';
        expect(line.clock).toBe(clock);
        expect(statusAt(line, nowMs)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('searches by number, title, organization and account, lower-cased', () => {
    const entry = toQueueEntry(
      makeTicket(3, '2025-11-28T13:00:00Z', [], {
        organizationId: KAMCHATKA.id,
        account: 'KAM-Dispatch',
      }),
      KAMCHATKA,
      0,
      0,
    );
    expect(searchTextOf(entry)).toContain('камчатка');
    expect(searchTextOf(entry)).toContain('kam-dispatch');
    expect(searchTextOf(entry)).toContain(String(entry.number));
  });
});

/** The ticket's state after its whole log, as the ERP derives it from the same events. */
function lifecycleOf(sla: SlaTicket): Ticket['state'] {
  let state: Ticket['state'] = 'open';
  for (const event of sla.events) {
    if (event.type === 'paused') state = 'paused';
    else if (event.type === 'resumed' || event.type === 'reopened') state = 'open';
    else if (event.type === 'resolved') state = 'resolved';
  }
  return state;
}

describe('compareUrgency', () => {
  const base = toQueueEntry(makeTicket(2, '2025-11-28T13:00:00Z'), MOSCOW, 0, 0);
  const entry = (over: Partial<QueueEntry>): QueueEntry => withUrgency({ ...base, ...over });

  it('puts breached first, then by due instant and P1 up, paused after, stopped and refused last', () => {
    const list = [
      entry({ id: 'invalid', invalid: 'x', dueMs: null }),
      entry({ id: 'stopped', stoppedStatus: 'met', dueMs: 1 }),
      entry({ id: 'paused', paused: true, dueMs: null }),
      entry({ id: 'later-p1', priority: 1, dueMs: 5_000 }),
      entry({ id: 'later-p3', priority: 3, dueMs: 5_000 }),
      entry({ id: 'soon', priority: 4, dueMs: 2_000 }),
      entry({ id: 'breached', priority: 4, dueMs: 1_000 }),
    ];
    expect(list.sort(compareUrgency).map((e) => e.id)).toEqual([
      'breached',
      'soon',
      'later-p1',
      'later-p3',
      'paused',
      'stopped',
      'invalid',
    ]);
  });

  it('needs no re-sort as time passes: breached tickets always lead the counting ones', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dueMs: fc.integer({ min: 0, max: 1e6 }),
            priority: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 1e6 }),
        (specs, nowMs) => {
          const sorted = specs
            .map((spec, i) => entry({ ...spec, id: `e${i}`, nearMs: spec.dueMs - 10 }))
            .sort(compareUrgency);
          const statuses = sorted.map((e) => statusAt(e, nowMs) === 'breached');
          const firstNotBreached = statuses.indexOf(false);
          if (firstNotBreached >= 0) expect(statuses.slice(firstNotBreached)).not.toContain(true);
        },
      ),
    );
  });
});

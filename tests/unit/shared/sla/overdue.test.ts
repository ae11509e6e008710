import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFeedEntry, feedLevels } from '@shared/alerts/build-feed';
import { defaultQuietHours } from '@shared/alerts/quiet-hours';
import { createAlertScheduler } from '@shared/alerts/scheduler';
import type { AlertStatus } from '@shared/alerts/schemas';
import type { Ticket } from '@shared/domain/ticket';
import { isOverdueAt, toQueueEntry } from '@shared/queue/queue-entry';
import type { SlaTicket } from '@shared/sla';
import { isOverdue } from '@shared/sla/overdue';
import {
  countStatuses,
  filterEntries,
  NO_FILTERS,
} from '../../../../renderer/features/queue/queue-filter';
import { MOSCOW, makeTicket } from '../../renderer/queue/queue-fixtures';
import { validCaseArb } from './oracle/arbitraries';

const at = (iso: string) => Date.parse(iso);
const LEVELS = [0.75, 0.9, 1];

/** What the tray and the alert centre count at `nowMs` for these tickets, planned at `plannedMs`. */
function alertStatus(tickets: readonly SlaTicket[], plannedMs: number, nowMs: number): AlertStatus {
  let status: AlertStatus | null = null;
  const scheduler = createAlertScheduler(
    {
      now: () => nowMs,
      setTimer: () => () => undefined,
      show: () => undefined,
      saveMemory: () => undefined,
      onStatus: (next) => (status = next),
    },
    {
      policy: {
        enabled: false,
        levels: LEVELS,
        quietHours: defaultQuietHours(),
        timeZone: 'Europe/Moscow',
      },
    },
  );
  scheduler.update({
    locale: 'ru',
    clockOffsetMs: 0,
    tickets: tickets.map((sla, i) =>
      buildFeedEntry(
        sla,
        { ticketId: `t${i}`, number: i + 1, organization: MOSCOW.name },
        plannedMs,
        feedLevels(LEVELS),
      ),
    ),
  });
  scheduler.dispose();
  return status!;
}

const slaOf = (ticket: Ticket): SlaTicket => ({
  priority: ticket.priority,
  createdAt: ticket.createdAt,
  timeZone: MOSCOW.timeZone,
  calendar: MOSCOW.calendar,
  events: ticket.events.map(({ type, at, reason, note, hours, to, releaseDate }) => ({
    type,
    at,
    ...(reason === undefined ? {} : { reason }),
    ...(note === undefined ? {} : { note }),
    ...(hours === undefined ? {} : { hours }),
    ...(to === undefined ? {} : { to }),
    ...(releaseDate === undefined ? {} : { releaseDate }),
  })),
});

describe('one definition of overdue', () => {
  it.each([
    // [stoppedAt, dueAt, now, overdue]: DOMAIN rule 10, "after dueAt", and a stopped clock is history.
    [null, '2026-12-01T06:00:00Z', '2026-12-01T06:00:00Z', false],
    [null, '2026-12-01T06:00:00Z', '2026-12-01T06:00:00.001Z', true],
    [null, null, '2027-01-01T00:00:00Z', false],
    ['2026-12-02T06:00:00Z', '2026-12-01T06:00:00Z', '2026-12-03T00:00:00Z', false],
  ])('stopped %s, due %s, at %s: %s', (stopped, due, now, expected) => {
    expect(
      isOverdue(
        {
          stoppedAtMs: stopped === null ? null : at(stopped),
          dueAtMs: due === null ? null : at(due),
        },
        at(now),
      ),
    ).toBe(expected);
  });

  // Mon 2026-11-30 – Fri 2026-12-04 are ordinary working days of the RU calendar 2026, 09:00–18:00
  // Moscow (UTC+3). A P4 created Mon 09:00 MSK: reaction 8 working h (due Mon 18:00), resolution
  // 40 working h, due Fri 18:00 (15:00Z). Answered with the fix date the next Monday, 07.12 10:00
  // MSK, late: its resolution clock stopped after its deadline (rule 6), the ticket stays open.
  const lateP4 = makeTicket(4, '2026-11-30T06:00:00Z', [
    { type: 'reacted', at: '2026-11-30T07:00:00Z' },
    { type: 'fix_scheduled', at: '2026-12-07T07:00:00Z', releaseDate: '2026-12-20' },
  ]);
  // A P2 created the same Monday 09:00 MSK and never touched: reaction (4 working h) due 13:00 MSK.
  const lateP2 = makeTicket(2, '2026-11-30T06:00:00Z');
  const nowMs = at('2026-12-07T08:00:00Z');

  it('does not count a P4 answered late with its fix date, in the queue or in the tray', () => {
    const entries = [toQueueEntry(lateP4, MOSCOW, 0, 0), toQueueEntry(lateP2, MOSCOW, 0, 0)];
    expect(entries.map((entry) => isOverdueAt(entry, nowMs))).toEqual([false, true]);
    expect(countStatuses(entries, nowMs).breached).toBe(1);
    expect(
      filterEntries(entries, { ...NO_FILTERS, view: 'open', status: 'breached' }, nowMs).map(
        (entry) => entry.id,
      ),
    ).toEqual([lateP2.id]);
    expect(alertStatus([lateP4, lateP2].map(slaOf), nowMs, nowMs)).toMatchObject({
      open: 2,
      breached: 1,
    });
  });

  it('gives the queue and the alert centre the same count for any tickets at any later instant', () => {
    // Random valid tickets (pauses, reopenings, priority changes, P4 fix dates, zones UTC+2…+12),
    // planned for alerts at their last event as the renderer caches them, counted later.
    fc.assert(
      fc.property(
        fc.array(validCaseArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        (samples, minutes) => {
          const tickets = samples
            .map((sample) => sample.ticket)
            .filter((sla) => !sla.events.some((event) => event.type === 'resolved'))
            .map((sla) => {
              const ticket = makeTicket(sla.priority, sla.createdAt, sla.events);
              return {
                ticket,
                organization: { ...MOSCOW, timeZone: sla.timeZone, calendar: sla.calendar ?? 'RU' },
              };
            });
          fc.pre(tickets.length > 0);
          const lastMs = Math.max(
            ...tickets.flatMap(({ ticket }) => [
              Date.parse(ticket.createdAt),
              ...ticket.events.map((event) => Date.parse(event.at)),
            ]),
          );
          const now = lastMs + minutes * 60_000;
          const queue = countStatuses(
            tickets.map(({ ticket, organization }) => toQueueEntry(ticket, organization, 0, 0)),
            now,
          ).breached;
          const tray = alertStatus(
            tickets.map(({ ticket, organization }) => ({
              ...slaOf(ticket),
              timeZone: organization.timeZone,
              calendar: organization.calendar,
            })),
            lastMs,
            now,
          ).breached;
          expect(queue).toBe(tray);
        },
      ),
      { numRuns: 150 },
    );
  });
});

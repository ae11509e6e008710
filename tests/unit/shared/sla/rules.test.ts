import { describe, expect, it } from 'vitest';
import { evaluateSla, type SlaConfig } from '@shared/sla';
import { HOUR, ticket } from './helpers';

// Russia has had no DST since 2014: Kaliningrad UTC+2, Moscow +3, Yekaterinburg +5,
// Novosibirsk +7, Vladivostok +10, Kamchatka +12. All expectations below are hand-computed.

describe('rule 1: both clocks start at createdAt', () => {
  it('counts from the moment the user created the incident', () => {
    // 2025-11-05 is an ordinary Wednesday.
    const r = evaluateSla(
      ticket(2, '2025-11-05T10:00:00+03:00', 'Europe/Moscow'),
      '2025-11-05T12:30:00+03:00',
    );
    expect(r.reaction).toEqual({
      status: 'running',
      targetMs: 4 * HOUR,
      elapsedMs: 2.5 * HOUR,
      remainingMs: 1.5 * HOUR,
      dueAt: '2025-11-05T11:00:00.000Z',
      stoppedAt: null,
    });
    expect(r.resolution.elapsedMs).toBe(2.5 * HOUR);
    expect(r.resolution.dueAt).toBe('2025-11-07T13:00:00.000Z'); // 8 + 9 + 7 working hours
  });

  it('accepts the creation instant in any offset', () => {
    const a = evaluateSla(
      ticket(2, '2025-11-05T07:00:00Z', 'Europe/Moscow'),
      '2025-11-05T09:30:00Z',
    );
    const b = evaluateSla(
      ticket(2, '2025-11-05T10:00:00+03:00', 'Europe/Moscow'),
      '2025-11-05T12:30:00+03:00',
    );
    expect(a).toEqual(b);
  });
});

describe('rule 2: per-priority schedules in the organization zone and calendar', () => {
  it('P1 counts every instant, New Year holidays and nights included', () => {
    // 2025-12-31 and 2026-01-01 are RU holidays; P1 ignores the calendar.
    const r = evaluateSla(
      ticket(1, '2025-12-31T22:00:00+03:00', 'Europe/Moscow'),
      '2026-01-01T03:00:00+03:00',
    );
    expect(r.reaction).toMatchObject({
      status: 'breached',
      elapsedMs: 5 * HOUR,
      dueAt: '2025-12-31T20:00:00.000Z',
    });
    expect(r.resolution).toMatchObject({
      status: 'running',
      elapsedMs: 5 * HOUR,
      remainingMs: 3 * HOUR,
      dueAt: '2026-01-01T03:00:00.000Z',
    });
  });

  it('one UTC instant is a working morning in Kaliningrad and the evening in Kamchatka', () => {
    const created = '2025-11-05T06:00:00Z'; // 08:00 in Kaliningrad (UTC+2), 18:00 in Kamchatka (UTC+12)
    const west = evaluateSla(ticket(2, created, 'Europe/Kaliningrad'), '2025-11-05T06:30:00Z');
    const east = evaluateSla(ticket(2, created, 'Asia/Kamchatka'), '2025-11-05T06:30:00Z');
    expect(west.reaction).toMatchObject({
      status: 'waiting',
      elapsedMs: 0,
      dueAt: '2025-11-05T11:00:00.000Z',
    }); // 09–13 local
    // Kamchatka: 18:00 is already after hours; counting starts Thu 2025-11-06 09:00 local = 2025-11-05T21:00Z.
    expect(east.reaction).toMatchObject({
      status: 'waiting',
      elapsedMs: 0,
      dueAt: '2025-11-06T01:00:00.000Z',
    });
  });

  it('counts the working Saturday 2025-11-01 (a short day, 09:00–17:00) under RU', () => {
    // Fri 16–18 = 2 h, Sat 2025-11-01 09–11 = 2 h.
    const t = ticket(2, '2025-10-31T16:00:00+03:00', 'Europe/Moscow');
    expect(evaluateSla(t, '2025-10-31T16:00:00+03:00').reaction.dueAt).toBe(
      '2025-11-01T08:00:00.000Z',
    );
  });

  it('calendar "none" ignores the working Saturday and the RU holidays', () => {
    // Under "none" Sat 2025-11-01 is a weekend and Mon 2025-11-03 (an RU holiday) is a working day.
    const t = ticket(2, '2025-10-31T16:00:00+03:00', 'Europe/Moscow', [], 'none');
    expect(evaluateSla(t, '2025-10-31T16:00:00+03:00').reaction.dueAt).toBe(
      '2025-11-03T08:00:00.000Z',
    );
  });

  it('ends a short day at 17:00 and skips the holidays after it', () => {
    // Sat 2025-11-01 is short (15–17 = 2 h); Sun off; Mon 3 and Tue 4 Nov are holidays; Wed 09–11.
    const t = ticket(2, '2025-11-01T15:00:00+03:00', 'Europe/Moscow');
    expect(evaluateSla(t, '2025-11-01T15:00:00+03:00').reaction.dueAt).toBe(
      '2025-11-05T08:00:00.000Z',
    );
  });

  it('ends the pre-holiday Tuesday 2026-11-03 at 17:00 in Novosibirsk', () => {
    // Tue 2026-11-03 is short (14–17 = 3 h), Wed 2026-11-04 is a holiday, Thu 09–10 = 1 h.
    const t = ticket(2, '2026-11-03T14:00:00+07:00', 'Asia/Novosibirsk');
    expect(evaluateSla(t, '2026-11-03T14:00:00+07:00').reaction.dueAt).toBe(
      '2026-11-05T03:00:00.000Z',
    );
  });

  it('skips the New Year holidays 2025-12-31 … 2026-01-11 in Vladivostok', () => {
    // Tue 2025-12-30 17–18 = 1 h; Dec 31 and Jan 1–11 are off; Mon 2026-01-12 09–16 = 7 h.
    const t = ticket(4, '2025-12-30T17:00:00+10:00', 'Asia/Vladivostok');
    expect(evaluateSla(t, '2025-12-30T17:00:00+10:00').reaction.dueAt).toBe(
      '2026-01-12T06:00:00.000Z',
    );
  });

  it('follows the organization zone across a DST change with calendar "none"', () => {
    // Europe/Berlin moved to CEST on Sun 2025-03-30: Fri 16–18 CET = 2 h, Mon 09–11 CEST = 2 h.
    const spring = ticket(2, '2025-03-28T16:00:00+01:00', 'Europe/Berlin', [], 'none');
    expect(evaluateSla(spring, '2025-03-28T16:00:00+01:00').reaction.dueAt).toBe(
      '2025-03-31T09:00:00.000Z',
    );
    // Back to CET on Sun 2025-10-26: Fri 17–18 CEST = 1 h, Mon 09–16 CET = 7 h.
    const autumn = ticket(3, '2025-10-24T17:00:00+02:00', 'Europe/Berlin', [], 'none');
    expect(evaluateSla(autumn, '2025-10-24T17:00:00+02:00').reaction.dueAt).toBe(
      '2025-10-27T15:00:00.000Z',
    );
  });

  it('falls back to Mon–Fri with the fixed RU holidays for a year without data, and says so', () => {
    // 2027-12-31 (Fri) is a 2027 holiday; 2028 has no data: Jan 1–8 are the fixed holidays, so the
    // first working day is Mon 2028-01-10.
    const r = evaluateSla(
      ticket(2, '2027-12-30T17:00:00+03:00', 'Europe/Moscow'),
      '2027-12-30T17:30:00+03:00',
    );
    expect(r.reaction.dueAt).toBe('2028-01-10T09:00:00.000Z');
    expect(r.warnings).toEqual([expect.stringContaining('no data for 2028')]);
  });

  it('does not warn about the previous year for a ticket created just after New Year midnight', () => {
    // 2024-01-01T00:00Z is 02:00 on 1 January in Kaliningrad; 2023 cannot contribute.
    const r = evaluateSla(
      ticket(2, '2024-01-01T00:00:00Z', 'Europe/Kaliningrad'),
      '2024-01-01T01:00:00Z',
    );
    expect(r).not.toHaveProperty('warnings');
  });

  it('has no warnings field when every counted year has data', () => {
    const r = evaluateSla(
      ticket(2, '2026-06-10T10:00:00+03:00', 'Europe/Moscow'),
      '2026-06-10T11:00:00+03:00',
    );
    expect(r).not.toHaveProperty('warnings');
  });
});

describe('rule 3: the deadline is the earliest instant the target is reached', () => {
  it('Mon 09:00 plus 9 working hours is Mon 18:00, not Tue 09:00', () => {
    const config: SlaConfig = { priorities: { 2: { reactionHours: 9 } } };
    // 2025-11-10 is an ordinary Monday.
    const r = evaluateSla(
      ticket(2, '2025-11-10T09:00:00+03:00', 'Europe/Moscow'),
      '2025-11-10T09:00:00+03:00',
      config,
    );
    expect(r.reaction.dueAt).toBe('2025-11-10T15:00:00.000Z');
  });

  it('a ticket created on a weekend waits for Monday 09:00', () => {
    // Sat 2025-11-08 in Yekaterinburg (UTC+5); Mon 2025-11-10 09–13 local.
    const r = evaluateSla(
      ticket(2, '2025-11-08T12:00:00+05:00', 'Asia/Yekaterinburg'),
      '2025-11-08T13:00:00+05:00',
    );
    expect(r.reaction).toMatchObject({
      status: 'waiting',
      elapsedMs: 0,
      remainingMs: 4 * HOUR,
      dueAt: '2025-11-10T08:00:00.000Z',
    });
  });

  it('a ticket created before opening waits until 09:00 that day', () => {
    // Tue 2025-11-11 is an ordinary working day.
    const r = evaluateSla(
      ticket(2, '2025-11-11T07:30:00+03:00', 'Europe/Moscow'),
      '2025-11-11T08:00:00+03:00',
    );
    expect(r.reaction.dueAt).toBe('2025-11-11T10:00:00.000Z');
  });
});

describe('rule 4: reaction stops at the first support response', () => {
  const created = '2025-11-05T10:00:00+03:00'; // Wed, ordinary; P2 reaction due 14:00 local

  it.each([
    ['reacted', {}],
    ['paused', { reason: 'awaiting_user_info' }],
    ['resolved', {}],
  ] as const)('%s counts as the response', (type, extra) => {
    const t = ticket(2, created, 'Europe/Moscow', [
      { type, at: '2025-11-05T11:30:00+03:00', ...extra },
    ]);
    expect(evaluateSla(t, '2025-11-06T12:00:00+03:00').reaction).toEqual({
      status: 'met',
      targetMs: 4 * HOUR,
      elapsedMs: 1.5 * HOUR,
      remainingMs: 2.5 * HOUR,
      dueAt: '2025-11-05T11:00:00.000Z',
      stoppedAt: '2025-11-05T08:30:00.000Z',
    });
  });

  it('a P4 answer with a release date counts as the response', () => {
    const t = ticket(4, created, 'Europe/Moscow', [
      { type: 'fix_scheduled', at: '2025-11-05T12:00:00+03:00', releaseDate: '2025-12-15' },
    ]);
    expect(evaluateSla(t, '2025-11-05T13:00:00+03:00').reaction).toMatchObject({
      status: 'met',
      stoppedAt: '2025-11-05T09:00:00.000Z',
    });
  });

  it('a late first response is a breach; a second one changes nothing', () => {
    // Wed 10–18 = 8 h, Thu 09–10 = 1 h: 9 h elapsed against 4 h.
    const t = ticket(2, created, 'Europe/Moscow', [
      { type: 'reacted', at: '2025-11-06T10:00:00+03:00' },
      { type: 'reacted', at: '2025-11-06T11:00:00+03:00' },
    ]);
    expect(evaluateSla(t, '2025-11-07T10:00:00+03:00').reaction).toMatchObject({
      status: 'breached',
      elapsedMs: 9 * HOUR,
      remainingMs: -5 * HOUR,
      stoppedAt: '2025-11-06T07:00:00.000Z',
    });
  });

  it('a priority change is not a response', () => {
    const t = ticket(3, created, 'Europe/Moscow', [
      { type: 'priority_changed', at: '2025-11-05T11:00:00+03:00', to: 2 },
    ]);
    expect(evaluateSla(t, '2025-11-05T12:00:00+03:00').reaction).toMatchObject({
      status: 'running',
      stoppedAt: null,
    });
  });
});

describe('rule 5: pauses suspend the resolution clock only', () => {
  const created = '2025-11-05T10:00:00+03:00'; // Wed; Thu 6 and Fri 7 Nov are ordinary days

  it('excludes a closed pause from resolution and keeps reaction untouched', () => {
    const t = ticket(2, created, 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T11:00:00+03:00', reason: 'awaiting_user_info' },
      { type: 'resumed', at: '2025-11-06T11:00:00+03:00' },
    ]);
    const r = evaluateSla(t, '2025-11-06T12:00:00+03:00');
    expect(r.reaction).toMatchObject({
      status: 'met',
      elapsedMs: 1 * HOUR,
      stoppedAt: '2025-11-05T08:00:00.000Z',
    });
    // 1 h before the pause, 1 h after; 22 h left from Thu 11:00: Thu 7, Fri 9, Mon 09–16.
    expect(r.resolution).toMatchObject({
      status: 'running',
      elapsedMs: 2 * HOUR,
      dueAt: '2025-11-10T13:00:00.000Z',
    });
  });

  it('while paused the deadline is unknown but the budget left is known', () => {
    const t = ticket(2, created, 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T12:00:00+03:00', reason: 'awaiting_user_action' },
    ]);
    expect(evaluateSla(t, '2025-11-07T12:00:00+03:00').resolution).toEqual({
      status: 'paused',
      targetMs: 24 * HOUR,
      elapsedMs: 2 * HOUR,
      remainingMs: 22 * HOUR,
      dueAt: null,
      stoppedAt: null,
    });
  });

  it('resolving during a pause ends the pause at that instant', () => {
    const t = ticket(2, created, 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T12:00:00+03:00', reason: 'equipment_delivery' },
      { type: 'resolved', at: '2025-11-06T15:00:00+03:00' },
    ]);
    const r = evaluateSla(t, '2025-11-07T12:00:00+03:00');
    // Deadline as it applied at the stop: 22 h from Thu 15:00 = Thu 3, Fri 9, Mon 9, Tue 09–10.
    expect(r.resolution).toEqual({
      status: 'met',
      targetMs: 24 * HOUR,
      elapsedMs: 2 * HOUR,
      remainingMs: 22 * HOUR,
      dueAt: '2025-11-11T07:00:00.000Z',
      stoppedAt: '2025-11-06T12:00:00.000Z',
    });
  });

  it.each([
    'user_side_fault',
    'third_party_fault',
    'awaiting_user_action',
    'awaiting_user_info',
    'awaiting_third_party_info',
    'user_unreachable',
    'equipment_delivery',
    'other',
  ] as const)('accepts the pause reason %s', (reason) => {
    const t = ticket(2, created, 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T11:00:00+03:00', reason, note: 'согласовано с заказчиком' },
    ]);
    expect(evaluateSla(t, '2025-11-05T12:00:00+03:00').resolution.status).toBe('paused');
  });
});

describe('rule 6: resolution stops at resolved (P4 also at fix_scheduled); reopen restarts it', () => {
  const created = '2025-11-05T10:00:00+03:00';

  it('P4 stops at the answer naming the release date', () => {
    const t = ticket(4, created, 'Europe/Moscow', [
      { type: 'fix_scheduled', at: '2025-11-06T10:00:00+03:00', releaseDate: '2025-12-15' },
    ]);
    expect(evaluateSla(t, '2025-11-10T10:00:00+03:00').resolution).toMatchObject({
      status: 'met',
      elapsedMs: 9 * HOUR, // Wed 10–18 + Thu 09–10
      stoppedAt: '2025-11-06T07:00:00.000Z',
    });
  });

  it('does not count the time between resolved and reopened', () => {
    const events = [
      { type: 'resolved', at: '2025-11-05T12:00:00+03:00' },
      { type: 'reopened', at: '2025-11-07T10:00:00+03:00' },
    ] as const;
    const t = ticket(2, created, 'Europe/Moscow', [...events]);
    // 2 h before the resolve, 1 h after the reopen; 22 h left from Fri 10:00: Fri 8, Mon 9, Tue 09–14.
    expect(evaluateSla(t, '2025-11-07T11:00:00+03:00').resolution).toMatchObject({
      status: 'running',
      elapsedMs: 3 * HOUR,
      dueAt: '2025-11-11T11:00:00.000Z',
      stoppedAt: null,
    });
    const again = ticket(2, created, 'Europe/Moscow', [
      ...events,
      { type: 'resolved', at: '2025-11-07T12:00:00+03:00' },
    ]);
    expect(evaluateSla(again, '2025-11-08T12:00:00+03:00').resolution).toMatchObject({
      status: 'met',
      elapsedMs: 4 * HOUR,
      stoppedAt: '2025-11-07T09:00:00.000Z',
    });
  });

  it('a P4 answered with a date, resolved and reopened runs again without the gap', () => {
    const t = ticket(4, created, 'Europe/Moscow', [
      { type: 'fix_scheduled', at: '2025-11-05T12:00:00+03:00', releaseDate: '2025-12-01' },
      { type: 'resolved', at: '2025-11-05T15:00:00+03:00' },
      { type: 'reopened', at: '2025-11-06T12:00:00+03:00' },
    ]);
    // The clock stopped at the answer (12:00), not at the resolve: 2 h + Thu 12–13.
    expect(evaluateSla(t, '2025-11-06T13:00:00+03:00').resolution).toMatchObject({
      status: 'running',
      elapsedMs: 3 * HOUR,
    });
  });

  it('a P4 answer stops the clock during a pause without ending the pause itself', () => {
    const t = ticket(4, created, 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T11:00:00+03:00', reason: 'awaiting_user_info' },
      { type: 'fix_scheduled', at: '2025-11-05T12:00:00+03:00', releaseDate: '2025-12-01' },
      { type: 'resumed', at: '2025-11-05T13:00:00+03:00' },
    ]);
    expect(evaluateSla(t, '2025-11-05T14:00:00+03:00').resolution).toMatchObject({
      status: 'met',
      elapsedMs: 1 * HOUR,
      stoppedAt: '2025-11-05T09:00:00.000Z',
    });
  });

  it('the answer no longer stops the clock once the ticket is evaluated as P3', () => {
    const t = ticket(4, created, 'Europe/Moscow', [
      { type: 'fix_scheduled', at: '2025-11-05T12:00:00+03:00', releaseDate: '2025-12-01' },
      { type: 'priority_changed', at: '2025-11-05T13:00:00+03:00', to: 3 },
    ]);
    expect(evaluateSla(t, '2025-11-05T14:00:00+03:00').resolution).toMatchObject({
      status: 'running',
      elapsedMs: 4 * HOUR,
      stoppedAt: null,
    });
  });
});

describe('rule 7: a P3 extension adds to the resolution target', () => {
  const created = '2025-11-05T09:00:00+03:00'; // Wed; Nov 5–13 has no holidays

  it('moves the deadline by the agreed working hours', () => {
    const base = ticket(3, created, 'Europe/Moscow');
    // 40 h: Wed 9, Thu 9, Fri 9, Mon 9, Tue 09–13.
    expect(evaluateSla(base, '2025-11-06T11:00:00+03:00').resolution.dueAt).toBe(
      '2025-11-11T10:00:00.000Z',
    );
    const extended = ticket(3, created, 'Europe/Moscow', [
      { type: 'extended', at: '2025-11-06T10:00:00+03:00', hours: 10, note: 'нужен хотфикс' },
      { type: 'extended', at: '2025-11-06T10:30:00+03:00', hours: 6, note: 'и обновление' },
    ]);
    // 56 h: … Tue 9 (45), Wed 9 (54), Thu 09–11.
    expect(evaluateSla(extended, '2025-11-06T11:00:00+03:00').resolution).toMatchObject({
      targetMs: 56 * HOUR,
      dueAt: '2025-11-13T08:00:00.000Z',
    });
  });

  it('no longer applies once the priority changes away from P3', () => {
    const t = ticket(3, created, 'Europe/Moscow', [
      { type: 'extended', at: '2025-11-06T10:00:00+03:00', hours: 16 },
      { type: 'priority_changed', at: '2025-11-06T10:30:00+03:00', to: 2 },
    ]);
    expect(evaluateSla(t, '2025-11-06T11:00:00+03:00').resolution.targetMs).toBe(24 * HOUR);
  });
});

describe('rule 8: a priority change re-evaluates from createdAt on the new schedule', () => {
  it('an upgrade to P1 counts 24×7 from the start', () => {
    const t = ticket(3, '2025-11-05T10:00:00+03:00', 'Europe/Moscow', [
      { type: 'priority_changed', at: '2025-11-05T12:00:00+03:00', to: 1 },
    ]);
    const r = evaluateSla(t, '2025-11-05T13:00:00+03:00');
    expect(r.reaction).toMatchObject({
      status: 'breached',
      targetMs: HOUR,
      dueAt: '2025-11-05T08:00:00.000Z',
    });
    expect(r.resolution).toMatchObject({
      status: 'running',
      elapsedMs: 3 * HOUR,
      dueAt: '2025-11-05T15:00:00.000Z',
    });
  });

  it('a downgrade from P1 moves a weekend ticket onto business hours', () => {
    // Sat 2025-11-08: under P4 nothing counts until Mon 2025-11-10 09:00.
    const t = ticket(1, '2025-11-08T10:00:00+03:00', 'Europe/Moscow', [
      { type: 'reacted', at: '2025-11-08T10:30:00+03:00' },
      { type: 'priority_changed', at: '2025-11-08T11:00:00+03:00', to: 4 },
    ]);
    const r = evaluateSla(t, '2025-11-08T12:00:00+03:00');
    expect(r.reaction).toMatchObject({
      status: 'met',
      elapsedMs: 0,
      dueAt: '2025-11-10T14:00:00.000Z',
    });
    expect(r.resolution).toMatchObject({ status: 'waiting', elapsedMs: 0, targetMs: 40 * HOUR });
  });
});

describe('rule 9: a paused clock has no deadline unless its target was already reached', () => {
  it('keeps the instant the target was reached when the pause came too late', () => {
    // 24 h: Wed 10–18 (8), Thu (17), Fri 09–16 → reached Fri 2025-11-07 16:00; paused Mon 10:00.
    const t = ticket(2, '2025-11-05T10:00:00+03:00', 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-10T10:00:00+03:00', reason: 'user_unreachable' },
    ]);
    expect(evaluateSla(t, '2025-11-11T10:00:00+03:00').resolution).toMatchObject({
      status: 'breached',
      elapsedMs: 27 * HOUR,
      remainingMs: -3 * HOUR,
      dueAt: '2025-11-07T13:00:00.000Z',
    });
  });
});

describe('rule 10: breach and status are about instants', () => {
  const created = '2025-11-05T10:00:00+03:00'; // P2 reaction due 14:00 local

  it('is breached after the deadline even outside working hours', () => {
    const r = evaluateSla(ticket(2, created, 'Europe/Moscow'), '2025-11-05T20:00:00+03:00');
    expect(r.reaction).toMatchObject({
      status: 'breached',
      elapsedMs: 8 * HOUR,
      remainingMs: -4 * HOUR,
    });
    expect(r.resolution).toMatchObject({ status: 'waiting', elapsedMs: 8 * HOUR });
  });

  it('is met when stopped exactly at the deadline and breached one millisecond later', () => {
    const at = (iso: string) => ticket(2, created, 'Europe/Moscow', [{ type: 'reacted', at: iso }]);
    expect(
      evaluateSla(at('2025-11-05T14:00:00+03:00'), '2025-11-05T15:00:00+03:00').reaction.status,
    ).toBe('met');
    expect(
      evaluateSla(at('2025-11-05T14:00:00.001+03:00'), '2025-11-05T15:00:00+03:00').reaction.status,
    ).toBe('breached');
  });

  it('is not breached at the deadline instant itself', () => {
    expect(
      evaluateSla(ticket(2, created, 'Europe/Moscow'), '2025-11-05T14:00:00+03:00').reaction,
    ).toMatchObject({
      status: 'running',
      remainingMs: 0,
    });
  });

  it('is waiting on a holiday and running at 09:00 sharp', () => {
    // Tue 2025-11-04 is an RU holiday.
    const t = ticket(3, '2025-10-31T12:00:00+03:00', 'Europe/Moscow', [
      { type: 'reacted', at: '2025-10-31T12:05:00+03:00' },
    ]);
    expect(evaluateSla(t, '2025-11-04T12:00:00+03:00').resolution.status).toBe('waiting');
    expect(evaluateSla(t, '2025-11-05T09:00:00+03:00').resolution.status).toBe('running');
    expect(evaluateSla(t, '2025-11-05T18:00:00+03:00').resolution.status).toBe('waiting');
  });
});

describe('rule 11: evaluation is as of now', () => {
  const events = [
    { type: 'reacted', at: '2025-11-05T11:00:00+03:00' },
    { type: 'resolved', at: '2025-11-06T11:00:00+03:00' },
  ] as const;

  it('replays history: events after now are ignored', () => {
    const t = ticket(2, '2025-11-05T10:00:00+03:00', 'Europe/Moscow', [...events]);
    expect(evaluateSla(t, '2025-11-05T10:30:00+03:00').reaction).toMatchObject({
      status: 'running',
      stoppedAt: null,
    });
    expect(evaluateSla(t, '2025-11-06T10:00:00+03:00').resolution).toMatchObject({
      status: 'running',
      stoppedAt: null,
    });
    expect(evaluateSla(t, '2025-11-06T12:00:00+03:00').resolution).toMatchObject({
      status: 'met',
      elapsedMs: 10 * HOUR,
    });
  });

  it('accepts now as a Date', () => {
    const t = ticket(2, '2025-11-05T10:00:00+03:00', 'Europe/Moscow', [...events]);
    expect(evaluateSla(t, new Date('2025-11-06T09:00:00Z'))).toEqual(
      evaluateSla(t, '2025-11-06T09:00:00Z'),
    );
  });
});

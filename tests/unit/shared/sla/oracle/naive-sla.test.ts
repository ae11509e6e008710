// Hand-computed literal cases for the naive oracle itself, so that it can be trusted on its own
// before it is used to judge the engine. Every expected instant was worked out by hand from
// DOMAIN.md rules 1–11 and /work/shared/data/ru-production-calendar.json; the comment on each case
// states the calendar facts it relies on. Zones: Moscow UTC+3, Yekaterinburg UTC+5,
// Novosibirsk UTC+7, Vladivostok UTC+10, Kamchatka UTC+12 (no DST in Russia since 2014).
import { describe, expect, it } from 'vitest';
import {
  evaluateSla,
  planAlerts,
  type OracleClock,
  type OracleEvent,
  type OracleTicket,
  type Priority,
} from './naive-sla';

const H = 3_600_000;

function ticket(
  priority: Priority,
  createdAt: string,
  timeZone: string,
  events: OracleEvent[] = [],
  calendar?: string,
): OracleTicket {
  return calendar === undefined
    ? { priority, createdAt, timeZone, events }
    : { priority, createdAt, timeZone, events, calendar };
}

function clock(
  status: OracleClock['status'],
  targetH: number,
  elapsedMs: number,
  dueAt: string | null,
  stoppedAt: string | null = null,
): OracleClock {
  return {
    status,
    targetMs: targetH * H,
    elapsedMs,
    remainingMs: targetH * H - elapsedMs,
    dueAt,
    stoppedAt,
  };
}

interface Case {
  name: string;
  ticket: OracleTicket;
  now: string;
  reaction: OracleClock;
  resolution: OracleClock;
}

const cases: Case[] = [
  {
    // 2025-03-03 is an ordinary Monday; 03-04, 03-05 ordinary working days.
    name: 'P2 Moscow, Mon 09:00: reaction Mon 13:00, resolution 9+9+6 h → Wed 15:00',
    ticket: ticket(2, '2025-03-03T06:00:00Z', 'Europe/Moscow'),
    now: '2025-03-03T07:00:00Z',
    reaction: clock('running', 4, 1 * H, '2025-03-03T10:00:00.000Z'),
    resolution: clock('running', 24, 1 * H, '2025-03-05T12:00:00.000Z'),
  },
  {
    // Rule 3: reaching the target exactly at 18:00 gives 18:00. 2025-03-10..14 is an ordinary
    // Mon–Fri week (March 8 2025 fell on Saturday and was not transferred).
    // P3 resolution 40 h = 4 × 9 h + 4 h → Fri 13:00; reaction 8 h → Mon 17:00.
    name: 'P3 Moscow, week without holidays: resolution Fri 13:00',
    ticket: ticket(3, '2025-03-10T06:00:00Z', 'Europe/Moscow'),
    now: '2025-03-10T15:00:00Z', // Mon 18:00 MSK: end of the working day, clock not advancing
    reaction: clock('breached', 8, 9 * H, '2025-03-10T14:00:00.000Z'),
    resolution: clock('waiting', 40, 9 * H, '2025-03-14T10:00:00.000Z'),
  },
  {
    // 2025-03-07 (Fri) is a short day (ends 17:00); 03-08/09 weekend; 03-10 Mon normal.
    // Reaction 4 h: Fri 15–17 = 2 h, Mon 09:00 + 2 h = 11:00 MSK.
    // Resolution 24 h: Fri 2 h, Mon 9, Tue 9 (=20), Wed 03-12 09:00 + 4 h = 13:00 MSK.
    name: 'P2 Moscow, short pre-holiday Friday 2025-03-07',
    ticket: ticket(2, '2025-03-07T12:00:00Z', 'Europe/Moscow'),
    now: '2025-03-07T14:30:00Z', // Fri 17:30 MSK: after the short day's end
    reaction: clock('waiting', 4, 2 * H, '2025-03-10T08:00:00.000Z'),
    resolution: clock('waiting', 24, 2 * H, '2025-03-12T10:00:00.000Z'),
  },
  {
    // 2025-11-01 (Sat) is a working Saturday AND a short day (09–17); 11-02 Sun; 11-03 and 11-04
    // holidays; 11-05 Wed working. Yekaterinburg UTC+5.
    // Reaction 8 h: Fri 16–18 = 2 h, Sat 09:00 + 6 h = 15:00 local = 10:00Z.
    // Resolution 40 h: Fri 2, Sat 8 (=10), Wed 11-05 9 (=19), Thu 9 (=28), Fri 11-07 9 (=37),
    // Mon 11-10 09:00 + 3 h = 12:00 local = 07:00Z.
    name: 'P3 Yekaterinburg over the working short Saturday 2025-11-01',
    ticket: ticket(3, '2025-10-31T11:00:00Z', 'Asia/Yekaterinburg'),
    now: '2025-11-01T09:00:00Z', // Sat 14:00 local: 2 h Fri + 5 h Sat
    reaction: clock('running', 8, 7 * H, '2025-11-01T10:00:00.000Z'),
    resolution: clock('running', 40, 7 * H, '2025-11-10T07:00:00.000Z'),
  },
  {
    // 2025-12-30 (Tue) is an ordinary full day (not short: 12-31 is a transferred day off);
    // 2025-12-31 and 2026-01-01..02, 05..09 are holidays; 01-03/04, 01-10/11 weekends;
    // 2026-01-12 Mon is the first working day. Novosibirsk UTC+7.
    // Reaction 4 h: Tue 17–18 = 1 h, then 2026-01-12 09:00 + 3 h = 12:00 local = 05:00Z.
    // Resolution 24 h: 1 h, Mon 12th 9 (=10), Tue 9 (=19), Wed 14th 09:00 + 5 h = 14:00 = 07:00Z.
    name: 'P2 Novosibirsk across the New Year 2026 holidays',
    ticket: ticket(2, '2025-12-30T10:00:00Z', 'Asia/Novosibirsk'),
    now: '2026-01-05T03:00:00Z', // Mon 5 Jan 10:00 local, a holiday
    reaction: clock('waiting', 4, 1 * H, '2026-01-12T05:00:00.000Z'),
    resolution: clock('waiting', 24, 1 * H, '2026-01-14T07:00:00.000Z'),
  },
  {
    // P1 counts 24×7, holidays too (2026-01-01 is a holiday). Pause 02:00–03:00Z is excluded from
    // resolution only; the pause is also the first response (reaction stops at 02:00Z > 01:00Z).
    name: 'P1 on a holiday with a pause: reaction breached by the pause, resolution shifted 1 h',
    ticket: ticket(1, '2026-01-01T00:00:00Z', 'Europe/Moscow', [
      { type: 'paused', at: '2026-01-01T02:00:00Z', reason: 'user_unreachable' },
      { type: 'resumed', at: '2026-01-01T03:00:00Z' },
    ]),
    now: '2026-01-01T05:00:00Z',
    reaction: clock('breached', 1, 2 * H, '2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z'),
    resolution: clock('running', 8, 4 * H, '2026-01-01T09:00:00.000Z'),
  },
  {
    // Ordinary Monday 2025-03-03. Paused at 10:00 MSK, still paused at noon: dueAt unknown.
    name: 'P2 Moscow paused: resolution dueAt null, reaction met by the pause',
    ticket: ticket(2, '2025-03-03T06:00:00Z', 'Europe/Moscow', [
      { type: 'paused', at: '2025-03-03T07:00:00Z', reason: 'awaiting_user_info' },
    ]),
    now: '2025-03-03T09:00:00Z',
    reaction: clock('met', 4, 1 * H, '2025-03-03T10:00:00.000Z', '2025-03-03T07:00:00.000Z'),
    resolution: clock('paused', 24, 1 * H, null),
  },
  {
    // P1: resolved 02:00Z, reopened 05:00Z: the gap is not counted. Elapsed 2 + 1 = 3 h,
    // due 05:00Z + 6 h = 11:00Z. Reaction stopped by the resolve at 02:00Z, after 01:00Z.
    name: 'P1 resolved then reopened: gap not counted',
    ticket: ticket(1, '2025-06-01T00:00:00Z', 'Asia/Vladivostok', [
      { type: 'resolved', at: '2025-06-01T02:00:00Z' },
      { type: 'reopened', at: '2025-06-01T05:00:00Z' },
    ]),
    now: '2025-06-01T06:00:00Z',
    reaction: clock('breached', 1, 2 * H, '2025-06-01T01:00:00.000Z', '2025-06-01T02:00:00.000Z'),
    resolution: clock('running', 8, 3 * H, '2025-06-01T11:00:00.000Z'),
  },
  {
    // P3 extended by 16 h → 56 h. Ordinary weeks 2025-03-10..14 (45 h) and 03-17 (54 h);
    // Tue 03-18 09:00 + 2 h = 11:00 MSK = 08:00Z. Reaction: reacted Mon 10:00 MSK.
    name: 'P3 Moscow with a 16 h extension',
    ticket: ticket(3, '2025-03-10T06:00:00Z', 'Europe/Moscow', [
      { type: 'reacted', at: '2025-03-10T07:00:00Z' },
      { type: 'extended', at: '2025-03-10T07:30:00Z', hours: 16 },
    ]),
    now: '2025-03-10T08:00:00Z',
    reaction: clock('met', 8, 1 * H, '2025-03-10T14:00:00.000Z', '2025-03-10T07:00:00.000Z'),
    resolution: clock('running', 56, 2 * H, '2025-03-18T08:00:00.000Z'),
  },
  {
    // Same, then changed to P2: the extension is dropped and P2 targets (4/24 h) apply from
    // createdAt. Reaction 4 h → 13:00 MSK; resolution 24 h → Wed 03-12 15:00 MSK = 12:00Z.
    name: 'P3 extension dropped after a change to P2',
    ticket: ticket(3, '2025-03-10T06:00:00Z', 'Europe/Moscow', [
      { type: 'reacted', at: '2025-03-10T07:00:00Z' },
      { type: 'extended', at: '2025-03-10T07:30:00Z', hours: 16 },
      { type: 'priority_changed', at: '2025-03-10T07:45:00Z', to: 2 },
    ]),
    now: '2025-03-10T08:00:00Z',
    reaction: clock('met', 4, 1 * H, '2025-03-10T10:00:00.000Z', '2025-03-10T07:00:00.000Z'),
    resolution: clock('running', 24, 2 * H, '2025-03-12T12:00:00.000Z'),
  },
  {
    // P4: fix_scheduled Wed 2025-03-12 12:00 MSK stops both clocks. Counted 9 + 9 + 3 = 21 h.
    // Resolution due Fri 03-14 13:00 MSK (met); reaction due Mon 17:00 MSK (breached).
    name: 'P4 Moscow, fix_scheduled stops both clocks',
    ticket: ticket(4, '2025-03-10T06:00:00Z', 'Europe/Moscow', [
      { type: 'fix_scheduled', at: '2025-03-12T09:00:00Z', releaseDate: '2025-04-01' },
    ]),
    now: '2025-03-20T09:00:00Z',
    reaction: clock('breached', 8, 21 * H, '2025-03-10T14:00:00.000Z', '2025-03-12T09:00:00.000Z'),
    resolution: clock('met', 40, 21 * H, '2025-03-14T10:00:00.000Z', '2025-03-12T09:00:00.000Z'),
  },
  {
    // Calendar 'none' in Berlin: Fri 2025-03-28 16:00 CET (UTC+1); DST starts Sun 03-30;
    // Mon 03-31 is CEST (UTC+2). Reaction: Fri 16–18 = 2 h, Mon 09:00 + 2 h = 11:00 CEST = 09:00Z.
    // Resolution 24 h: 2, Mon 9 (=11), Tue 9 (=20), Wed 04-02 09:00 + 4 h = 13:00 CEST = 11:00Z.
    name: "P2 Berlin, calendar 'none', across the DST change",
    ticket: ticket(2, '2025-03-28T15:00:00Z', 'Europe/Berlin', [], 'none'),
    now: '2025-03-29T12:00:00Z', // Saturday
    reaction: clock('waiting', 4, 2 * H, '2025-03-31T09:00:00.000Z'),
    resolution: clock('waiting', 24, 2 * H, '2025-04-02T11:00:00.000Z'),
  },
  {
    // Calendar 'none' ignores RU holidays: 2026-01-01 is a Thursday, so it is a working day.
    name: "P2 Moscow, calendar 'none': 1 January counts",
    ticket: ticket(2, '2026-01-01T06:00:00Z', 'Europe/Moscow', [], 'none'),
    now: '2026-01-01T06:00:00Z',
    reaction: clock('running', 4, 0, '2026-01-01T10:00:00.000Z'),
    resolution: clock('running', 24, 0, '2026-01-05T12:00:00.000Z'), // Thu 9, Fri 9, Mon 6 h
  },
  {
    // Created Saturday 2025-03-15: the clock waits until Mon 03-17 09:00 MSK.
    name: 'P2 created on a Saturday waits until Monday 09:00',
    ticket: ticket(2, '2025-03-15T09:00:00Z', 'Europe/Moscow'),
    now: '2025-03-15T10:00:00Z',
    reaction: clock('waiting', 4, 0, '2025-03-17T10:00:00.000Z'),
    resolution: clock('waiting', 24, 0, '2025-03-19T12:00:00.000Z'), // Mon 9, Tue 9, Wed 15:00 MSK
  },
  {
    // Resolved during a pause ends the pause; the stopped clock keeps the deadline projected from
    // the stop: elapsed 1 h (Mon 09–10 MSK), 23 h left from Wed 2025-03-05 12:00 MSK:
    // Wed 6 h, Thu 9 h (=15), Fri 03-07 is a SHORT day 09–17 = 8 h → exactly 17:00 MSK = 14:00Z.
    name: 'P2 resolved during a pause: met, dueAt ends exactly at a short day end',
    ticket: ticket(2, '2025-03-03T06:00:00Z', 'Europe/Moscow', [
      { type: 'paused', at: '2025-03-03T07:00:00Z', reason: 'other', note: 'site closed' },
      { type: 'resolved', at: '2025-03-05T09:00:00Z' },
    ]),
    now: '2025-03-06T09:00:00Z',
    reaction: clock('met', 4, 1 * H, '2025-03-03T10:00:00.000Z', '2025-03-03T07:00:00.000Z'),
    resolution: clock('met', 24, 1 * H, '2025-03-07T14:00:00.000Z', '2025-03-05T09:00:00.000Z'),
  },
  {
    // Kamchatka UTC+12: created 2026-12-31 10:00 local (a holiday); 2027-01-01 holiday, 02/03
    // weekend, 04..08 holidays, 09/10 weekend; first working day Mon 2027-01-11.
    // Reaction due 13:00 local = 01:00Z on 01-11; resolution Mon 9, Tue 9, Wed 01-13 15:00 = 03:00Z.
    name: 'P2 Kamchatka across the New Year 2027 holidays',
    ticket: ticket(2, '2026-12-30T22:00:00Z', 'Asia/Kamchatka'),
    now: '2027-01-08T00:00:00Z',
    reaction: clock('waiting', 4, 0, '2027-01-11T01:00:00.000Z'),
    resolution: clock('waiting', 24, 0, '2027-01-13T03:00:00.000Z'),
  },
  {
    // Vladivostok UTC+10: Fri 2027-02-19 15:00 local (full day); Sat 02-20 is a working SHORT
    // Saturday (09–17); Mon 02-22 and Tue 02-23 are holidays.
    // Reaction: Fri 3 h, Sat 09:00 + 1 h = 10:00 local = 00:00Z.
    // Resolution: Fri 3, Sat 8 (=11), Wed 02-24 9 (=20), Thu 02-25 09:00 + 4 h = 13:00 = 03:00Z.
    name: 'P2 Vladivostok, working short Saturday 2027-02-20 then two holidays',
    ticket: ticket(2, '2027-02-19T05:00:00Z', 'Asia/Vladivostok'),
    now: '2027-02-21T00:00:00Z', // Sunday 10:00 local
    reaction: clock('breached', 4, 11 * H, '2027-02-20T00:00:00.000Z'),
    resolution: clock('waiting', 24, 11 * H, '2027-02-25T03:00:00.000Z'),
  },
  {
    // 2024-04-27 (Sat) is a working Saturday (full day); 04-29/30 and 05-01 holidays.
    // Kaliningrad UTC+2. Created Sat 09:00 local; reaction 4 h → 13:00 local = 11:00Z.
    // Resolution 24 h: Sat 9, Thu 05-02 9 (=18), Fri 05-03 09:00 + 6 h = 15:00 local = 13:00Z.
    name: 'P2 Kaliningrad, working Saturday 2024-04-27 and the May holidays',
    ticket: ticket(2, '2024-04-27T07:00:00Z', 'Europe/Kaliningrad', [], 'RU'),
    now: '2024-04-30T10:00:00Z',
    reaction: clock('breached', 4, 9 * H, '2024-04-27T11:00:00.000Z'),
    resolution: clock('waiting', 24, 9 * H, '2024-05-03T13:00:00.000Z'),
  },
];

describe('naive SLA oracle: hand-computed cases', () => {
  it.each(cases)('$name', (c) => {
    expect(evaluateSla(c.ticket, c.now)).toEqual({
      reaction: c.reaction,
      resolution: c.resolution,
    });
  });

  it('plans alerts at 75 %, 90 %, 100 % of each running clock (P2 Moscow, Mon 2025-03-03)', () => {
    // Reaction 4 h from Mon 09:00 MSK: 3 h → 12:00, 3.6 h → 12:36, 4 h → 13:00 MSK.
    // Resolution 24 h: 18 h → Tue 18:00 MSK (end of day, not Wed 09:00), 21.6 h → Wed 12:36,
    // 24 h → Wed 15:00 MSK.
    const t = ticket(2, '2025-03-03T06:00:00Z', 'Europe/Moscow');
    expect(planAlerts(t, '2025-03-03T06:00:00Z')).toEqual([
      { clock: 'reaction', level: 0.75, at: '2025-03-03T09:00:00.000Z' },
      { clock: 'reaction', level: 0.9, at: '2025-03-03T09:36:00.000Z' },
      { clock: 'reaction', level: 1, at: '2025-03-03T10:00:00.000Z' },
      { clock: 'resolution', level: 0.75, at: '2025-03-04T15:00:00.000Z' },
      { clock: 'resolution', level: 0.9, at: '2025-03-05T09:36:00.000Z' },
      { clock: 'resolution', level: 1, at: '2025-03-05T12:00:00.000Z' },
    ]);
    // At Mon 12:36 MSK exactly, the 90 % reaction instant is not strictly after now.
    expect(planAlerts(t, '2025-03-03T09:36:00Z', [0.9, 1])).toEqual([
      { clock: 'reaction', level: 1, at: '2025-03-03T10:00:00.000Z' },
      { clock: 'resolution', level: 0.9, at: '2025-03-05T09:36:00.000Z' },
      { clock: 'resolution', level: 1, at: '2025-03-05T12:00:00.000Z' },
    ]);
  });

  it('plans no alerts for a stopped reaction and a paused resolution', () => {
    const t = ticket(2, '2025-03-03T06:00:00Z', 'Europe/Moscow', [
      { type: 'paused', at: '2025-03-03T07:00:00Z', reason: 'awaiting_user_info' },
    ]);
    expect(planAlerts(t, '2025-03-03T09:00:00Z')).toEqual([]);
  });

  it('ignores events after now (replaying history)', () => {
    const t = ticket(2, '2025-03-03T06:00:00Z', 'Europe/Moscow', [
      { type: 'paused', at: '2025-03-03T07:00:00Z', reason: 'awaiting_user_info' },
      { type: 'resumed', at: '2025-03-03T08:00:00Z' },
    ]);
    expect(evaluateSla(t, '2025-03-03T06:30:00Z').resolution).toEqual(
      clock('running', 24, 0.5 * H, '2025-03-05T12:00:00.000Z'),
    );
    // After the resume: 1 h paused, so due 1 h later (Wed 16:00 MSK).
    expect(evaluateSla(t, '2025-03-03T09:00:00Z').resolution).toEqual(
      clock('running', 24, 2 * H, '2025-03-05T13:00:00.000Z'),
    );
  });

  const created = '2025-03-03T06:00:00Z';
  const bad: [string, OracleTicket, string][] = [
    ['now before createdAt', ticket(2, created, 'Europe/Moscow'), '2025-03-03T05:59:00Z'],
    [
      'event before createdAt',
      ticket(2, created, 'Europe/Moscow', [{ type: 'reacted', at: '2025-03-03T05:00:00Z' }]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'events out of order',
      ticket(2, created, 'Europe/Moscow', [
        { type: 'reacted', at: '2025-03-03T08:00:00Z' },
        { type: 'resolved', at: '2025-03-03T07:00:00Z' },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'resume without pause',
      ticket(2, created, 'Europe/Moscow', [{ type: 'resumed', at: '2025-03-03T07:00:00Z' }]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'pause while paused',
      ticket(2, created, 'Europe/Moscow', [
        { type: 'paused', at: '2025-03-03T07:00:00Z', reason: 'user_side_fault' },
        { type: 'paused', at: '2025-03-03T08:00:00Z', reason: 'user_side_fault' },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'pause while resolved',
      ticket(2, created, 'Europe/Moscow', [
        { type: 'resolved', at: '2025-03-03T07:00:00Z' },
        { type: 'paused', at: '2025-03-03T08:00:00Z', reason: 'user_side_fault' },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'resolve of resolved',
      ticket(2, created, 'Europe/Moscow', [
        { type: 'resolved', at: '2025-03-03T07:00:00Z' },
        { type: 'resolved', at: '2025-03-03T08:00:00Z' },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'reopen of open',
      ticket(2, created, 'Europe/Moscow', [{ type: 'reopened', at: '2025-03-03T07:00:00Z' }]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'extension on P2',
      ticket(2, created, 'Europe/Moscow', [
        { type: 'extended', at: '2025-03-03T07:00:00Z', hours: 8 },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'extension on a P2 that becomes P3 later',
      ticket(2, created, 'Europe/Moscow', [
        { type: 'extended', at: '2025-03-03T07:00:00Z', hours: 8 },
        { type: 'priority_changed', at: '2025-03-03T08:00:00Z', to: 3 },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    [
      'fix_scheduled on P3',
      ticket(3, created, 'Europe/Moscow', [
        { type: 'fix_scheduled', at: '2025-03-03T07:00:00Z', releaseDate: '2025-04-01' },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    ['unknown zone', ticket(2, created, 'Europe/Atlantis'), '2025-03-04T00:00:00Z'],
    [
      'unknown pause reason',
      ticket(2, created, 'Europe/Moscow', [
        { type: 'paused', at: '2025-03-03T07:00:00Z', reason: 'lunch' as never },
      ]),
      '2025-03-04T00:00:00Z',
    ],
    [
      "'other' without a note",
      ticket(2, created, 'Europe/Moscow', [
        { type: 'paused', at: '2025-03-03T07:00:00Z', reason: 'other' },
      ]),
      '2025-03-04T00:00:00Z',
    ],
  ];
  it.each(bad)('rejects %s', (_name, t, now) => {
    expect(() => evaluateSla(t, now)).toThrow(Error);
    expect(() => planAlerts(t, now)).toThrow(Error);
  });
});

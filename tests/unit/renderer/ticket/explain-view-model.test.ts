import { describe, expect, it } from 'vitest';
import { explainSla, type SlaTicket } from '../../../../shared/sla';
import {
  buildExplanationView,
  type LedgerRow,
} from '../../../../renderer/features/ticket/explain-view-model';

const H = 3_600_000;

/** A ledger row as one short line, so a whole ledger reads like the panel does. */
function line(row: LedgerRow): string {
  const hhmm = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  switch (row.kind) {
    case 'marker':
      return `${row.marker} ${hhmm(row.at)}`;
    case 'skipped':
      return row.days !== null
        ? `skip ${row.reason} ${row.fromDate}..${row.toDate} (${row.days} d)`
        : `skip ${row.reason}${row.pauseReason ? `:${row.pauseReason}` : ''} ${hhmm(row.from)}–${hhmm(row.to)}`;
    case 'counted':
      return `count ${hhmm(row.from)}–${row.to.slice(11, 16)} ${row.ms / H}h → ${row.totalMs / H}h${row.projected ? ' projected' : ''}${row.overTarget ? ' over' : ''}`;
  }
}

function ledgers(ticket: SlaTicket, now: string) {
  const view = buildExplanationView(explainSla(ticket, now), now);
  return { view, reaction: view.clocks[0], resolution: view.clocks[1] };
}

describe('explain this deadline: the RU New Year holidays', () => {
  // RU calendar (shared/calendars/ru.json): 30.12.2025 Tue is a full working day; 31.12.2025 and
  // 1–2.01.2026 are holidays, 3–4.01 a weekend, 5–9.01 holidays, 10–11.01 a weekend; 12.01 Mon works.
  // A P3 created 30.12.2025 15:00 Moscow (12:00Z, UTC+3): 3 h count that evening, then nothing
  // until 12.01 09:00. Reaction (8 h) is due 12.01 14:00 MSK; resolution (40 h) 16.01 10:00 MSK.
  const p3: SlaTicket = {
    priority: 3,
    createdAt: '2025-12-30T12:00:00Z',
    timeZone: 'Europe/Moscow',
    calendar: 'RU',
    events: [],
  };
  const now = '2026-01-13T07:00:00.000Z'; // 13.01 10:00 MSK, no reaction yet

  it('reaction: 3 h on 30.12, the holidays skipped, due 12.01 14:00 MSK, 5 h overdue by now', () => {
    const { reaction } = ledgers(p3, now);
    expect(reaction.state).toMatchObject({ status: 'breached', dueAt: '2026-01-12T11:00:00.000Z' });
    expect(reaction.rows.map(line)).toEqual([
      'count 2025-12-30 12:00–15:00 3h → 3h',
      'skip holiday 2025-12-31..2026-01-02 (3 d)',
      'skip weekend 2026-01-03..2026-01-04 (2 d)',
      'skip holiday 2026-01-05..2026-01-09 (5 d)',
      'skip weekend 2026-01-10..2026-01-11 (2 d)',
      'count 2026-01-12 06:00–11:00 5h → 8h',
      'due 2026-01-12 11:00',
      'count 2026-01-12 11:00–15:00 4h → 12h over',
      'count 2026-01-13 06:00–07:00 1h → 13h over',
      'now 2026-01-13 07:00',
    ]);
    expect(reaction.countedMs).toBe(13 * H);
    expect(reaction.skipped).toEqual({
      holidayDays: 8,
      weekendDays: 4,
      shortDayMs: 0,
      pausedMs: 0,
      resolvedMs: 0,
    });
  });

  it('resolution: counted so far, then the projected days up to 16.01 10:00 MSK', () => {
    const { resolution } = ledgers(p3, now);
    expect(resolution.state.dueAt).toBe('2026-01-16T07:00:00.000Z');
    expect(resolution.rows.map(line).slice(5)).toEqual([
      'count 2026-01-12 06:00–15:00 9h → 12h',
      'count 2026-01-13 06:00–07:00 1h → 13h',
      'now 2026-01-13 07:00',
      'count 2026-01-13 07:00–15:00 8h → 21h projected',
      'count 2026-01-14 06:00–15:00 9h → 30h projected',
      'count 2026-01-15 06:00–15:00 9h → 39h projected',
      'count 2026-01-16 06:00–07:00 1h → 40h projected',
      'due 2026-01-16 07:00',
    ]);
    expect([resolution.countedMs / H, resolution.projectedMs / H]).toEqual([13, 27]);
  });

  it('the 2026/27 holidays: 31.12.2026–10.01.2027 off, Monday 11.01.2027 works', () => {
    // RU calendar: 31.12.2026 Thu and 1.01.2027 Fri are holidays, 2–3.01 a weekend, 4–8.01
    // holidays, 9–10.01 a weekend. A P3 created Wed 30.12.2026 15:00 MSK reacts by 11.01 14:00.
    const { reaction } = ledgers(
      { ...p3, createdAt: '2026-12-30T12:00:00Z' },
      '2027-01-11T09:00:00Z',
    );
    expect(reaction.state.dueAt).toBe('2027-01-11T11:00:00.000Z');
    expect(reaction.rows.filter((r) => r.kind === 'skipped').map(line)).toEqual([
      'skip holiday 2026-12-31..2027-01-01 (2 d)',
      'skip weekend 2027-01-02..2027-01-03 (2 d)',
      'skip holiday 2027-01-04..2027-01-08 (5 d)',
      'skip weekend 2027-01-09..2027-01-10 (2 d)',
    ]);
  });
});

describe('explain this deadline: short days, pauses, stops', () => {
  it('a pre-holiday short day loses its last hour', () => {
    // RU 2026: 3.11 Tue is a short day (09:00–17:00 Moscow), 4.11 Wed a holiday. A P2 created
    // Mon 2.11 10:00 MSK counts 8 h on 2.11, 8 h on 3.11, and reaches 24 h on Thu 5.11 at 17:00.
    const { resolution } = ledgers(
      {
        priority: 2,
        createdAt: '2026-11-02T07:00:00Z',
        timeZone: 'Europe/Moscow',
        calendar: 'RU',
        events: [],
      },
      '2026-11-05T08:00:00Z',
    );
    expect(resolution.state.dueAt).toBe('2026-11-05T14:00:00.000Z');
    expect(resolution.rows.map(line)).toEqual([
      'count 2026-11-02 07:00–15:00 8h → 8h',
      'count 2026-11-03 06:00–14:00 8h → 16h',
      'skip short_day 2026-11-03 14:00–2026-11-03 15:00',
      'skip holiday 2026-11-04..2026-11-04 (1 d)',
      'count 2026-11-05 06:00–08:00 2h → 18h',
      'now 2026-11-05 08:00',
      'count 2026-11-05 08:00–14:00 6h → 24h projected',
      'due 2026-11-05 14:00',
    ]);
    expect(resolution.rows[1]).toMatchObject({ kind: 'counted', dayKind: 'short_day' });
    expect(resolution.skipped.shortDayMs).toBe(H);
  });

  it('a pause is skipped with its reason; the reaction clock stops at the first response', () => {
    // A P3 in Moscow created Mon 9.11.2026 09:00, taken into work 10:00, paused 11:00 for
    // information, resumed Tue 10.11 10:00. The weekend 14–15.11 is skipped; 40 h are reached
    // Mon 16.11 at 12:00 MSK (2 + 8 + 9 + 9 + 9 + 3).
    const { reaction, resolution } = ledgers(
      {
        priority: 3,
        createdAt: '2026-11-09T06:00:00Z',
        timeZone: 'Europe/Moscow',
        calendar: 'RU',
        events: [
          { type: 'reacted', at: '2026-11-09T07:00:00Z' },
          { type: 'paused', at: '2026-11-09T08:00:00Z', reason: 'awaiting_user_info' },
          { type: 'resumed', at: '2026-11-10T07:00:00Z' },
        ],
      },
      '2026-11-12T12:00:00Z',
    );
    expect(reaction.state).toMatchObject({ status: 'met', stoppedAt: '2026-11-09T07:00:00.000Z' });
    expect(reaction.rows.map(line)).toEqual([
      'count 2026-11-09 06:00–07:00 1h → 1h',
      'stopped 2026-11-09 07:00',
      'due 2026-11-09 14:00',
    ]);
    expect(resolution.state.dueAt).toBe('2026-11-16T09:00:00.000Z');
    expect(resolution.rows.map(line).slice(0, 4)).toEqual([
      'count 2026-11-09 06:00–08:00 2h → 2h',
      'skip paused:awaiting_user_info 2026-11-09 08:00–2026-11-10 07:00',
      'count 2026-11-10 07:00–15:00 8h → 10h',
      'count 2026-11-11 06:00–15:00 9h → 19h',
    ]);
    expect(resolution.rows.map(line)).toContain('skip weekend 2026-11-14..2026-11-15 (2 d)');
    expect(resolution.skipped.pausedMs).toBe(23 * H);
  });

  it('P1 counts around the clock: no days are skipped', () => {
    // P1: 24×7, holidays too. Created 31.12.2025 22:00 MSK; resolution (8 h) due 1.01 06:00 MSK.
    const { view, resolution } = ledgers(
      {
        priority: 1,
        createdAt: '2025-12-31T19:00:00Z',
        timeZone: 'Europe/Moscow',
        calendar: 'RU',
        events: [],
      },
      '2025-12-31T20:00:00Z',
    );
    expect(view.schedule).toBe('24x7');
    expect(resolution.rows.map(line)).toEqual([
      'count 2025-12-31 19:00–20:00 1h → 1h',
      'now 2025-12-31 20:00',
      'count 2025-12-31 20:00–03:00 7h → 8h projected',
      'due 2026-01-01 03:00',
    ]);
  });
});

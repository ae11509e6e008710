import { describe, expect, test } from 'vitest';
import { buildEvidencePack, evidenceAsOf, type EvidenceInput } from '../../../../shared/evidence';
import { explainSla } from '../../../../shared/sla';
import { toSlaTicket } from '../../../../shared/domain/ticket';
import { buildExplanationView } from '../../../../renderer/features/ticket/explain-view-model';
import {
  newYearTicket,
  ORGANIZATION,
  PENDING_COMMENT_ID,
  USERS,
} from '../../../fixtures/evidence/new-year-ticket';

const HOUR = 3_600_000;

function input(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    ticket: newYearTicket(),
    organization: ORGANIZATION,
    users: (id) => USERS.find((user) => user.id === id),
    pendingCommandIds: new Set([PENDING_COMMENT_ID]),
    generatedAt: '2027-02-01T09:00:00.000Z',
    appVersion: '0.1.0',
    ...overrides,
  };
}

describe('buildEvidencePack on the ticket paused over the New Year holidays 2027', () => {
  const pack = buildEvidencePack(input());

  test('a resolved ticket is counted as of its resolution, not when the pack is made', () => {
    expect(pack.asOf).toBe('2027-01-12T10:00:00.000Z');
    expect(pack.asOfBasis).toBe('resolution');
    expect(buildEvidencePack(input({ generatedAt: '2030-06-01T00:00:00.000Z' }))).toEqual(pack);
  });

  test('an open ticket is counted as of when the pack is made', () => {
    const open = { ...newYearTicket(), state: 'open' as const };
    expect(evidenceAsOf(open, '2027-01-12T10:30:00+05:00')).toEqual({
      asOf: '2027-01-12T05:30:00.000Z',
      asOfBasis: 'generated',
    });
  });

  test('the request is as registered, with the organization, its zone and calendar', () => {
    expect(pack.request).toMatchObject({
      number: 1042,
      organization: { name: 'ООО «Уралтехснаб»', timeZone: 'Asia/Yekaterinburg', calendar: 'RU' },
      initialPriority: 3,
      createdAt: '2026-12-29T05:00:00.000Z',
      lateRegistrationReason: null,
      assignee: { id: 'u-irina', name: 'Ирина Ковалёва' },
    });
    expect(pack.software.calendar).toEqual({
      id: 'RU',
      name: 'Производственный календарь РФ',
      yearsWithData: [2024, 2025, 2026, 2027],
    });
  });

  test('every record in time order, with its sync state and adjusted mark', () => {
    expect(
      pack.timeline.map((entry) => [entry.at, entry.kind, entry.sync.status, entry.adjusted]),
    ).toEqual([
      ['2026-12-29T06:00:00.000Z', 'sla_event', 'synced', false],
      ['2026-12-29T06:00:00.000Z', 'assignment', 'synced', false],
      ['2026-12-30T07:00:00.000Z', 'sla_event', 'synced', false],
      ['2027-01-11T05:00:00.000Z', 'sla_event', 'synced', true],
      ['2027-01-11T05:20:00.000Z', 'attachment', 'synced', false],
      ['2027-01-11T05:30:00.000Z', 'comment', 'synced', false],
      // The resolution predates sync times: «не записано».
      ['2027-01-12T10:00:00.000Z', 'sla_event', 'not_recorded', false],
      ['2027-01-12T10:00:00.000Z', 'work_log', 'synced', false],
      // Still in the outbox: «не отправлено».
      ['2027-01-12T11:00:00.000Z', 'comment', 'unsent', false],
    ]);
    expect(pack.timeline[5]!.sync).toEqual({
      status: 'synced',
      receivedAt: '2027-01-11T08:15:00.000Z',
    });
  });

  test('the pause over the holidays kept 7 working hours off the clock', () => {
    // Wed 12:00–18:00 (6 h) and Mon 09:00–10:00 (1 h); 12-31…01-10 are holidays and weekends.
    expect(pack.pauses).toEqual([
      {
        reason: 'awaiting_user_info',
        note: 'Запрошены журналы сервера',
        from: '2026-12-30T07:00:00.000Z',
        to: '2027-01-11T05:00:00.000Z',
        endedBy: 'resumed',
        wallMs: 286 * HOUR,
        uncountedWorkingMs: 7 * HOUR,
      },
    ]);
  });

  test('verdicts: reaction met in 1 h, resolution met in 25 of 40 working hours', () => {
    expect(pack.clocks.reaction.verdict).toMatchObject({
      status: 'met',
      elapsedMs: 1 * HOUR,
      targetMs: 8 * HOUR,
      // Tue 10:00 + 8 working hours = Tue 18:00 local.
      dueAt: '2026-12-29T13:00:00.000Z',
      stoppedAt: '2026-12-29T06:00:00.000Z',
    });
    // 8 h (Tue 10–18) + 3 h (Wed 9–12) + 8 h (Mon 10–18) + 6 h (Tue 9–15) = 25 h; due after 29 more
    // hours from Mon 10:00: Mon 8, Tue 9, Wed 9, Thu 09:00–12:00.
    expect(pack.clocks.resolution.verdict).toMatchObject({
      status: 'met',
      elapsedMs: 25 * HOUR,
      targetMs: 40 * HOUR,
      dueAt: '2027-01-14T07:00:00.000Z',
      stoppedAt: '2027-01-12T10:00:00.000Z',
    });
    expect(pack.clocks.resolution.countedMs).toBe(25 * HOUR);
  });

  test('the ledger skips the holidays, the weekends and the pause', () => {
    const skipped = pack.clocks.resolution.skipped.map((period) => [
      period.reason,
      period.fromDate ?? period.from,
      period.toDate ?? period.to,
    ]);
    expect(skipped).toEqual([
      ['paused', '2026-12-30T07:00:00.000Z', '2027-01-11T05:00:00.000Z'],
      ['holiday', '2026-12-31', '2027-01-01'],
      ['weekend', '2027-01-02', '2027-01-03'],
      ['holiday', '2027-01-04', '2027-01-08'],
      ['weekend', '2027-01-09', '2027-01-10'],
    ]);
  });

  test('the ledger and verdict are those of the ticket page’s explain view', () => {
    const sla = toSlaTicket(newYearTicket(), ORGANIZATION);
    const view = buildExplanationView(explainSla(sla, pack.asOf), pack.asOf);
    for (const ledger of view.clocks) {
      const clock = pack.clocks[ledger.clock];
      expect(clock.verdict).toEqual(ledger.state);
      expect(clock.countedMs).toBe(ledger.countedMs);
    }
    expect(view.clocks[1].skipped).toMatchObject({ holidayDays: 7, weekendDays: 4 });
  });

  test('events the engine refuses are not made into a pack', () => {
    const ticket = newYearTicket();
    ticket.events = [...ticket.events].reverse();
    expect(() => buildEvidencePack(input({ ticket }))).toThrow(/order/i);
  });
});

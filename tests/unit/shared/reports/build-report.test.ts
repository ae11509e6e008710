import { describe, expect, it } from 'vitest';
import { toSlaTicket } from '@shared/domain/ticket';
import { buildComplianceReport, type ReportCell } from '@shared/reports';
import { evaluateSla } from '@shared/sla';
import {
  FIXTURE_TICKETS,
  LATER,
  MOSCOW,
  ORGANIZATIONS,
  VLADIVOSTOK,
  hours,
  ticket,
} from './fixtures';

const january = { kind: 'month', year: 2027, month: 1 } as const;
const february = { kind: 'month', year: 2027, month: 2 } as const;
const march = { kind: 'month', year: 2027, month: 3 } as const;
/** After the reopened ticket's last event. */
const LATER_Q2 = '2027-07-10T12:00:00Z';

function report(period: Parameters<typeof buildComplianceReport>[2]['period'], orgs?: string[]) {
  return buildComplianceReport(FIXTURE_TICKETS, ORGANIZATIONS, {
    period,
    now: LATER,
    ...(orgs ? { organizationIds: orgs } : {}),
  });
}

function cell(cells: ReportCell[], organizationId: string, priority: number): ReportCell {
  const found = cells.find((c) => c.organizationId === organizationId && c.priority === priority);
  if (!found) throw new Error(`no cell ${organizationId} P${priority}`);
  return found;
}

describe('compliance report: January 2027 (New Year holidays), hand-computed', () => {
  const jan = report(january, [MOSCOW.id]);

  it('counts per organization × priority, met and breached by the clock that decided them', () => {
    expect(jan.cells.map((c) => `${c.organizationId} P${c.priority}`)).toEqual([
      'org-msk P1',
      'org-msk P2',
      'org-msk P4',
    ]);
    const p2 = cell(jan.cells, MOSCOW.id, 2);
    expect(p2.tickets.ticketIds).toEqual(['A', 'D', 'F']);
    expect(p2.reactionMet.ticketIds).toEqual(['A', 'D', 'F']);
    expect(p2.reactionBreached.count).toBe(0);
    expect(p2.resolutionMet.ticketIds).toEqual(['D']);
    expect(p2.resolutionBreached.ticketIds).toEqual(['A']);
    expect(p2.resolutionShareMet).toBe(0.5);
    expect(p2.reactionShareMet).toBe(1);
    // F was resolved in February: undecided at the end of January, shown but not counted.
    expect(p2.openAtEnd.ticketIds).toEqual(['F']);
  });

  it('takes medians and 90th percentiles by nearest rank, naming the ticket', () => {
    const p2 = cell(jan.cells, MOSCOW.id, 2);
    // Reaction samples 0.5 h (D), 0.5 h (F), 3 h (A); resolution 6 h (D), 25 h (A).
    expect(p2.reactionMedian).toEqual({ ms: hours(0.5), ticketId: 'F' });
    expect(p2.reactionP90).toEqual({ ms: hours(3), ticketId: 'A' });
    expect(p2.resolutionMedian).toEqual({ ms: hours(6), ticketId: 'D' });
    expect(p2.resolutionP90).toEqual({ ms: hours(25), ticketId: 'A' });
  });

  it('sums wall-clock pause time by reason', () => {
    expect(cell(jan.cells, MOSCOW.id, 2).paused).toEqual([
      { reason: 'awaiting_user_info', ms: hours(24), ticketIds: ['D'] },
    ]);
    expect(jan.paused).toEqual([{ reason: 'awaiting_user_info', ms: hours(24), ticketIds: ['D'] }]);
  });

  it('counts a P4 fix-date answer as the resolution stop', () => {
    const p4 = cell(jan.cells, MOSCOW.id, 4);
    expect(p4.fixDateAnswers.ticketIds).toEqual(['C']);
    expect(p4.resolutionMet.ticketIds).toEqual(['C']);
    expect(p4.resolutionMedian).toEqual({ ms: hours(30), ticketId: 'C' });
    expect(jan.lines.C?.fixDate).toBe('2027-02-01');
  });

  it('counts a P1 breach in the month its deadline passed, even if resolved the next month', () => {
    const p1 = cell(jan.cells, MOSCOW.id, 1);
    expect(p1.resolutionBreached.ticketIds).toEqual(['E']);
    expect(p1.resolutionMedian).toEqual({ ms: hours(26), ticketId: 'E' });
  });

  it('buckets met vs breached by the Monday of the week the verdict was decided', () => {
    expect(
      jan.weeks.map((w) => [
        w.weekStart,
        w.reactionMet.ticketIds,
        w.resolutionMet.ticketIds,
        w.resolutionBreached.ticketIds,
      ]),
    ).toEqual([
      ['2027-01-11', ['A', 'C'], ['C'], ['A']],
      ['2027-01-18', ['D'], ['D'], []],
      // E decided on Sat 30 / Sun 31 Jan, F's reaction Fri 29 Jan.
      ['2027-01-25', ['E', 'F'], [], ['E']],
    ]);
  });

  it('spreads counted resolution time against the target', () => {
    const byBucket = Object.fromEntries(
      jan.resolutionDistribution.map((b) => [`${b.fromPercent}`, b.tickets.ticketIds]),
    );
    // D 6/24 = 25 %, C 30/40 = 75 %, A 25/24 ≈ 104 %, E 26/8 = 325 %.
    expect(byBucket).toEqual({
      '0': [],
      '25': ['D'],
      '50': [],
      '75': ['C'],
      '100': ['A'],
      '150': [],
      '200': ['E'],
    });
  });
});

describe('compliance report across months', () => {
  it('February: a working Saturday reaction and the boundary-crossing resolution', () => {
    const feb = report(february, [MOSCOW.id]);
    const p3 = cell(feb.cells, MOSCOW.id, 3);
    expect(p3.reactionMet.ticketIds).toEqual(['B']);
    expect(p3.reactionMedian).toEqual({ ms: hours(7), ticketId: 'B' });
    expect(p3.openAtEnd.ticketIds).toEqual(['B']);
    expect(feb.lines.B?.resolution.elapsedMs).toBe(hours(36));
    expect(p3.extensions).toEqual({ count: 1, ticketIds: ['B'], hours: 16 });
    const p2 = cell(feb.cells, MOSCOW.id, 2);
    expect(p2.resolutionMet.ticketIds).toEqual(['F']);
    expect(p2.resolutionMedian).toEqual({ ms: hours(13), ticketId: 'F' });
    // A, C, D, E were decided in January: February does not count them again.
    expect(Object.keys(feb.lines).sort()).toEqual(['B', 'F']);
  });

  it('March: the extended P3 resolution met with 53 of 56 hours', () => {
    const mar = report(march, [MOSCOW.id]);
    const p3 = cell(mar.cells, MOSCOW.id, 3);
    expect(p3.resolutionMet.ticketIds).toEqual(['B']);
    expect(mar.lines.B?.resolution).toMatchObject({ elapsedMs: hours(53), targetMs: hours(56) });
  });

  it('a quarter counts each clock once: the sum of its months', () => {
    const quarter = report({ kind: 'quarter', year: 2027, quarter: 1 }, [MOSCOW.id]);
    const months = [january, february, march].map((m) => report(m, [MOSCOW.id]));
    const total = (
      cells: ReportCell[],
      key: 'reactionMet' | 'resolutionMet' | 'resolutionBreached',
    ) => cells.reduce((sum, c) => sum + c[key].count, 0);
    for (const key of ['reactionMet', 'resolutionMet', 'resolutionBreached'] as const) {
      expect(total(quarter.cells, key)).toBe(
        months.reduce((sum, m) => sum + total(m.cells, key), 0),
      );
    }
  });

  it('reads each organization’s month in its own zone', () => {
    const jan = report(january);
    const g = cell(jan.cells, VLADIVOSTOK.id, 2);
    expect(g.reactionBreached.ticketIds).toEqual(['G']);
    expect(g.resolutionBreached.ticketIds).toEqual(['G']);
  });

  it('never disagrees with the ticket page: every decided verdict is what evaluateSla shows later', () => {
    const organizationOf = (id: string) => ORGANIZATIONS.find((o) => o.id === id) ?? MOSCOW;
    for (const period of [january, february, march]) {
      const built = report(period);
      for (const line of Object.values(built.lines)) {
        const source = FIXTURE_TICKETS.find((t) => t.id === line.ticketId);
        if (!source) throw new Error(line.ticketId);
        const page = evaluateSla(toSlaTicket(source, organizationOf(source.organizationId)), LATER);
        for (const clock of ['reaction', 'resolution'] as const) {
          const verdict = line[clock].verdict;
          if (verdict !== 'met' && verdict !== 'breached') continue;
          expect(page[clock].status, `${line.ticketId} ${clock}`).toBe(verdict);
          expect(page[clock].dueAt).toBe(line[clock].dueAt);
        }
      }
    }
  });

  it('lists tickets the engine refuses instead of dropping them', () => {
    const broken = {
      ...FIXTURE_TICKETS[0]!,
      id: 'broken',
      events: [
        {
          type: 'resumed',
          at: '2027-01-11T12:00:00+03:00',
          author: 'x',
          authorId: null,
          commandId: 'c',
        },
      ],
    } as (typeof FIXTURE_TICKETS)[number];
    const orphan = { ...FIXTURE_TICKETS[0]!, id: 'orphan', organizationId: 'gone' };
    const built = buildComplianceReport([broken, orphan], ORGANIZATIONS, {
      period: january,
      now: LATER,
    });
    expect(built.unevaluable.map((u) => [u.ticketId, u.code])).toEqual([
      ['broken', 'event_not_allowed'],
      ['orphan', 'unknown_organization'],
    ]);
  });
});

describe('compliance report: a reopened ticket', () => {
  // Calendar facts (RU 2027): Mon 29 Mar to Thu 1 Apr are ordinary working days, 09:00–18:00 in
  // Moscow (UTC+3). P2: reaction 4 h, resolution 24 h. Resolved Mon 29 Mar 15:00 with 6 h counted;
  // the customer reopened it Thu 1 Apr 10:00 (the stop until then is not counted, rule on
  // `reopened`) and it was resolved again at 12:00: 8 h counted, met, in April.
  const reopened = ticket('R', MOSCOW.id, 2, '2027-03-29T09:00:00+03:00', [
    { type: 'reacted', at: '2027-03-29T09:30:00+03:00' },
    { type: 'resolved', at: '2027-03-29T15:00:00+03:00' },
    { type: 'reopened', at: '2027-04-01T10:00:00+03:00' },
    { type: 'resolved', at: '2027-04-01T12:00:00+03:00' },
  ]);
  const build = (period: Parameters<typeof buildComplianceReport>[2]['period'], now = LATER_Q2) =>
    buildComplianceReport([reopened], ORGANIZATIONS, { period, now });

  it('counts the resolution once, where it was finally decided, as the ticket page shows it', () => {
    const mar = build(march);
    const apr = build({ kind: 'month', year: 2027, month: 4 });
    // March keeps the reaction; its resolution stop was undone by the reopen.
    expect(cell(mar.cells, MOSCOW.id, 2).reactionMet.ticketIds).toEqual(['R']);
    expect(cell(mar.cells, MOSCOW.id, 2).resolutionMet.count).toBe(0);
    expect(mar.lines.R?.resolution.verdict).toBe('outside');
    expect(cell(apr.cells, MOSCOW.id, 2).resolutionMet.ticketIds).toEqual(['R']);
    expect(apr.lines.R?.resolution).toMatchObject({ verdict: 'met', elapsedMs: hours(8) });
    const page = evaluateSla(toSlaTicket(reopened, MOSCOW), LATER_Q2);
    expect(page.resolution).toMatchObject({ status: 'met', elapsedMs: hours(8) });
  });

  it('before the customer reopened it, March counted it met: a rebuilt report shows what the ERP holds', () => {
    const asResolved = { ...reopened, events: reopened.events.slice(0, 2) };
    const asOfMarch = buildComplianceReport([asResolved], ORGANIZATIONS, {
      period: march,
      now: '2027-03-31T12:00:00Z',
    });
    expect(cell(asOfMarch.cells, MOSCOW.id, 2).resolutionMet.ticketIds).toEqual(['R']);
  });

  it('the first quarter and the second add up to one counted resolution', () => {
    const q1 = build({ kind: 'quarter', year: 2027, quarter: 1 });
    const q2 = build({ kind: 'quarter', year: 2027, quarter: 2 });
    const met = (cells: ReportCell[]) => cells.reduce((sum, c) => sum + c.resolutionMet.count, 0);
    expect(met(q1.cells) + met(q2.cells)).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildComplianceReport, type ReportCell } from '@shared/reports';
import type { Priority, SlaEvent } from '@shared/sla';
import { MOSCOW, ORGANIZATIONS, VLADIVOSTOK, ticket } from './fixtures';

const MINUTE = 60_000;
// Tickets created through 2027, a year the RU calendar has data for.
const FROM = Date.parse('2027-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const gap = fc.integer({ min: 0, max: 6 * 24 * 60 });

const arbitraryTicket = fc
  .record({
    organizationId: fc.constantFrom(MOSCOW.id, VLADIVOSTOK.id),
    priority: fc.constantFrom<Priority>(1, 2, 3, 4),
    createdMinute: fc.integer({ min: 0, max: 330 * 24 * 60 }),
    reactAfter: fc.option(gap),
    pause: fc.option(fc.tuple(gap, gap)),
    resolveAfter: fc.option(gap),
    // The customer reopens a resolved ticket, and it may be resolved again.
    reopen: fc.option(fc.tuple(gap, fc.option(gap))),
  })
  .map((spec) => {
    let at = FROM + spec.createdMinute * MINUTE;
    const createdAt = iso(at);
    const events: SlaEvent[] = [];
    if (spec.reactAfter !== null) {
      at += spec.reactAfter * MINUTE;
      events.push({ type: 'reacted', at: iso(at) });
    }
    if (spec.pause !== null) {
      at += spec.pause[0] * MINUTE;
      events.push({ type: 'paused', at: iso(at), reason: 'awaiting_user_info' });
      at += spec.pause[1] * MINUTE;
      events.push({ type: 'resumed', at: iso(at) });
    }
    if (spec.resolveAfter !== null) {
      at += spec.resolveAfter * MINUTE;
      events.push({ type: 'resolved', at: iso(at) });
      if (spec.reopen !== null) {
        at += spec.reopen[0] * MINUTE;
        events.push({ type: 'reopened', at: iso(at) });
        if (spec.reopen[1] !== null) {
          at += spec.reopen[1] * MINUTE;
          events.push({ type: 'resolved', at: iso(at) });
        }
      }
    }
    return ticket('t', spec.organizationId, spec.priority, createdAt, events);
  });
const tickets = fc
  .array(arbitraryTicket, { maxLength: 40 })
  .map((list) => list.map((t, i) => ({ ...t, id: `t${i}`, title: `t${i}` })));
const month = fc.integer({ min: 1, max: 12 });
const NOW = '2028-06-01T00:00:00Z';

const cellKey = (c: ReportCell) => `${c.organizationId}|${c.priority}`;

describe('compliance report invariants (property tests)', () => {
  it('met + breached = decided clocks ≤ tickets counted', () => {
    fc.assert(
      fc.property(tickets, month, (list, m) => {
        const report = buildComplianceReport(list, ORGANIZATIONS, {
          period: { kind: 'month', year: 2027, month: m },
          now: NOW,
        });
        for (const cell of report.cells) {
          const lines = cell.tickets.ticketIds.map((id) => report.lines[id]!);
          for (const clock of ['reaction', 'resolution'] as const) {
            const decided = lines.filter(
              (l) => l[clock].verdict === 'met' || l[clock].verdict === 'breached',
            ).length;
            const met = cell[`${clock}Met`].count;
            const breached = cell[`${clock}Breached`].count;
            expect(met + breached).toBe(decided);
            expect(met + breached).toBeLessThanOrEqual(cell.tickets.count);
          }
          // A cell holds counted tickets or tickets still open at the end, never nothing.
          expect(cell.tickets.count + cell.openAtEnd.count).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('percentiles lie within min..max of the counted times, median ≤ p90', () => {
    fc.assert(
      fc.property(tickets, month, (list, m) => {
        const report = buildComplianceReport(list, ORGANIZATIONS, {
          period: { kind: 'month', year: 2027, month: m },
          now: NOW,
        });
        for (const cell of report.cells) {
          for (const clock of ['reaction', 'resolution'] as const) {
            const times = cell.tickets.ticketIds
              .map((id) => report.lines[id]![clock])
              .filter((c) => c.verdict === 'met' || c.verdict === 'breached')
              .map((c) => c.elapsedMs);
            const median = cell[`${clock}Median`];
            const p90 = cell[`${clock}P90`];
            if (times.length === 0) {
              expect(median).toBeNull();
              continue;
            }
            expect(median!.ms).toBeGreaterThanOrEqual(Math.min(...times));
            expect(p90!.ms).toBeLessThanOrEqual(Math.max(...times));
            expect(median!.ms).toBeLessThanOrEqual(p90!.ms);
          }
        }
      }),
    );
  });

  it('filters only remove: a filtered report’s cells are the unfiltered report’s same cells', () => {
    fc.assert(
      fc.property(
        tickets,
        month,
        fc.subarray([MOSCOW.id, VLADIVOSTOK.id]),
        fc.subarray<Priority>([1, 2, 3, 4]),
        (list, m, organizationIds, priorities) => {
          const period = { kind: 'month', year: 2027, month: m } as const;
          const all = buildComplianceReport(list, ORGANIZATIONS, { period, now: NOW });
          const some = buildComplianceReport(list, ORGANIZATIONS, {
            period,
            now: NOW,
            organizationIds,
            priorities,
          });
          const allCells = new Map(all.cells.map((c) => [cellKey(c), c]));
          for (const cell of some.cells) expect(cell).toEqual(allCells.get(cellKey(cell)));
          expect(Object.keys(some.lines).every((id) => id in all.lines)).toBe(true);
        },
      ),
    );
  });

  it('each clock is counted in at most one month', () => {
    fc.assert(
      fc.property(tickets, (list) => {
        const seen = new Map<string, number>();
        for (let m = 1; m <= 12; m += 1) {
          const report = buildComplianceReport(list, ORGANIZATIONS, {
            period: { kind: 'month', year: 2027, month: m },
            now: NOW,
          });
          for (const line of Object.values(report.lines)) {
            for (const clock of ['reaction', 'resolution'] as const) {
              if (line[clock].verdict !== 'met' && line[clock].verdict !== 'breached') continue;
              const key = `${line.ticketId}|${clock}`;
              seen.set(key, (seen.get(key) ?? 0) + 1);
            }
          }
        }
        for (const count of seen.values()) expect(count).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});

// The compliance report for 50,000 tickets and a year (issue 16 §1): the app's way (the report
// worker's cache: a second build of the same report on unchanged data answers from the cache)
// against the naive way (every build replays every ticket through evaluateSla on one thread).
// Node, not Chromium: the IndexedDB read the worker does first is not in these figures.
import type { Organization } from '@shared/domain/ticket';
import { buildComplianceReport, type ReportTicket } from '@shared/reports';
import { ReportCache } from '../../renderer/features/reports/report-cache';
import { reportGoal } from './support/goal-report';
import { generateCases } from './tickets';
import { fmtInt } from './timing';
import { RU_ZONES } from './zones';

const COUNT = 50_000;
const SEED = 0x4e9012;
const RUNS = 3;
const GOAL_MS = 2_000;

type Out = (line?: string) => void;

function dataset(): {
  tickets: Array<ReportTicket & { version: number }>;
  organizations: Organization[];
} {
  const organizations: Organization[] = RU_ZONES.map((timeZone, index) => ({
    id: `org-${index}`,
    name: timeZone,
    timeZone,
    calendar: 'RU',
    accounts: [],
    contactEmails: [],
    version: 1,
  }));
  const orgOfZone = new Map(organizations.map((o) => [o.timeZone, o.id]));
  const { cases } = generateCases({
    count: COUNT,
    seed: SEED,
    fromMs: Date.UTC(2026, 0, 1),
    toMs: Date.UTC(2027, 0, 1),
  });
  const tickets = cases.map(({ ticket }, index) => ({
    id: `t${index}`,
    number: index + 1,
    title: `ticket ${index}`,
    organizationId: orgOfZone.get(ticket.timeZone) ?? 'org-0',
    initialPriority: ticket.priority,
    createdAt: ticket.createdAt,
    events: ticket.events.map((event, n) => ({
      ...event,
      author: 'bench',
      authorId: null,
      commandId: `${index}-${n}`,
    })),
    version: 1,
  }));
  return { tickets, organizations };
}

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function runReportsBench(out: Out): number {
  out();
  out(`Compliance report — ${fmtInt(COUNT)} tickets created through 2026, report for the year`);
  const data = dataset();
  const request = {
    period: { kind: 'custom', from: '2026-01-01', to: '2027-01-01' } as const,
    now: '2027-03-01T00:00:00Z',
  };
  const naive: number[] = [];
  let counted = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const built = time(() => buildComplianceReport(data.tickets, data.organizations, request));
    naive.push(built.ms);
    counted = built.value.cells.reduce((sum, cell) => sum + cell.tickets.count, 0);
  }
  const cache = new ReportCache();
  const first = time(() => cache.build('bench', data, request));
  const again: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const built = time(() => cache.build('bench', data, request));
    if (!built.value.cached) {
      out('  the second build did not come from the cache');
      return 1;
    }
    again.push(built.ms);
  }
  out(`  tickets counted in the year: ${fmtInt(counted)}`);
  out(
    `  naive (every build replays every ticket): median ${median(naive).toFixed(0)} ms of ${RUNS}`,
  );
  out(
    `  app, first build: ${first.ms.toFixed(0)} ms; again on unchanged data: median ${median(again).toFixed(1)} ms`,
  );
  reportGoal({
    bench: 'bench',
    goal: 'report for 50,000 tickets and a year, after the first time (compute, without the IndexedDB read)',
    figure: median(again),
    contender: median(naive),
    contenderName: 'naive: every ticket evaluated each time',
    bar: GOAL_MS,
    kind: 'max',
    unit: 'ms',
  });
  return 0;
}

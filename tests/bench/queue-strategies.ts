// Side by side in one process: what the queue does on each tick and filter, against what a
// straightforward implementation would do (re-run the SLA engine for every open ticket).
import type { Organization, Ticket } from '@shared/domain/ticket';
import { evaluateSla } from '@shared/sla';
import { filterEntries, NO_FILTERS } from '../../renderer/features/queue/queue-filter';
import { compareUrgency, toQueueEntry, type QueueEntry } from '@shared/queue/queue-entry';
import { generateCases } from './tickets';
import { median } from './timing';

const COUNT = 50_000;
const VISIBLE_ROWS = 40;
const RUNS = 5;

function organizationFor(timeZone: string): Organization {
  return {
    id: timeZone,
    name: timeZone,
    timeZone,
    calendar: 'RU',
    accounts: [],
    contactEmails: [],
    version: 1,
  };
}

function time(run: () => unknown): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    run();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

export function compareQueueStrategies(out: (line?: string) => void): void {
  const { cases } = generateCases({
    count: COUNT,
    seed: 0x0e0e,
    fromMs: Date.UTC(2026, 0, 1),
    toMs: Date.UTC(2026, 11, 1),
  });
  const nowMs = Math.max(...cases.map((c) => Date.parse(c.now)));
  const now = new Date(nowMs);
  const tickets = cases.map(({ ticket }, i): Ticket & { zone: string } => ({
    ...(ticket as unknown as Ticket),
    id: `t${i}`,
    number: i + 1,
    initialPriority: ticket.priority,
    state: 'open',
    title: `Заявка ${i}`,
    account: 'operator01',
    organizationId: ticket.timeZone,
    assignee: null,
    version: 1,
    updatedAt: ticket.createdAt,
    events: ticket.events.map((event) => ({ ...event, commandId: '', author: '', authorId: null })),
    assignments: [],
    zone: ticket.timeZone,
  }));
  const organizations = new Map(tickets.map((t) => [t.zone, organizationFor(t.zone)]));

  let entries: QueueEntry[] = [];
  const deriveMs = time(() => {
    entries = tickets.map((t) => toQueueEntry(t, organizations.get(t.zone), 0, 0));
  });
  const sortMs = time(() => [...entries].sort(compareUrgency));
  entries.sort(compareUrgency);
  const slas = entries.flatMap((e) => (e.sla ? [e.sla] : []));
  const naiveTickMs = time(() => slas.forEach((sla) => evaluateSla(sla, now)));
  const visibleTickMs = time(() =>
    slas.slice(0, VISIBLE_ROWS).forEach((sla) => evaluateSla(sla, now)),
  );
  const naiveFilterMs = time(() =>
    slas.filter((sla) => evaluateSla(sla, now).resolution.status === 'breached'),
  );
  const ourFilterMs = time(() =>
    filterEntries(entries, { ...NO_FILTERS, status: 'breached' }, nowMs),
  );
  const searchMs = time(() =>
    filterEntries(entries, { ...NO_FILTERS, search: 'заявка 4242' }, nowMs),
  );

  out(`Side by side in Node, ${COUNT.toLocaleString('en-US')} open tickets (median of ${RUNS}):`);
  out();
  out('| Step | Re-run the SLA engine for every ticket | The queue (entries with instants) |');
  out('|---|---|---|');
  out(
    `| Derive a ticket's queue line (once per write of that ticket) | — | ${((deriveMs * 1000) / COUNT).toFixed(1)} µs per ticket |`,
  );
  out(`| Open the queue: sort the stored lines | — | ${sortMs.toFixed(0)} ms |`);
  out(
    `| Every second: timers | ${naiveTickMs.toFixed(0)} ms (all rows) | ${visibleTickMs.toFixed(2)} ms (${VISIBLE_ROWS} visible rows) |`,
  );
  out(`| Filter "breached" | ${naiveFilterMs.toFixed(0)} ms | ${ourFilterMs.toFixed(1)} ms |`);
  out(`| Search over number, title, organization, account | — | ${searchMs.toFixed(1)} ms |`);
}

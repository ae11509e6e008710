// `npm run bench:alerts`: what 50,000 open tickets cost the desk alerts. Three stages, each timed
// on its own (median of runs): the renderer building the feed (planAlerts per ticket), the host
// validating it (the zod schema of `alerts:update`) and the scheduler planning it (the 200 ms
// bar of issue 5). Prints numbers only; nothing here asserts on time.
import os from 'node:os';
import { buildFeedEntry, feedLevels } from '@shared/alerts/build-feed';
import { defaultQuietHours } from '@shared/alerts/quiet-hours';
import { createAlertScheduler } from '@shared/alerts/scheduler';
import { alertFeedUpdateSchema } from '@shared/alerts/feed-update';
import { type AlertFeed, type AlertFeedTicket } from '@shared/alerts/schemas';
import { reportGoal } from './support/goal-report';
import type { Priority, SlaEvent, SlaTicket } from '@shared/sla';
import { median } from './timing';
import { RU_ZONES } from './zones';

const COUNT = 50_000;
const RUNS = 7;
const NOW = Date.parse('2026-11-25T09:30:00Z'); // a Wednesday morning in Moscow
const HOUR = 3_600_000;

/** Deterministic PRNG (mulberry32), so every run plans the same queue. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Open tickets as a desk sees them: mostly P2–P4, created over the last two weeks, some paused. */
function openTickets(count: number): SlaTicket[] {
  const random = prng(0xa1e475);
  const priorities: Priority[] = [1, 2, 2, 3, 3, 3, 4, 4];
  return Array.from({ length: count }, () => {
    const priority = priorities[Math.floor(random() * priorities.length)]!;
    const created = NOW - Math.floor(random() * (priority === 1 ? 10 : 14 * 24) * HOUR);
    const events: SlaEvent[] = [];
    const roll = random();
    if (roll < 0.5) {
      const reacted = created + Math.floor(random() * (NOW - created));
      events.push({ type: 'reacted', at: new Date(reacted).toISOString() });
      if (roll < 0.2) {
        const paused = reacted + Math.floor(random() * (NOW - reacted));
        events.push({
          type: 'paused',
          at: new Date(paused).toISOString(),
          reason: 'awaiting_user_info',
        });
      }
    }
    return {
      priority,
      createdAt: new Date(created).toISOString(),
      timeZone: RU_ZONES[Math.floor(random() * RU_ZONES.length)]!,
      calendar: 'RU',
      events,
    };
  });
}

interface Timed<T> {
  /** Wall time. */
  ms: number;
  /** CPU time of this process (all threads): fairer than wall time on a busy shared machine. */
  cpuMs: number;
  value: T;
}

function time<T>(fn: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

function measure<T>(fn: () => T): { medianMs: number; medianCpuMs: number; value: T } {
  const runs = Array.from({ length: RUNS }, () => time(fn));
  return {
    medianMs: median(runs.map((run) => run.ms)),
    medianCpuMs: median(runs.map((run) => run.cpuMs)),
    value: runs.at(-1)!.value,
  };
}

function main(): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out('Desk alerts benchmark — «Digit PROконтакт Support Desk»');
  out(
    `${process.version} ${process.platform}/${process.arch}, ${os.cpus()[0]?.model ?? 'CPU'} ×${os.cpus().length}`,
  );
  out();

  const tickets = openTickets(COUNT);
  const levels = feedLevels([0.75, 0.9, 1]);
  const build = measure(() => {
    const entries: AlertFeedTicket[] = [];
    tickets.forEach((ticket, i) => {
      const entry = buildFeedEntry(
        ticket,
        { ticketId: `T${i}`, number: i + 1, organization: 'Организация' },
        NOW,
        levels,
      );
      if (entry) entries.push(entry);
    });
    return { locale: 'ru' as const, tickets: entries };
  });
  const wire = structuredClone({ kind: 'full' as const, version: 1, ...build.value });
  const validate = measure(() => alertFeedUpdateSchema.parse(wire));
  const feed: AlertFeed = validate.value as AlertFeed;
  // A later change as the window now sends it: the 50 tickets a sync page changed, as a delta.
  const deltaWire = structuredClone({
    kind: 'delta' as const,
    baseVersion: 1,
    version: 2,
    locale: 'ru' as const,
    upsert: build.value.tickets.slice(0, 50),
    remove: [],
  });
  const validateDelta = measure(() => alertFeedUpdateSchema.parse(deltaWire));

  const notices: string[] = [];
  let armed = 0;
  const scheduler = () =>
    createAlertScheduler(
      {
        now: () => NOW,
        setTimer: () => {
          armed++;
          return () => undefined;
        },
        show: (notice) => notices.push(notice.kind),
        saveMemory: () => undefined,
        onStatus: () => undefined,
      },
      {
        policy: {
          enabled: true,
          levels: [0.75, 0.9, 1],
          quietHours: defaultQuietHours(),
          timeZone: 'Europe/Moscow',
        },
      },
    );
  // First start: nothing announced yet, every level already reached is summarized (one notice).
  const first = measure(() => {
    const fresh = scheduler();
    const result = fresh.update(feed);
    fresh.dispose();
    return result;
  });
  const noticesAtStart = notices.length / RUNS;
  // Every later feed (a ticket changed): the same queue re-planned with what was announced.
  const warm = scheduler();
  warm.update(feed);
  const replan = measure(() => warm.update(feed));

  const marks = feed.tickets.reduce(
    (sum, t) => sum + t.clocks.reduce((s, c) => s + c.marks.length, 0),
    0,
  );
  const n = (value: number) => value.toLocaleString('en-US');
  const row = (label: string, m: { medianMs: number; medianCpuMs: number }, note = '') =>
    out(
      `${label.padEnd(52)}${m.medianMs.toFixed(0).padStart(7)} ms${m.medianCpuMs.toFixed(0).padStart(9)} ms  ${note}`,
    );
  out(
    `${n(COUNT)} open tickets → ${n(feed.tickets.length)} in the feed, ${n(marks)} level instants, ${n(replan.value.scheduled)} alerts pending`,
  );
  out(
    `medians of ${RUNS} runs; one timer armed per scheduling (${armed / (RUNS * 2 + 1)}); ${noticesAtStart} notice(s) at a first start`,
  );
  out();
  out(`${''.padEnd(52)}${'wall'.padStart(10)}${'CPU'.padStart(12)}`);
  row('renderer: build the feed (evaluateSla + planAlerts)', build);
  row('host: validate alerts:update, the whole feed (zod)', validate, 'once per start');
  row('host: validate alerts:update, a delta of 50 (zod)', validateDelta, 'per change');
  row('host: schedule, first start (all reached → summary)', first, 'bar: 200 ms');
  row('host: schedule, re-plan after a change', replan, 'bar: 200 ms');
  const load = os.loadavg().map((value) => value.toFixed(2));
  out();
  out(`load average ${load.join(' / ')} (CPU time is the figure: the machine is shared)`);
  reportGoal({
    bench: 'bench:alerts',
    goal: 'first start with 50,000 open tickets and nothing remembered, host CPU ms',
    figure: Math.round(first.medianCpuMs),
    contender: null,
    contenderName: null,
    bar: 200,
    kind: 'max',
    unit: 'ms',
  });
  reportGoal({
    bench: 'bench:alerts',
    goal: 'host validation per change: a delta of 50 vs the whole feed of 50,000, CPU ms',
    figure: Number(validateDelta.medianCpuMs.toFixed(2)),
    contender: Number(validate.medianCpuMs.toFixed(2)),
    contenderName: 'whole feed (before issue 14)',
    bar: 0.01,
    kind: 'maxRatio',
    unit: 'ms',
  });
}

main();

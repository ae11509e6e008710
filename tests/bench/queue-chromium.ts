// `npm run bench:queue`: the queue at 50,000 tickets in real Chromium (issue 4). Serves the built
// renderer with the embedded demo ERP seeded with 50,000 tickets (kept under node_modules/.cache so
// reruns skip the seeding), lets the app pull them into IndexedDB, then measures on a reload:
// time to an interactive queue, main-thread time per tick, and filter latency. The side-by-side
// comparison of the tick and filter strategies runs in Node: see queue-strategies.ts. First of
// all (issue 14 §2), 300 and 50,000 tickets side by side: main-thread and GC time per second over
// two minutes after a reload (queue-series.ts), with the two goal lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { changesResponse } from '@shared/erp/protocol';
import type { HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import { compareQueueStrategies } from './queue-strategies';
import { endTrace, meanMain, SERIES_SECONDS, startTrace, type SeriesWindow } from './queue-series';
import { reportGoal } from './support/goal-report';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TICKETS = Number(process.env['BENCH_QUEUE_TICKETS'] ?? 50_000);
const PORT = Number(process.env['BENCH_QUEUE_PORT'] ?? 4391);
// The seeded ERP and the browser profile holding its pulled copy are cached together, so a rerun
// measures the queue, not the seeding and the first pull (`npm run bench:sync` measures that).
const CACHE = join(ROOT, 'node_modules', '.cache');
const PROFILE_DIR = join(CACHE, `bench-queue-profile-${TICKETS}`);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const BASE = `http://127.0.0.1:${PORT}`;

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

async function startServer(tickets = TICKETS, port = PORT): Promise<ChildProcess> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'web.html'))) {
    throw new Error(
      'out/renderer is missing: run `npm run build` first (npm run bench:queue does).',
    );
  }
  const child = spawn(
    process.execPath,
    [
      'electron/dev/serve-web.mjs',
      '--no-build',
      '--port',
      String(port),
      '--erp-data',
      join(CACHE, `bench-queue-erp-${tickets}`),
      '--seed-tickets',
      String(tickets),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`web server exited with ${child.exitCode}`);
    // Ready when the ERP answers through the serving process (main's gateway, its demo token).
    try {
      const session = await hostErp('GET', '/session', undefined, `http://127.0.0.1:${port}`);
      if (session.ok && session.value.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 15 * 60_000) throw new Error('web server did not start in 15 min');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  out(
    `server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (seeding happens once per cache)`,
  );
  return child;
}

/** One exchange with the ERP through the serving process's own endpoints (/host/erp/*). */
async function hostErp(
  method: 'GET' | 'POST',
  path: '/session' | '/changes',
  body?: unknown,
  base = BASE,
): Promise<HostResult<ErpResponse>> {
  const response = await fetch(`${base}/host/erp${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  if (!response.ok) throw new Error(`/host/erp${path}: HTTP ${response.status}`);
  return (await response.json()) as HostResult<ErpResponse>;
}

async function openTicketsInErp(base = BASE): Promise<number> {
  const open = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    const result = await hostErp('POST', '/changes', { cursor, limit: 1000 }, base);
    if (!result.ok) throw new Error(`changes: ${result.error.code}: ${result.error.message}`);
    if (result.value.status !== 200) throw new Error(`changes: ERP HTTP ${result.value.status}`);
    const page = changesResponse.parse(result.value.body);
    for (const change of page.changes) {
      if (change.entity !== 'ticket') continue;
      const state = (change.data as { state?: string } | null)?.state;
      if (!change.deleted && (state === 'open' || state === 'paused')) open.add(change.id);
      else open.delete(change.id);
    }
    if (!page.hasMore) return open.size;
    cursor = page.nextCursor;
  }
}

/** How many tickets the view holds: "27 442 заявки", or the total of "показано 37 из 27 442". */
async function queueCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('queue-count').innerText()).replace(/\s/g, '');
  return Number(text.match(/из(\d+)$/)?.[1] ?? text.match(/^\d+/)?.[0] ?? NaN);
}

/**
 * A freshly loaded page, every open ticket read (the filters enabled) and the start-up work done
 * (the no-op sync, the first alert feed), as in the tick measure: what a view costs on its own.
 */
async function settledQueue(page: Page): Promise<void> {
  await showAllOpen(page);
  await page.getByTestId('queue-row').first().waitFor();
  await page.locator('.queue-filters:not([disabled])').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(15_000);
}

/** The queue opens on «Мои»: the measures are of every open ticket («Все открытые»). */
async function showAllOpen(page: Page): Promise<void> {
  await page.getByTestId('queue-view-open').click({ timeout: 60_000 });
}

/**
 * Milliseconds from a user's input to the queue count changing and the next frame painted:
 * typing `search` into the search box, or clicking the status filter button named `button`.
 */
async function repaintLatency(
  page: Page,
  input: { search: string } | { button: RegExp },
): Promise<number> {
  const target =
    'button' in input
      ? await page
          .getByRole('group', { name: 'Состояние по срокам' })
          .getByRole('button', { name: input.button })
          .elementHandle()
      : null;
  const search = 'search' in input ? input.search : null;
  return page.evaluate(
    async ([element, value]) => {
      const count = document.querySelector('[data-testid=queue-count]')!;
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(count, { childList: true, characterData: true, subtree: true });
      });
      const started = performance.now();
      if (element) (element as HTMLButtonElement).click();
      else {
        const box = document.querySelector<HTMLInputElement>('input[type=search]')!;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, value);
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await changed;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - started;
    },
    [target, search] as const,
  );
}

/**
 * Milliseconds from a click on a view's tab to its first rows on screen (resolved ones, read by
 * the `resolvedAt` index) and to the whole view read (the filters enabled), on a settled page
 * where nothing of the resolved tickets has been read yet.
 */
async function openViewLatency(
  page: Page,
  view: 'resolved' | 'all',
): Promise<{ firstRows: number; complete: number }> {
  // «All» lists the open tickets first: its first rows are open ones.
  const row = view === 'resolved' ? 'queue-row-resolved' : 'queue-row';
  return page.evaluate(
    async ([testId, rowTestId]) => {
      const started = performance.now();
      document.querySelector<HTMLButtonElement>(`[data-testid=${testId}]`)!.click();
      let firstRows = NaN;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (Number.isNaN(firstRows) && document.querySelector(`[data-testid=${rowTestId}]`))
          firstRows = performance.now() - started;
        const filters = document.querySelector<HTMLFieldSetElement>('.queue-filters');
        if (!Number.isNaN(firstRows) && filters && !filters.disabled)
          return { firstRows, complete: performance.now() - started };
      }
    },
    [`queue-view-${view}`, row] as const,
  );
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * One size's series: the app pulls `tickets` into its own cached profile (once), then a reload
 * is traced for two minutes from the first rows on screen, as a user would leave it open.
 */
async function measureSeries(tickets: number, port: number): Promise<SeriesWindow[]> {
  const server = await startServer(tickets, port);
  const base = `http://127.0.0.1:${port}`;
  const context = await chromium.launchPersistentContext(
    join(CACHE, `bench-queue-profile-${tickets}`),
    {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
    },
  );
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const started = Date.now();
    await page.goto(base);
    const expected = await openTicketsInErp(base);
    await showAllOpen(page);
    let last = NaN;
    while (last !== expected) {
      await page.waitForTimeout(2000);
      last = await queueCount(page).catch(() => NaN);
      if (Date.now() - started > 40 * 60_000)
        throw new Error(`queue stuck at ${last} of ${expected}`);
    }
    await page.goto('about:blank');
    await page.goto(base);
    await showAllOpen(page);
    await page.getByTestId('queue-row').first().waitFor();
    const cdp = await context.newCDPSession(page);
    await startTrace(cdp);
    await page.waitForTimeout(SERIES_SECONDS * 1000);
    return await endTrace(cdp);
  } finally {
    await context.close();
    server.kill('SIGTERM');
  }
}

async function compareSeries(): Promise<void> {
  const small = 300;
  const load = () =>
    os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ');
  out(`time series after a reload, ${small} vs ${TICKETS} tickets (load average ${load()})`);
  const smallSeries = await measureSeries(small, PORT + 1);
  const bigSeries = await measureSeries(TICKETS, PORT);
  out();
  out(
    `| From s | ${small}: main ms/s | ${small}: GC ms/s | ${TICKETS}: main ms/s | ${TICKETS}: GC ms/s |`,
  );
  out('|---|---|---|---|---|');
  smallSeries.forEach((window, i) => {
    const big = bigSeries[i]!;
    out(
      `| ${window.fromS} | ${window.mainMsPerS.toFixed(1)} | ${window.gcMsPerS.toFixed(1)} | ${big.mainMsPerS.toFixed(1)} | ${big.gcMsPerS.toFixed(1)} |`,
    );
  });
  out(`load average at the end: ${load()}`);
  // The first window holds the load itself (the whole queue read, the first alert feed planned),
  // which grows with the queue by nature; the goal, as the issue measured it, is what follows.
  const firstMinute = [meanMain(bigSeries, 10, 60), meanMain(smallSeries, 10, 60)] as const;
  const steady = [
    meanMain(bigSeries, 60, SERIES_SECONDS),
    meanMain(smallSeries, 60, SERIES_SECONDS),
  ] as const;
  reportGoal({
    bench: 'bench:queue',
    goal: `queue main-thread time in the first minute after load (10–60 s), ${TICKETS.toLocaleString('en-US')} vs ${small} tickets`,
    figure: Number(firstMinute[0].toFixed(2)),
    contender: Number(firstMinute[1].toFixed(2)),
    contenderName: `${small} tickets`,
    bar: 2,
    kind: 'maxRatio',
    unit: 'ms/s',
  });
  reportGoal({
    bench: 'bench:queue',
    goal: `queue main-thread time steady (second minute), ${TICKETS.toLocaleString('en-US')} vs ${small} tickets`,
    figure: Number(steady[0].toFixed(2)),
    contender: Number(steady[1].toFixed(2)),
    contenderName: `${small} tickets`,
    bar: 1.2,
    kind: 'maxRatio',
    unit: 'ms/s',
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  out(
    `Queue benchmark — ${TICKETS.toLocaleString('en-US')} tickets in the demo ERP, Chromium ${CHROMIUM}`,
  );
  await compareSeries();
  // The series alone (BENCH_QUEUE_SERIES_ONLY=1) when iterating on the quiet-after-load goals.
  if (process.env['BENCH_QUEUE_SERIES_ONLY'] === '1') return;
  const server = await startServer();
  const context = await chromium.launchPersistentContext(PROFILE_DIR, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const pullStarted = Date.now();
    await page.goto(BASE);
    // Done when the queue shows every open ticket the ERP holds (the first pull of a new profile
    // takes minutes; the queue reloads less often the bigger it is, so a pause proves nothing).
    const expected = await openTicketsInErp();
    let last = NaN;
    await showAllOpen(page);
    while (last !== expected) {
      await page.waitForTimeout(2000);
      last = await queueCount(page).catch(() => NaN);
      if (Date.now() - pullStarted > 40 * 60_000)
        throw new Error(`queue stuck at ${last} of ${expected}`);
    }
    const openTickets = last;
    out(
      `sync and queue settled: ${((Date.now() - pullStarted) / 1000).toFixed(1)} s (includes the first pull when the profile is new), ${openTickets} open tickets`,
    );

    const loads: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(BASE);
      // «Мои» may be empty for the demo's user: the first rows are read in «Все открытые».
      await showAllOpen(page);
      await page.getByTestId('queue-row').first().waitFor();
      loads.push(Date.now() - started);
    }
    // Let start-up work (the no-op sync, the first alert feed) finish: the tick is a steady state.
    await page.waitForTimeout(15_000);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!
        .value;
    const idleSeconds = 10;
    const before = await taskSeconds();
    await page.waitForTimeout(idleSeconds * 1000);
    const perTickMs = (((await taskSeconds()) - before) * 1000) / idleSeconds;
    const visibleRows = await page.getByTestId('queue-row').count();

    const searches: number[] = [];
    for (const search of ['камч', 'камчатка сервер', '1С обмен', 'ззз-нет-такого', '']) {
      searches.push(await repaintLatency(page, { search }));
    }
    const clicks = [
      await repaintLatency(page, { button: /Просрочены/ }),
      await repaintLatency(page, { button: /На паузе/ }),
      await repaintLatency(page, { button: /Близко к сроку/ }),
      await repaintLatency(page, { button: /^Все/ }),
    ];

    // The resolved tickets: opening their view on a fresh page (nothing of them read yet), then
    // searching them, an exact number among the searches.
    const resolvedOpens: Array<{ firstRows: number; complete: number }> = [];
    for (let run = 0; run < 3; run += 1) {
      await page.goto('about:blank');
      await page.goto(BASE);
      await settledQueue(page);
      resolvedOpens.push(await openViewLatency(page, 'resolved'));
    }
    const resolvedTotal = await queueCount(page);
    const resolvedSearches: number[] = [];
    for (const search of ['камч', '236', 'камчатка сервер', '1С обмен', 'ззз-нет-такого', '']) {
      resolvedSearches.push(await repaintLatency(page, { search }));
    }
    await page.goto('about:blank');
    await page.goto(BASE);
    await settledQueue(page);
    const allOpen = await openViewLatency(page, 'all');
    const allSearches: number[] = [];
    for (const search of ['камч', '236', '1С обмен', '']) {
      allSearches.push(await repaintLatency(page, { search }));
    }

    out();
    out('| Measure (Chromium, 2 cores) | Result |');
    out('|---|---|');
    out(
      `| Open tickets in the queue (of ${TICKETS.toLocaleString('en-US')} in IndexedDB) | ${openTickets.toLocaleString('en-US')} |`,
    );
    out(
      `| Reload to first rows on screen, median of 3 | ${median(loads)} ms (${loads.join(', ')}) |`,
    );
    out(
      `| Main-thread time per 1 s tick, ${visibleRows} rows mounted | ${perTickMs.toFixed(2)} ms |`,
    );
    out(
      `| Search to repaint, median of ${searches.length} (max) | ${median(searches).toFixed(0)} ms (${Math.max(...searches).toFixed(0)} ms) |`,
    );
    out(
      `| Status filter to repaint, median of ${clicks.length} (max) | ${median(clicks).toFixed(0)} ms (${Math.max(...clicks).toFixed(0)} ms) |`,
    );
    const ms = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
    out(`| Resolved tickets (lines in IndexedDB) | ${resolvedTotal.toLocaleString('en-US')} |`);
    out(
      `| «Решённые» click to first rows, median of 3 | ${median(resolvedOpens.map((o) => o.firstRows)).toFixed(0)} ms (${ms(resolvedOpens.map((o) => o.firstRows))}) |`,
    );
    out(
      `| «Решённые» click to the whole view (filters on), median of 3 | ${median(resolvedOpens.map((o) => o.complete)).toFixed(0)} ms (${ms(resolvedOpens.map((o) => o.complete))}) |`,
    );
    out(
      `| Search «Решённые» to repaint, median of ${resolvedSearches.length} (max) | ${median(resolvedSearches).toFixed(0)} ms (${Math.max(...resolvedSearches).toFixed(0)} ms) |`,
    );
    out(
      `| «Все» click to first rows / whole view | ${allOpen.firstRows.toFixed(0)} ms / ${allOpen.complete.toFixed(0)} ms |`,
    );
    out(
      `| Search «Все» to repaint, median of ${allSearches.length} (max) | ${median(allSearches).toFixed(0)} ms (${Math.max(...allSearches).toFixed(0)} ms) |`,
    );
  } finally {
    await context.close();
    server.kill('SIGTERM');
  }
  out();
  compareQueueStrategies(out);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

// The queue's main-thread time after a load, as a time series (issue 14 §2): a Chrome trace of
// the page over two minutes from the first rows on screen, cut into 10-second windows, with the
// main thread's garbage collection reported apart. Used by queue-chromium.ts for 300 and 50,000.
import type { CDPSession } from '@playwright/test';

export const SERIES_SECONDS = 120;
export const WINDOW_SECONDS = 10;

/** Per window: main-thread task time and, within it, GC time, both in ms per second. */
export interface SeriesWindow {
  fromS: number;
  mainMsPerS: number;
  gcMsPerS: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'].join(',');
// The timeline's GC events; V8's own GC phases nest inside them and would count twice.
const GC_EVENTS = new Set(['MinorGC', 'MajorGC']);

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
}

/** Ends the trace and cuts it into windows from its first event. */
export async function endTrace(cdp: CDPSession): Promise<SeriesWindow[]> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
  );
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 4 * 1024 * 1024 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return windowsOf(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
}

function windowsOf(events: TraceEvent[]): SeriesWindow[] {
  // The page's main thread: the renderer thread that ran the most top-level tasks.
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`),
  );
  const busiest = new Map<string, number>();
  for (const task of tasks) {
    const key = `${task.pid}:${task.tid}`;
    busiest.set(key, (busiest.get(key) ?? 0) + (task.dur ?? 0));
  }
  const main = [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = (e: TraceEvent) => `${e.pid}:${e.tid}` === main;
  const start = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const count = SERIES_SECONDS / WINDOW_SECONDS;
  const mainUs = new Array<number>(count).fill(0);
  const gcUs = new Array<number>(count).fill(0);
  for (const event of events) {
    if (event.ph !== 'X' || !onMain(event)) continue;
    const index = Math.floor((event.ts - start) / 1e6 / WINDOW_SECONDS);
    if (index < 0 || index >= count) continue;
    if (event.name === 'RunTask') mainUs[index]! += event.dur ?? 0;
    else if (GC_EVENTS.has(event.name)) gcUs[index]! += event.dur ?? 0;
  }
  return mainUs.map((us, i) => ({
    fromS: i * WINDOW_SECONDS,
    mainMsPerS: us / 1000 / WINDOW_SECONDS,
    gcMsPerS: gcUs[i]! / 1000 / WINDOW_SECONDS,
  }));
}

/** Mean main-thread ms per second over the windows starting in [fromS, toS). */
export function meanMain(windows: readonly SeriesWindow[], fromS: number, toS: number): number {
  const inRange = windows.filter((w) => w.fromS >= fromS && w.fromS < toS);
  return inRange.reduce((sum, w) => sum + w.mainMsPerS, 0) / Math.max(1, inRange.length);
}

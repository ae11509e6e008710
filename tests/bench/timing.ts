// Timing helpers: hrtime per run, median of runs. No assertions on time anywhere.

export interface Measurement {
  label: string;
  items: number;
  runsMs: number[];
  medianMs: number;
  /** Items per second at the median run. */
  perSecond: number;
}

export function timeOnce(fn: () => number): { ms: number; sink: number } {
  const t0 = process.hrtime.bigint();
  const sink = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, sink };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function summarize(label: string, items: number, runsMs: number[]): Measurement {
  const medianMs = median(runsMs);
  return { label, items, runsMs, medianMs, perSecond: (items * 1000) / medianMs };
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function fmtRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)} /s`;
}

export const pct = (part: number, whole: number, digits = 2): string =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(digits)} %`;

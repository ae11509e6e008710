/**
 * Nearest-rank percentile: always one of the samples, so a drill-down can name the ticket behind
 * it and the value can never fall outside min..max. `sorted` is ascending and not empty.
 */
export function nearestRankIndex(length: number, fraction: number): number {
  return Math.max(0, Math.ceil(fraction * length) - 1);
}

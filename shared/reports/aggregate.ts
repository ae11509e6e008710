import { PAUSE_REASONS, type PauseReason } from '../sla/types';
import { nearestRankIndex } from './percentile';
import type {
  DistributionBucket,
  Drill,
  DurationStat,
  PauseTotal,
  ReportCell,
  TicketLine,
} from './types';

export function drillOf(ticketIds: string[]): Drill {
  return { count: ticketIds.length, ticketIds };
}

function shareMet(met: number, breached: number): number | null {
  return met + breached === 0 ? null : met / (met + breached);
}

/** Median and 90th percentile (nearest rank) of the counted clocks' times. */
function stats(samples: Array<{ ms: number; ticketId: string }>): {
  median: DurationStat | null;
  p90: DurationStat | null;
} {
  if (samples.length === 0) return { median: null, p90: null };
  const sorted = [...samples].sort((a, b) => a.ms - b.ms || a.ticketId.localeCompare(b.ticketId));
  const pick = (fraction: number): DurationStat =>
    sorted[nearestRankIndex(sorted.length, fraction)] as DurationStat;
  return { median: pick(0.5), p90: pick(0.9) };
}

export function pauseTotals(lines: readonly TicketLine[]): PauseTotal[] {
  const totals = new Map<PauseReason, { ms: number; ticketIds: string[] }>();
  for (const line of lines) {
    for (const reason of PAUSE_REASONS) {
      const ms = line.pausedMs[reason];
      if (ms === undefined) continue;
      const total = totals.get(reason) ?? { ms: 0, ticketIds: [] };
      total.ms += ms;
      total.ticketIds.push(line.ticketId);
      totals.set(reason, total);
    }
  }
  return PAUSE_REASONS.flatMap((reason) => {
    const total = totals.get(reason);
    return total ? [{ reason, ...total }] : [];
  });
}

const isCounted = (line: TicketLine) =>
  line.reaction.verdict === 'met' ||
  line.reaction.verdict === 'breached' ||
  line.resolution.verdict === 'met' ||
  line.resolution.verdict === 'breached';

export function countedLines(lines: readonly TicketLine[]): TicketLine[] {
  return lines.filter(isCounted);
}

/** One organization × priority from its lines (counted or open at the period end). */
export function buildCell(
  organizationId: string,
  priority: ReportCell['priority'],
  lines: readonly TicketLine[],
): ReportCell {
  const ids = (keep: (line: TicketLine) => boolean) =>
    drillOf(lines.filter(keep).map((line) => line.ticketId));
  const counted = countedLines(lines);
  const reactionMet = ids((l) => l.reaction.verdict === 'met');
  const reactionBreached = ids((l) => l.reaction.verdict === 'breached');
  const resolutionMet = ids((l) => l.resolution.verdict === 'met');
  const resolutionBreached = ids((l) => l.resolution.verdict === 'breached');
  const decided = (clock: 'reaction' | 'resolution') =>
    lines
      .filter((l) => l[clock].verdict === 'met' || l[clock].verdict === 'breached')
      .map((l) => ({ ms: l[clock].elapsedMs, ticketId: l.ticketId }));
  const reaction = stats(decided('reaction'));
  const resolution = stats(decided('resolution'));
  const extended = counted.filter((l) => l.extensionHours > 0);
  return {
    organizationId,
    priority,
    tickets: drillOf(counted.map((l) => l.ticketId)),
    reactionMet,
    reactionBreached,
    resolutionMet,
    resolutionBreached,
    reactionShareMet: shareMet(reactionMet.count, reactionBreached.count),
    resolutionShareMet: shareMet(resolutionMet.count, resolutionBreached.count),
    reactionMedian: reaction.median,
    reactionP90: reaction.p90,
    resolutionMedian: resolution.median,
    resolutionP90: resolution.p90,
    paused: pauseTotals(counted),
    extensions: {
      ...drillOf(extended.map((l) => l.ticketId)),
      hours: extended.reduce((sum, l) => sum + l.extensionHours, 0),
    },
    fixDateAnswers: drillOf(counted.filter((l) => l.fixDate !== null).map((l) => l.ticketId)),
    openAtEnd: ids((l) => l.resolution.verdict === 'open'),
  };
}

/** Percent-of-target bounds of the resolution-time histogram: the target itself is the 100 edge. */
export const DISTRIBUTION_EDGES = [0, 25, 50, 75, 100, 150, 200] as const;

/**
 * Decided resolution clocks by counted time against their target. A clock exactly at its target
 * met it, so the buckets below 100 % are closed at the top there: [75, 100] holds 100 %.
 */
export function resolutionDistribution(lines: readonly TicketLine[]): DistributionBucket[] {
  const buckets: DistributionBucket[] = DISTRIBUTION_EDGES.map((from, index) => ({
    fromPercent: from,
    toPercent: DISTRIBUTION_EDGES[index + 1] ?? null,
    tickets: drillOf([]),
  }));
  for (const line of lines) {
    const clock = line.resolution;
    if (clock.verdict !== 'met' && clock.verdict !== 'breached') continue;
    const percent = (clock.elapsedMs / clock.targetMs) * 100;
    const index = bucketIndex(percent);
    const bucket = buckets[index] as DistributionBucket;
    bucket.tickets.ticketIds.push(line.ticketId);
    bucket.tickets.count += 1;
  }
  return buckets;
}

function bucketIndex(percent: number): number {
  if (percent <= 100) {
    // 0–25, 25–50, 50–75, 75–100 (100 inclusive).
    return percent === 100 ? 3 : Math.min(3, Math.floor(percent / 25));
  }
  if (percent <= 150) return 4;
  if (percent <= 200) return 5;
  return 6;
}

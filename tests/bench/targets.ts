// Table 1 of DOMAIN.md, restated here so the bench's contenders do not depend on the engine.
import type { Priority } from '@shared/sla';

const HOUR = 3_600_000;

export interface BenchTarget {
  /** P1 counts every instant; P2–P4 count working time only. */
  allHours: boolean;
  reactionMs: number;
  resolutionMs: number;
}

export const TARGETS: Record<Priority, BenchTarget> = {
  1: { allHours: true, reactionMs: 1 * HOUR, resolutionMs: 8 * HOUR },
  2: { allHours: false, reactionMs: 4 * HOUR, resolutionMs: 24 * HOUR },
  3: { allHours: false, reactionMs: 8 * HOUR, resolutionMs: 40 * HOUR },
  4: { allHours: false, reactionMs: 8 * HOUR, resolutionMs: 40 * HOUR },
};

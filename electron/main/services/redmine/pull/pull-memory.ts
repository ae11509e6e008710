import { createDeliveredIssues, type DeliveredIssues } from './delivered-issues';
import type { Directory } from './read-directory';

/** How often the pull re-reads what Redmine does not stamp or list (both cost a few requests). */
export interface PullTiming {
  /** Projects and memberships: memberships have no updated_on, so they are re-read and compared. */
  directoryRefreshMs: number;
  /** The complete id listing that finds deleted issues. */
  reconcileMs: number;
}

export const DEFAULT_PULL_TIMING: PullTiming = {
  directoryRefreshMs: 5 * 60_000,
  reconcileMs: 10 * 60_000,
};

export interface KeptDirectory {
  value: Directory;
  readAt: number;
  /** The version its organizations and users carry. */
  version: number;
}

/** What main keeps between pulls from one Redmine address (lost on restart; the cursor is not). */
export interface PullMemory {
  delivered: DeliveredIssues;
  directory: KeptDirectory | null;
  timing: PullTiming;
  /** Issues and projects the app cannot show, with the reason (never thrown, never silent). */
  log: (message: string) => void;
}

export function createPullMemory(timing: PullTiming, log: (message: string) => void): PullMemory {
  return { delivered: createDeliveredIssues(), directory: null, timing, log };
}

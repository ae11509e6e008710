import { isWindowRunning, type MaintenanceWindow } from '@shared/maintenance';

/**
 * A window as the app shows it: the stored one or one still in the outbox (`pending`), with the
 * ERP's refusal when it refused it. The same shape `useMaintenanceWindows` returns (winsync's
 * data layer); the components take it as props so they are tested without a database.
 */
export type WindowView = MaintenanceWindow & {
  pending: boolean;
  refusal?: { code: string; message: string };
};

export interface WindowGroups<W> {
  running: W[];
  upcoming: W[];
  /** Ended or cancelled, newest first. */
  past: W[];
}

const startOf = (w: { startsAt: string }) => Date.parse(w.startsAt);

/** Running now, upcoming (soonest first) and past or cancelled (latest first). */
export function groupWindows<
  W extends Pick<MaintenanceWindow, 'startsAt' | 'endsAt' | 'cancelled'>,
>(windows: readonly W[], nowMs: number): WindowGroups<W> {
  const groups: WindowGroups<W> = { running: [], upcoming: [], past: [] };
  for (const window of windows) {
    if (isWindowRunning(window, nowMs)) groups.running.push(window);
    else if (!window.cancelled && startOf(window) > nowMs) groups.upcoming.push(window);
    else groups.past.push(window);
  }
  groups.running.sort((a, b) => startOf(a) - startOf(b));
  groups.upcoming.sort((a, b) => startOf(a) - startOf(b));
  groups.past.sort((a, b) => startOf(b) - startOf(a));
  return groups;
}

const DAY_MS = 24 * 3_600_000;

/**
 * What a ticket page of the organization mentions: the windows running now and those starting
 * within 24 hours (the engineer on the phone should know before the customer calls about it).
 * A refused window never ran, so it is left out.
 */
export function windowsForTicket<W extends WindowView>(
  windows: readonly W[],
  nowMs: number,
): { running: W[]; soon: W[] } {
  const live = windows.filter((w) => !w.refusal);
  const { running, upcoming } = groupWindows(live, nowMs);
  return { running, soon: upcoming.filter((w) => startOf(w) - nowMs <= DAY_MS) };
}

/** The windows running now across organizations, for the queue header; refused ones never ran. */
export function runningWindows<W extends WindowView>(windows: readonly W[], nowMs: number): W[] {
  return groupWindows(
    windows.filter((w) => !w.refusal),
    nowMs,
  ).running;
}

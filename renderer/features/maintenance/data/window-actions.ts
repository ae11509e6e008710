import type { PlanWindowPayload } from '@shared/maintenance/window';
import { getAppDb } from '../../../db/app-db';
import { createWindowCommands, type WindowCommands } from '../../../db/repos/window-commands';
import { getSyncEngine } from '../../sync/sync-runtime';

export { WindowActionError } from '../../../db/repos/window-commands';

let commands: WindowCommands | null = null;

/** This window's window actions (the refused-actions list resends through them too). */
export function windowCommands(): WindowCommands {
  commands ??= createWindowCommands(getAppDb(), {
    onRecorded: () => getSyncEngine().notifyLocalChange(),
  });
  return commands;
}

/**
 * Plans a maintenance window: validated, checked against §5 and the organization's other windows
 * as this device knows them, then queued like any ticket action (exactly once, stamped with the
 * engineer's action time). Throws `WindowActionError` (`code`, `message`) and queues nothing when
 * the input is invalid or the ERP would refuse it.
 */
export function planMaintenanceWindow(input: PlanWindowPayload): Promise<{ id: string }> {
  return windowCommands().plan(input);
}

/**
 * Cancels a window (it stays in the history, marked cancelled). `queued: false` when it is
 * already cancelled or over; throws `WindowActionError` for an unknown window or a bad reason.
 */
export function cancelMaintenanceWindow(id: string, reason?: string): Promise<{ queued: boolean }> {
  return windowCommands().cancel(id, reason);
}

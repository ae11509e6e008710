import type { CommandError } from '../domain/apply-command';
import { isWindowCommand } from '../erp/commands';
import { parseInstant } from '../sla/instants';
import type { OutboxEntry } from '../sync/ports';
import { toWireCommand } from '../sync/stamp';
import { cancelledWindow, plannedWindow } from './apply-window-command';
import { planWindowPayload, type MaintenanceWindow, type WindowRecord } from './window';

/** A window as the device shows it: the ERP's copy, or what this device's commands make of it. */
export type MaintenanceWindowView = MaintenanceWindow & {
  /** A command of this device about the window has not reached the ERP yet. */
  pending: boolean;
  /** The ERP refused this device's last command about the window (it is in the refused list). */
  refusal?: { code: string; message: string };
};

/** A refused window command, as the dead letters keep it. */
export type RefusedWindowCommand = OutboxEntry & { error: CommandError; deadAt: number };

/**
 * Stored windows merged with this device's pending and refused window commands, newest first (by
 * start; a planned window not yet stored has version 0). A pending plan shows at once; a pending
 * cancel shows the window cancelled. A refused plan shows what was asked, with the refusal; a
 * refused cancel leaves the window as the ERP has it, with the refusal.
 */
export function windowViews(
  stored: readonly MaintenanceWindow[],
  pending: readonly OutboxEntry[],
  refused: readonly RefusedWindowCommand[],
  currentOffsetMs: number | null,
): MaintenanceWindowView[] {
  const views = new Map<string, MaintenanceWindowView>(
    stored.map((window) => [window.id, { ...window, pending: false }]),
  );
  for (const entry of [...refused].sort((a, b) => a.deadAt - b.deadAt)) {
    if (!isWindowCommand(entry.type)) continue;
    const refusal = { code: entry.error.code, message: entry.error.message };
    const known = views.get(entry.ticketId);
    if (known) {
      views.set(entry.ticketId, { ...known, refusal });
      continue;
    }
    const asked = entry.type === 'plan_window' ? plannedBy(entry, currentOffsetMs) : null;
    if (asked) views.set(asked.id, { ...asked, version: 0, pending: false, refusal });
  }
  for (const entry of [...pending].sort((a, b) => a.seq - b.seq)) {
    const known = views.get(entry.ticketId);
    if (entry.type === 'plan_window') {
      // An id the ERP already holds is its copy; the plan is then a duplicate on its way.
      if (known && known.version > 0) {
        views.set(entry.ticketId, { ...known, pending: true });
        continue;
      }
      const asked = plannedBy(entry, currentOffsetMs);
      if (asked) views.set(asked.id, { ...asked, version: 0, pending: true });
    } else if (entry.type === 'cancel_window' && known) {
      const reason = entry.payload['reason'];
      const cancelled = known.cancelled
        ? known
        : cancelledWindow(known, recordOf(entry, currentOffsetMs), textOrUndefined(reason));
      views.set(entry.ticketId, { ...cancelled, version: known.version, pending: true });
    }
  }
  return [...views.values()].sort(
    (a, b) => parseInstant(b.startsAt)! - parseInstant(a.startsAt)! || a.id.localeCompare(b.id),
  );
}

function recordOf(entry: OutboxEntry, currentOffsetMs: number | null): WindowRecord {
  return {
    author: entry.author,
    authorId: entry.authorId,
    commandId: entry.commandId,
    at: toWireCommand(entry, currentOffsetMs).clientCreatedAt,
  };
}

/** Null when the stored payload is not a plan at all (a damaged row): it is not shown. */
function plannedBy(entry: OutboxEntry, currentOffsetMs: number | null): MaintenanceWindow | null {
  const plan = planWindowPayload.safeParse(entry.payload);
  if (!plan.success) return null;
  return plannedWindow(entry.ticketId, plan.data, recordOf(entry, currentOffsetMs));
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

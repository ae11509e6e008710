import type { Change } from '@shared/erp/protocol';
import { WINDOW_COMMAND_TYPES } from '@shared/erp/commands';
import type { MaintenanceWindow } from '@shared/maintenance/window';
import {
  windowViews,
  type MaintenanceWindowView,
  type RefusedWindowCommand,
} from '@shared/maintenance/window-view';
import type { AppDb, MaintenanceWindowRow } from '../schema';
import { getMeta } from './meta';

/** The stored windows (of one organization, or all), merged with this device's window commands. */
export async function listMaintenanceWindows(
  db: AppDb,
  filter: { organizationId?: string } = {},
): Promise<MaintenanceWindowView[]> {
  return db.transaction(
    'r',
    [db.maintenanceWindows, db.outbox, db.deadLetters, db.meta],
    async () => {
      const [rows, pending, refused, offset] = await Promise.all([
        filter.organizationId === undefined
          ? db.maintenanceWindows.toArray()
          : db.maintenanceWindows.where('organizationId').equals(filter.organizationId).toArray(),
        pendingWindowCommands(db),
        refusedWindowCommands(db),
        getMeta(db, 'clockOffset'),
      ]);
      const views = windowViews(
        rows.map((row) => row.data),
        pending,
        refused,
        offset?.offsetMs ?? null,
      );
      return filter.organizationId === undefined
        ? views
        : views.filter((view) => view.organizationId === filter.organizationId);
    },
  );
}

/** This device's window commands still in the outbox, in the order they will be sent. */
export async function pendingWindowCommands(db: AppDb) {
  const rows = await db.outbox.where('type').anyOf(WINDOW_COMMAND_TYPES).toArray();
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Refused window commands: few, so the list is filtered rather than indexed. */
async function refusedWindowCommands(db: AppDb): Promise<RefusedWindowCommand[]> {
  return db.deadLetters
    .filter((letter) => (WINDOW_COMMAND_TYPES as readonly string[]).includes(letter.type))
    .toArray();
}

/**
 * Stores window copies (a pulled page's, or push answers'); a copy replaces the stored one only
 * when it is newer, so a replayed page or a late answer never moves a window back. Call inside a
 * transaction over `maintenanceWindows`.
 */
export async function storeWindowCopies(
  db: AppDb,
  copies: readonly MaintenanceWindow[],
  epoch: number,
): Promise<void> {
  if (copies.length === 0) return;
  const newest = new Map<string, MaintenanceWindow>();
  for (const copy of copies) {
    const known = newest.get(copy.id);
    if (!known || copy.version > known.version) newest.set(copy.id, copy);
  }
  const rows = await db.maintenanceWindows.bulkGet([...newest.keys()]);
  const puts: MaintenanceWindowRow[] = [];
  [...newest.values()].forEach((copy, index) => {
    const row = rows[index];
    if (row && copy.version <= row.version) {
      if (row.seenEpoch !== epoch) puts.push({ ...row, seenEpoch: epoch });
      return;
    }
    puts.push({
      id: copy.id,
      version: copy.version,
      data: copy,
      organizationId: copy.organizationId,
      seenEpoch: epoch,
    });
  });
  await db.maintenanceWindows.bulkPut(puts);
}

/** The `maintenance_window` changes of a pulled page (the feed never deletes a window). */
export function windowCopiesIn(changes: readonly Change[]): MaintenanceWindow[] {
  return changes.flatMap((change) =>
    change.entity === 'maintenance_window' && !change.deleted
      ? [change.data as MaintenanceWindow]
      : [],
  );
}

/** After a full resync: a window the ERP no longer listed is gone there. */
export async function sweepUnseenWindows(db: AppDb, epoch: number): Promise<void> {
  await db.maintenanceWindows.where('seenEpoch').below(epoch).delete();
}

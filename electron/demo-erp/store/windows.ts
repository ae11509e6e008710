import type { MaintenanceWindow } from '../../../shared/maintenance/window';
import type { Sql } from './database';

/*
 * Maintenance windows live in a table of their own (never among tickets): the window's JSON and
 * its version. Like tickets, each write appends the new version to the change log, which is
 * also where the initial snapshot reads them from. A cancelled window stays, marked cancelled.
 */

/** Windows by id, for the ids a push names; ids without a window are absent. */
export async function loadWindows(
  sql: Sql,
  ids: readonly string[],
): Promise<Map<string, MaintenanceWindow>> {
  const map = new Map<string, MaintenanceWindow>();
  if (ids.length === 0) return map;
  const result = await sql.query<{ data: MaintenanceWindow }>(
    'select data from maintenance_windows where id = any($1::text[])',
    [[...ids]],
  );
  for (const row of result.rows) map.set(row.data.id, row.data);
  return map;
}

/** An organization's windows that are not cancelled: what a new one must not overlap. */
export async function loadActiveWindows(
  sql: Sql,
  organizationId: string,
): Promise<MaintenanceWindow[]> {
  const result = await sql.query<{ data: MaintenanceWindow }>(
    `select data from maintenance_windows
     where organization_id = $1 and data->'cancelled' = 'null'::jsonb`,
    [organizationId],
  );
  return result.rows.map((row) => row.data);
}

/** Writes windows' latest versions and appends each to the change log, in the caller's transaction. */
export async function writeWindows(sql: Sql, windows: readonly MaintenanceWindow[]): Promise<void> {
  if (windows.length === 0) return;
  const rows = JSON.stringify(
    windows.map((w, n) => ({ n, id: w.id, org: w.organizationId, version: w.version, data: w })),
  );
  await sql.query(
    `with r as materialized (
       select * from jsonb_to_recordset($1::jsonb)
         as r(n integer, id text, org text, version integer, data jsonb)),
     written as (
       insert into maintenance_windows (id, organization_id, version, data)
       select r.id, r.org, r.version, r.data from r order by r.n
       on conflict (id) do update set version = excluded.version, data = excluded.data)
     insert into changes (entity, id, version, deleted, data)
     select 'maintenance_window', r.id, r.version, false, r.data from r order by r.n`,
    [rows],
  );
}

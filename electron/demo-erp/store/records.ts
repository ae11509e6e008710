import type { Organization, Ticket } from '../../../shared/domain';
import { getMeta, setMeta, type Sql } from './database';

/** A ticket row: `deleted` rows are tombstones (their id can never be reused). */
export type TicketRow = { deleted: false; ticket: Ticket } | { deleted: true; version: number };

export async function loadTicket(sql: Sql, id: string): Promise<TicketRow | null> {
  const result = await sql.query<{ version: number; deleted: boolean; data: Ticket | null }>(
    'select version, deleted, data from tickets where id = $1',
    [id],
  );
  const row = result.rows[0];
  if (!row) return null;
  return row.deleted || !row.data
    ? { deleted: true, version: row.version }
    : { deleted: false, ticket: row.data };
}

/** Rows for many ids in one query; ids without a row are absent from the map. */
export async function loadTickets(sql: Sql, ids: string[]): Promise<Map<string, TicketRow>> {
  const map = new Map<string, TicketRow>();
  if (ids.length === 0) return map;
  const result = await sql.query<{
    id: string;
    version: number;
    deleted: boolean;
    data: Ticket | null;
  }>('select id, version, deleted, data from tickets where id = any($1::text[])', [ids]);
  for (const row of result.rows) {
    map.set(
      row.id,
      row.deleted || !row.data
        ? { deleted: true, version: row.version }
        : { deleted: false, ticket: row.data },
    );
  }
  return map;
}

export async function loadOrganization(sql: Sql, id: string): Promise<Organization | undefined> {
  const result = await sql.query<{ data: Organization }>(
    'select data from organizations where id = $1',
    [id],
  );
  return result.rows[0]?.data;
}

/** Replaces a ticket by a tombstone (a new version, no data) and logs the delete. */
export async function tombstoneTicket(sql: Sql, id: string): Promise<boolean> {
  const row = await loadTicket(sql, id);
  if (!row || row.deleted) return false;
  const version = row.ticket.version + 1;
  await sql.query('update tickets set version = $2, deleted = true, data = null where id = $1', [
    id,
    version,
  ]);
  await sql.query(
    `insert into changes (entity, id, version, deleted, data) values ('ticket', $1, $2, true, null)`,
    [id, version],
  );
  return true;
}

/**
 * Writes tickets' latest states and appends each to the change log, in the caller's transaction.
 * One statement per chunk, the rows travelling as one JSON parameter parsed once for both tables:
 * a push writes each ticket it touched once (its final version: the intermediate ones were never
 * visible outside the transaction), and the seed writes 50,000 tickets in a few seconds.
 */
export async function writeTickets(sql: Sql, tickets: readonly Ticket[]): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < tickets.length; i += CHUNK) {
    const rows = JSON.stringify(
      tickets.slice(i, i + CHUNK).map((t, n) => ({ n, id: t.id, version: t.version, data: t })),
    );
    await sql.query(
      `with r as materialized (
         select * from jsonb_to_recordset($1::jsonb)
           as r(n integer, id text, version integer, data jsonb)),
       written as (
         insert into tickets (id, version, deleted, data)
         select r.id, r.version, false, r.data from r order by r.n
         on conflict (id) do update
           set version = excluded.version, deleted = false, data = excluded.data)
       insert into changes (entity, id, version, deleted, data)
       select 'ticket', r.id, r.version, false, r.data from r order by r.n`,
      [rows],
    );
  }
}

export async function insertOrganizations(
  sql: Sql,
  organizations: readonly Organization[],
): Promise<void> {
  for (const org of organizations) {
    const json = JSON.stringify(org);
    await sql.query('insert into organizations (id, version, data) values ($1, $2, $3::jsonb)', [
      org.id,
      org.version,
      json,
    ]);
    await sql.query(
      `insert into changes (entity, id, version, deleted, data) values ('organization', $1, $2, false, $3::jsonb)`,
      [org.id, org.version, json],
    );
  }
}

/** Registration numbers are the server's (applyCommand asks through `nextNumber`). */
export async function readNextNumber(sql: Sql): Promise<number> {
  return (await getMeta<number>(sql, 'next_number')) ?? 1;
}

export async function writeNextNumber(sql: Sql, next: number): Promise<void> {
  await setMeta(sql, 'next_number', next);
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { connectPostgres } from './postgres-database';
import type { Sql, SqlDatabase } from './sql';

export type { Sql, SqlDatabase } from './sql';

// One schema, created idempotently on every open (a column added later comes with `add column if
// not exists`; data migrations live beside the data they change, e.g. identity-migration.ts). The
// change log holds full snapshots so `changes` is a plain range scan over its primary key.
const SCHEMA = `
create table if not exists meta (key text primary key, value jsonb not null);
create table if not exists organizations (
  id text primary key, version integer not null, data jsonb not null);
create table if not exists users (id text primary key, version integer not null, data jsonb not null);
create table if not exists tickets (
  id text primary key, version integer not null, deleted boolean not null default false, data jsonb);
create table if not exists devices (
  device_id uuid primary key, last_seq integer not null, last_user text not null,
  updated_at timestamptz not null);
create table if not exists commands (
  command_id uuid primary key, device_id uuid not null, seq integer not null, type text not null,
  ticket_id text not null, author text not null, client_created_at text not null,
  recorded_at text not null, payload jsonb not null, status text not null, error jsonb,
  ticket_version integer);
create index if not exists commands_ticket on commands (ticket_id);
alter table commands add column if not exists author_id text;
create table if not exists deferrals (command_id uuid primary key, first_seen_ms double precision not null);
create table if not exists changes (
  pos bigserial primary key, entity text not null, id text not null, version integer not null,
  deleted boolean not null, data jsonb);
create index if not exists changes_entity on changes (entity, id, pos);
create table if not exists maintenance_windows (
  id text primary key, organization_id text not null, version integer not null, data jsonb not null);
create index if not exists maintenance_windows_organization on maintenance_windows (organization_id);
`;

/**
 * The one lock every writing transaction takes first (held until its commit or rollback). With
 * several server processes on one PostgreSQL database it is what makes exactly-once hold: two
 * copies of a push are applied one after the other, the second sees the first's commands; ticket
 * versions, registration numbers and server time are read and written by one writer at a time;
 * and change-log positions are committed in the order they are assigned, so a pull never passes a
 * position whose row is still to be committed. Readers (pulls) never take it.
 */
const WRITE_LOCK_KEY = 0x70726f6b; // "prok"

export async function lockWrites(tx: Sql): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
}

export interface Database {
  db: SqlDatabase;
  /** Random per database: a cursor from another database (a wiped dir) is expired, not misread. */
  epoch: string;
}

/** Where the data lives: PGlite in `<dataDir>/pgdata`, or a PostgreSQL server's database. */
export type DatabaseTarget =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

/** Opens PGlite in `<dataDir>/pgdata` (creating it if needed). */
export function openDatabase(dataDir: string): Promise<Database> {
  return openDatabaseAt({ kind: 'pglite', dataDir });
}

/**
 * Opens the database and brings its schema up to date. Several processes may open one PostgreSQL
 * database at once: the schema and the epoch are written under the write lock, so they agree.
 */
export async function openDatabaseAt(target: DatabaseTarget): Promise<Database> {
  const db =
    target.kind === 'pglite' ? await openPglite(target.dataDir) : connectPostgres(target.url);
  try {
    const epoch = await db.transaction(async (tx) => {
      await lockWrites(tx);
      await tx.exec(SCHEMA);
      const existing = await getMeta<string>(tx, 'epoch');
      if (existing !== undefined) return existing;
      const fresh = randomUUID();
      await setMeta(tx, 'epoch', fresh);
      return fresh;
    });
    return { db, epoch };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** jsonb's type id: its text is handed over as PostgreSQL wrote it. */
const JSONB_TYPE_ID = 3802;
const PGLITE_RAW_JSON = { parsers: { [JSONB_TYPE_ID]: (text: string) => text } };

async function openPglite(dataDir: string): Promise<SqlDatabase> {
  const dir = join(dataDir, 'pgdata');
  await mkdir(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const port = (sql: Pick<Transaction, 'query' | 'exec'>): Sql => ({
    query: (text, params, options) =>
      sql.query(text, params, options?.rawJson === true ? PGLITE_RAW_JSON : undefined),
    exec: (text) => sql.exec(text),
  });
  return {
    kind: 'pglite',
    ...port(pglite),
    // One connection, and every task of the server runs through one serial queue: a snapshot
    // needs no isolation level of its own here.
    transaction: (work) => pglite.transaction((tx) => work(port(tx))),
    close: () => pglite.close(),
  };
}

export async function getMeta<T>(sql: Sql, key: string): Promise<T | undefined> {
  const result = await sql.query<{ value: T }>('select value from meta where key = $1', [key]);
  return result.rows[0]?.value;
}

export async function setMeta(sql: Sql, key: string, value: unknown): Promise<void> {
  await sql.query(
    `insert into meta (key, value) values ($1, $2::jsonb)
     on conflict (key) do update set value = excluded.value`,
    [key, JSON.stringify(value)],
  );
}

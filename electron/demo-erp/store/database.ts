import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PGlite, type Transaction } from '@electric-sql/pglite';

/** What the store needs from PGlite or one of its transactions. */
export type Sql = Pick<Transaction, 'query' | 'exec'>;

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
`;

export interface Database {
  db: PGlite;
  /** Random per data directory: a cursor from another database (a wiped dir) is expired, not misread. */
  epoch: string;
}

/** Opens (creating if needed) the PGlite database that lives in `<dataDir>/pgdata`. */
export async function openDatabase(dataDir: string): Promise<Database> {
  const dir = join(dataDir, 'pgdata');
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  try {
    await db.exec(SCHEMA);
    const epoch = await db.transaction(async (tx) => {
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

import type { Ticket, UserRef } from '../../../shared/domain';
import type { MaintenanceWindow } from '../../../shared/maintenance/window';
import type { CommandStatus, ErrorBody, WireCommand } from '../../../shared/erp';
import { storablePayload } from '../push/json-safety';
import type { Sql } from './database';

/** What the server remembers of a processed command: enough to answer a resend of it. */
export interface StoredCommand {
  seq: number;
  status: Exclude<CommandStatus, 'duplicate' | 'deferred'>;
  error: ErrorBody | null;
  /** The ticket's id, or a window command's window id. */
  ticketId: string;
  type: string;
}

/** Stored results by lower-case command id. */
export async function loadStoredCommands(
  sql: Sql,
  ids: string[],
): Promise<Map<string, StoredCommand>> {
  const map = new Map<string, StoredCommand>();
  if (ids.length === 0) return map;
  const result = await sql.query<{
    command_id: string;
    seq: number;
    status: StoredCommand['status'];
    error: ErrorBody | null;
    ticket_id: string;
    type: string;
  }>(
    'select command_id, seq, status, error, ticket_id, type from commands where command_id = any($1::uuid[])',
    [ids],
  );
  for (const row of result.rows) {
    map.set(row.command_id.toLowerCase(), {
      seq: row.seq,
      status: row.status,
      error: row.error,
      ticketId: row.ticket_id,
      type: row.type,
    });
  }
  return map;
}

export interface CommandRecord {
  deviceId: string;
  command: WireCommand;
  /** The user the token belonged to: who the ERP says did it. */
  author: UserRef;
  recordedAt: string;
  status: StoredCommand['status'];
  error: ErrorBody | null;
  ticket: Ticket | undefined;
  /** A window command's window as it stands after the command. */
  window?: MaintenanceWindow | undefined;
}

/**
 * Stores terminal results (with the command as sent, for the record) in one statement, and
 * forgets the deferrals of those commands.
 */
export async function storeCommands(sql: Sql, records: readonly CommandRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map(({ command, ...record }) => ({
    command_id: command.commandId,
    device_id: record.deviceId,
    seq: command.seq,
    type: command.type,
    ticket_id: command.ticketId,
    author: record.author.name,
    author_id: record.author.id,
    client_created_at: command.clientCreatedAt,
    recorded_at: record.recordedAt,
    payload: storablePayload(command.payload),
    status: record.status,
    error: record.error,
    // A window command's window version: the column records the version the command left.
    ticket_version: record.ticket?.version ?? record.window?.version ?? null,
  }));
  await sql.query(
    `insert into commands (command_id, device_id, seq, type, ticket_id, author, author_id,
       client_created_at, recorded_at, payload, status, error, ticket_version)
     select r.command_id, r.device_id, r.seq, r.type, r.ticket_id, r.author, r.author_id,
       r.client_created_at, r.recorded_at, r.payload, r.status, r.error, r.ticket_version
     from jsonb_to_recordset($1::jsonb) as r(command_id uuid, device_id uuid, seq integer,
       type text, ticket_id text, author text, author_id text, client_created_at text,
       recorded_at text, payload jsonb, status text, error jsonb, ticket_version integer)`,
    [JSON.stringify(rows)],
  );
  await sql.query('delete from deferrals where command_id = any($1::uuid[])', [
    records.map((r) => r.command.commandId),
  ]);
}

export async function readDeviceSeq(sql: Sql, deviceId: string): Promise<number | null> {
  const result = await sql.query<{ last_seq: number }>(
    'select last_seq from devices where device_id = $1',
    [deviceId],
  );
  return result.rows[0]?.last_seq ?? null;
}

export async function writeDeviceSeq(
  sql: Sql,
  deviceId: string,
  lastSeq: number,
  userId: string,
  now: string,
): Promise<void> {
  await sql.query(
    `insert into devices (device_id, last_seq, last_user, updated_at) values ($1, $2, $3, $4)
     on conflict (device_id) do update set last_seq = excluded.last_seq,
       last_user = excluded.last_user, updated_at = excluded.updated_at`,
    [deviceId, lastSeq, userId, now],
  );
}

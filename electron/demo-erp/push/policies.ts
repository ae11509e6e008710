import type { WireCommand } from '../../../shared/erp';
import { parseInstant } from '../../../shared/sla/instants';
import type { Sql } from '../store/sql';

/**
 * How far in the server's future a new ticket's `createdAt` may be and still be taken as "now".
 * The client corrects its clock by the offset it last measured; a few minutes of drift since then
 * must not turn an engineer's intake into a terminal `created_in_future` rejection.
 */
export const CREATED_AT_TOLERANCE_MS = 5 * 60_000;

export function clampCreatePayload(
  payload: Record<string, unknown>,
  nowMs: number,
): Record<string, unknown> {
  const createdAt = payload['createdAt'];
  if (typeof createdAt !== 'string') return payload;
  const ms = parseInstant(createdAt);
  if (ms === null || ms <= nowMs || ms - nowMs > CREATED_AT_TOLERANCE_MS) return payload;
  return { ...payload, createdAt: new Date(nowMs).toISOString() };
}

export type DeferDecision = { defer: true } | { defer: false; reason: string };

/**
 * A command for a ticket the server does not know. It is deferred (the device keeps it and the
 * rest of its queue and retries later) while the ticket's `create` may still arrive, but never
 * forever: once the same command has been waiting `limitMs` since it was first deferred, or once
 * this ticket's own create is known to have failed, it is rejected so the queue moves on.
 */
export async function shouldDefer(
  tx: Sql,
  command: WireCommand,
  options: {
    nowMs: number;
    limitMs: number;
    /** Status of this ticket's create if it came earlier in the same push (not stored yet). */
    createStatus: string | undefined;
  },
): Promise<DeferDecision> {
  const { nowMs, limitMs } = options;
  let failed = options.createStatus;
  if (failed === undefined) {
    const create = await tx.query<{ status: string }>(
      `select status from commands where ticket_id = $1 and type = 'create' limit 1`,
      [command.ticketId],
    );
    failed = create.rows[0]?.status;
  }
  if (failed !== undefined) {
    return { defer: false, reason: `the ticket does not exist: its create command was ${failed}` };
  }
  const seen = await tx.query<{ first_seen_ms: number }>(
    'select first_seen_ms from deferrals where command_id = $1',
    [command.commandId],
  );
  const firstSeen = seen.rows[0]?.first_seen_ms;
  if (firstSeen === undefined) {
    await tx.query('insert into deferrals (command_id, first_seen_ms) values ($1, $2)', [
      command.commandId,
      nowMs,
    ]);
  }
  if (nowMs - (firstSeen ?? nowMs) < limitMs) return { defer: true };
  const minutes = Math.round(limitMs / 60_000);
  return {
    defer: false,
    reason: `the ticket does not exist (its create did not arrive within ${minutes} min)`,
  };
}

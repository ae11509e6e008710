import {
  applyCommand,
  eventTimeFor,
  type ApplyOutcome,
  type Organization,
  type Ticket,
  type User,
  type UserRef,
} from '../../../shared/domain';
import {
  isWindowCommand,
  notProcessedAfterDeferral,
  type CommandResult,
  type CommandType,
  type PushRequest,
  type PushResponse,
  type WireCommand,
} from '../../../shared/erp';
import {
  loadStoredCommands,
  readDeviceSeq,
  storeCommands,
  writeDeviceSeq,
  type CommandRecord,
  type StoredCommand,
} from '../store/commands';
import {
  loadOrganization,
  loadTickets,
  readNextNumber,
  writeNextNumber,
  writeTickets,
  type TicketRow,
} from '../store/records';
import { loadUsers } from '../store/users';
import { lockWrites, type Sql, type SqlDatabase } from '../store/database';
import { nextServerTime } from '../store/server-time';
import { findJsonProblem } from './json-safety';
import { findSequenceGap } from './sequence';
import { clampCreatePayload, shouldDefer } from './policies';
import { decideAttach } from './attach-policy';
import type { BlobStore } from '../blobs/blob-store';
import type { MaintenanceWindow } from '../../../shared/maintenance/window';
import { loadWindows, writeWindows } from '../store/windows';
import { windowStep, type WindowPushState } from './window-push';

export interface PushContext {
  /** The user behind the bearer token: the author of everything this push records. */
  author: UserRef;
  /** The wall clock; the push's time is never before the last one this database handed out. */
  clockMs: () => number;
  deferUnknownTicketMs: number;
  /** `attach` waits for its blob to be complete here. */
  blobs: Pick<BlobStore, 'complete' | 'maxBlobBytes'>;
  /** Runs just before commit; throwing rolls the whole push back (fault injection). */
  beforeCommit?: () => void;
}

export type PushOutcome =
  { kind: 'ok'; response: PushResponse } | { kind: 'seq_gap'; lastSeq: number; message: string };

/** One push, in one transaction: either every result below is durable, or none is. */
export function applyPush(
  db: SqlDatabase,
  request: PushRequest,
  ctx: PushContext,
): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const nowMs = await nextServerTime(tx, ctx.clockMs());
    return applyInTransaction(tx, request, ctx, nowMs);
  });
}

async function applyInTransaction(
  tx: Sql,
  request: PushRequest,
  ctx: PushContext,
  nowMs: number,
): Promise<PushOutcome> {
  const now = new Date(nowMs).toISOString();
  const knownSeq = await readDeviceSeq(tx, request.deviceId);
  const initialSeq = knownSeq ?? 0;
  // UUIDs compare case-insensitively (Postgres stores them lower-case); results echo the original.
  const idOf = (command: WireCommand) => command.commandId.toLowerCase();
  const stored = await loadStoredCommands(tx, request.commands.map(idOf));
  const gap = findSequenceGap(
    request.commands.map((c) => ({ commandId: idOf(c), seq: c.seq })),
    initialSeq,
    new Set(stored.keys()),
  );
  if (gap !== null) return { kind: 'seq_gap', lastSeq: initialSeq, message: gap };

  // Every ticket the push names, in one query; a ticket created by the push is added as it goes.
  const tickets = await loadTickets(tx, [
    ...new Set([
      ...request.commands.map((c) => c.ticketId),
      ...[...stored.values()].map((s) => s.ticketId),
    ]),
  ]);
  const ticketOf = (id: string): TicketRow | null => tickets.get(id) ?? null;
  const orgs = new Map<string, Organization | undefined>();
  const orgOf = async (id: string) => {
    if (!orgs.has(id)) orgs.set(id, await loadOrganization(tx, id));
    return orgs.get(id);
  };
  let nextNumber: number | null = null;
  let numberUsed = false;
  const firstNumber = await readNextNumber(tx);
  const users = await loadUsers(tx);
  // The windows the push names (window commands carry the window's id as `ticketId`).
  const windowState: WindowPushState = {
    windows: await loadWindows(tx, [
      ...new Set([
        ...request.commands.filter((c) => isWindowCommand(c.type)).map((c) => c.ticketId),
        ...[...stored.values()].filter((s) => isWindowCommand(s.type)).map((s) => s.ticketId),
      ]),
    ]),
    changed: new Map(),
  };

  // Written once at the end: each touched ticket in its final version, all results in one go.
  const changed = new Map<string, Ticket>();
  const records: CommandRecord[] = [];
  let lastSeq = initialSeq;
  let stopped = false;
  const results: CommandResult[] = [];
  for (const command of request.commands) {
    const base = { commandId: command.commandId, seq: command.seq };
    if (stopped) {
      results.push(notProcessedAfterDeferral(base));
      continue;
    }
    const previous = stored.get(idOf(command));
    if (previous) {
      results.push(
        isWindowCommand(previous.type)
          ? duplicateResult(command, previous, null, windowState.windows.get(previous.ticketId))
          : duplicateResult(command, previous, ticketOf(previous.ticketId)),
      );
      continue;
    }
    if (isWindowCommand(command.type) && command.seq > lastSeq) {
      const step = await windowStep(tx, { ...command, type: command.type }, windowState, {
        author: ctx.author,
        nowMs,
        orgOf,
        deviceId: request.deviceId,
        recordedAt: now,
      });
      records.push(step.record);
      stored.set(idOf(command), step.stored);
      results.push(step.result);
      lastSeq = command.seq;
      continue;
    }
    const row = ticketOf(command.ticketId);
    let outcome: ApplyOutcome;
    if (command.seq <= lastSeq) {
      outcome = rejected(
        'seq_reused',
        `seq ${command.seq} was already used by another command of this device (last accepted seq ${lastSeq})`,
      );
    } else if (row?.deleted) {
      outcome = rejected('ticket_deleted', `${command.type}: the ticket was deleted`);
    } else if (!row && command.type !== 'create') {
      const createdHere = records.find(
        (r) => r.command.ticketId === command.ticketId && r.command.type === 'create',
      );
      const defer = await shouldDefer(tx, command, {
        nowMs,
        limitMs: ctx.deferUnknownTicketMs,
        createStatus: createdHere?.status,
      });
      if (defer.defer) {
        stopped = true;
        results.push({
          ...base,
          status: 'deferred',
          error: {
            code: 'ticket_not_yet_known',
            message: `${command.type}: ticket ${command.ticketId} is not known yet (its create has not arrived); resend later`,
          },
        });
        continue;
      }
      outcome = rejected('unknown_ticket', `${command.type}: ${defer.reason}`);
    } else {
      const attach =
        command.type === 'attach' ? await decideAttach(command.payload, ctx.blobs) : null;
      if (attach?.kind === 'defer') {
        stopped = true;
        results.push({
          ...base,
          status: 'deferred',
          error: { code: 'blob_incomplete', message: attach.message },
        });
        continue;
      }
      const ticket = row?.deleted === false ? row.ticket : null;
      outcome =
        attach?.kind === 'reject'
          ? rejected(attach.code, attach.message)
          : await runCommand(command, ticket, ctx, nowMs, now, orgOf, users, () => {
              nextNumber ??= firstNumber;
              numberUsed = true;
              return nextNumber++;
            });
    }

    let current: Ticket | undefined;
    if (outcome.status === 'applied') {
      changed.set(outcome.ticket.id, outcome.ticket);
      tickets.set(outcome.ticket.id, { deleted: false, ticket: outcome.ticket });
      current = outcome.ticket;
    } else if (row && !row.deleted) {
      current = row.ticket;
    }
    const error =
      outcome.status === 'conflict' || outcome.status === 'rejected' ? outcome.error : null;
    records.push({
      deviceId: request.deviceId,
      command,
      author: ctx.author,
      recordedAt: now,
      status: outcome.status,
      error,
      ticket: current,
    });
    stored.set(idOf(command), {
      seq: command.seq,
      status: outcome.status,
      error,
      ticketId: command.ticketId,
      type: command.type,
    });
    if (command.seq > lastSeq) lastSeq = command.seq;
    results.push({
      ...base,
      status: outcome.status,
      ...(current ? { ticket: current } : {}),
      ...(error ? { error } : {}),
    });
  }

  await writeTickets(tx, [...changed.values()]);
  await writeWindows(tx, [...windowState.changed.values()]);
  await storeCommands(tx, records);
  if (numberUsed && nextNumber !== null) await writeNextNumber(tx, nextNumber);
  if (lastSeq !== initialSeq || knownSeq === null) {
    await writeDeviceSeq(tx, request.deviceId, lastSeq, ctx.author.id, now);
  }
  ctx.beforeCommit?.();
  return { kind: 'ok', response: { lastSeq, results: lastTicketOnly(results), serverTime: now } };
}

/**
 * Only the last result per ticket carries the ticket: it already holds every earlier command of
 * the push, and 500 comments on one ticket would otherwise answer with 500 growing copies (16 MB).
 */
function lastTicketOnly(results: CommandResult[]): CommandResult[] {
  const seen = new Set<string>();
  const out: CommandResult[] = [];
  for (let i = results.length - 1; i >= 0; i--) {
    const result = results[i]!;
    const id = (result.ticket as Ticket | undefined)?.id;
    if (id === undefined) out.push(result);
    else if (seen.has(id)) {
      const rest = { ...result };
      delete rest.ticket;
      out.push(rest);
    } else {
      seen.add(id);
      out.push(result);
    }
  }
  return out.reverse();
}

async function runCommand(
  command: WireCommand,
  ticket: Ticket | null,
  ctx: PushContext,
  nowMs: number,
  now: string,
  orgOf: (id: string) => Promise<Organization | undefined>,
  users: ReadonlyMap<string, User>,
  nextNumber: () => number,
): Promise<ApplyOutcome> {
  const type = command.type as CommandType;
  const problem = findJsonProblem(command.payload);
  if (problem)
    return rejected('invalid_payload', `${type}: payload.${problem.path} ${problem.message}`);
  const payload = type === 'create' ? clampCreatePayload(command.payload, nowMs) : command.payload;
  const orgId = ticket ? ticket.organizationId : payload['organizationId'];
  const organization = typeof orgId === 'string' ? await orgOf(orgId) : undefined;
  const { at, adjusted } = eventTimeFor(ticket, command.clientCreatedAt, now);
  try {
    return applyCommand(ticket, type, payload, {
      commandId: command.commandId,
      ticketId: command.ticketId,
      author: ctx.author.name,
      authorId: ctx.author.id,
      at,
      adjusted,
      baseVersion: command.baseVersion,
      organization,
      users: (id) => users.get(id),
      now,
      receivedAt: now,
      nextNumber,
    });
  } catch (error) {
    // applyCommand is pure: what it throws, it will throw on every retry. A terminal rejection
    // keeps the device's queue moving instead of failing the push forever.
    const message = error instanceof Error ? error.message : String(error);
    return rejected(
      'internal_error',
      `${type}: the server could not apply this command: ${message}`,
    );
  }
}

function rejected(code: string, message: string): ApplyOutcome {
  return { status: 'rejected', error: { code, message } };
}

function duplicateResult(
  command: WireCommand,
  previous: StoredCommand,
  row: TicketRow | null,
  window?: MaintenanceWindow,
): CommandResult & { originalStatus: StoredCommand['status'] } {
  return {
    commandId: command.commandId,
    seq: previous.seq,
    status: 'duplicate',
    originalStatus: previous.status,
    ...(row && !row.deleted ? { ticket: row.ticket } : {}),
    ...(window ? { window } : {}),
    ...(previous.error ? { error: previous.error } : {}),
  };
}

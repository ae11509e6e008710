import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { CommandError } from '@shared/domain/apply-command';
import type { CommandPayload, CommandType } from '@shared/erp/commands';
import type { OutboxEntry } from '@shared/sync/ports';
import { applyPending } from '@shared/sync/optimistic-view';
import type { UserRef } from '@shared/domain/user';
import type { AppDb } from '../schema';
import { DEFAULT_RESYNC, getMeta, setMeta } from './meta';
import { putTicketRows } from './queue-lines';
import { baseOf, composeRow, needsTeam, organizationsById } from './ticket-rows';
import { actingUser, usersById } from './users';

export interface ActionContext {
  /**
   * Who acts. By default the user the ERP last said the token belongs to (`meta.me`), read with
   * each action; tests name one.
   */
  author?: UserRef;
  /** Device clock, epoch ms. */
  now?: () => number;
  newId?: () => string;
  /** Called after a command was committed to the outbox: the sync engine's `notifyLocalChange`. */
  onRecorded?: () => void;
}

export type ActionResult =
  { ok: true; ticketId: string; commandId: string | null } | { ok: false; error: CommandError };

/** The intake form: everything of `create` but the time, which defaults to the moment of the action. */
export type CreateInput = Omit<CommandPayload<'create'>, 'createdAt'> & { createdAt?: string };

export interface TicketActions {
  create(input: CreateInput): Promise<ActionResult>;
  /** Any other user action on an existing ticket. */
  perform<T extends Exclude<CommandType, 'create'>>(
    type: T,
    ticketId: string,
    payload: CommandPayload<T>,
  ): Promise<ActionResult>;
}

/** Every table a user action reads or writes: a caller that wraps actions in its own transaction needs them all. */
export function actionTables(db: AppDb) {
  return [db.tickets, db.queue, db.resolved, db.outbox, db.meta, db.organizations, db.users];
}

/**
 * One call per user action. The optimistic change and its outbox row are written in one
 * transaction with the next seq, so after a crash either both exist or neither does. An action
 * the shared rules refuse on the current view is refused here, before anything is queued.
 */
export function createTicketActions(db: AppDb, ctx: ActionContext): TicketActions {
  const now = ctx.now ?? Date.now;
  const newId = ctx.newId ?? uuidv7;

  async function record(
    type: CommandType,
    ticketId: string,
    payload: Record<string, unknown>,
  ): Promise<ActionResult> {
    return db.transaction('rw', actionTables(db), async () => {
      // Requests that do not depend on each other go out together: each wait is a round trip to
      // the database process, and a user action should cost as few of them as possible.
      const [row, nextSeq, offset, resync, pending, me, users] = await Promise.all([
        db.tickets.get(ticketId),
        getMeta(db, 'nextSeq'),
        getMeta(db, 'clockOffset'),
        getMeta(db, 'resync'),
        db.outbox.where('ticketId').equals(ticketId).count(),
        ctx.author ? undefined : getMeta(db, 'me'),
        needsTeam([{ type }]) ? usersById(db) : undefined,
      ]);
      const author = ctx.author ?? actingUser(me);
      if (type !== 'create' && !row?.view) {
        return fail('unknown_ticket', `${type}: the ticket is not known on this device`);
      }
      const offsetMs = offset?.offsetMs ?? null;
      const entry: OutboxEntry = {
        seq: nextSeq ?? 1,
        commandId: newId(),
        type,
        ticketId,
        // The version this device saw; a ticket registered offline will be version 1.
        baseVersion: type === 'create' ? null : (row?.server?.version ?? 1),
        payload,
        actedAt: now(),
        offsetMs,
        author: author.name,
        authorId: author.id,
      };
      const orgId =
        type === 'create' ? String(payload['organizationId']) : row!.view!.organizationId;
      const orgs = await organizationsById(db, [orgId]);
      const outcome = applyPending(
        row?.view ?? null,
        entry,
        { organization: (id) => orgs.get(id), user: (id) => users?.get(id) },
        offsetMs,
      );
      if (outcome.status === 'noop') return { ok: true, ticketId, commandId: null } as const;
      if (outcome.status !== 'applied') return { ok: false, error: outcome.error } as const;
      const base = baseOf(row, ticketId, (resync ?? DEFAULT_RESYNC).epoch);
      await Promise.all([
        putTicketRows(db, [composeRow(base, outcome.ticket, pending + 1, row?.failing ?? [])]),
        db.outbox.add(entry),
        setMeta(db, 'nextSeq', entry.seq + 1),
      ]);
      return { ok: true, ticketId, commandId: entry.commandId } as const;
    });
  }

  const notify = (result: ActionResult) => {
    if (!result.ok || result.commandId === null || !ctx.onRecorded) return result;
    // Inside a caller's transaction (a refused action sent again) the command is on disk only
    // once that transaction commits: the engine must not count or push it before.
    const outer = Dexie.currentTransaction;
    if (outer) outer.on('complete', ctx.onRecorded);
    else ctx.onRecorded();
    return result;
  };
  return {
    create: async (input) => notify(await record('create', newId(), { ...input })),
    perform: async (type, ticketId, payload) =>
      notify(await record(type, ticketId, { ...payload })),
  };
}

function fail(code: string, message: string): ActionResult {
  return { ok: false, error: { code, message } };
}

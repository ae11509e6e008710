import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { CommandError } from '@shared/domain/apply-command';
import type { WindowCommandType } from '@shared/erp/commands';
import { applyWindowCommand } from '@shared/maintenance/apply-window-command';
import {
  cancelWindowPayload,
  planWindowPayload,
  type PlanWindowPayload,
} from '@shared/maintenance/window';
import { windowViews } from '@shared/maintenance/window-view';
import type { OutboxEntry } from '@shared/sync/ports';
import { toWireCommand } from '@shared/sync/stamp';
import type { AppDb } from '../schema';
import { getMeta, setMeta } from './meta';
import { pendingWindowCommands } from './maintenance-windows';
import type { ActionContext, ActionResult } from './ticket-actions';
import { actingUser } from './users';

/** Why a window action was not queued: the same codes the ERP refuses with, and its wording. */
export class WindowActionError extends Error {
  readonly code: string;
  constructor(error: CommandError) {
    super(error.message);
    this.name = 'WindowActionError';
    this.code = error.code;
  }
}

export interface WindowCommands {
  /** Queues a `plan_window`; the window shows at once, pending. Throws `WindowActionError`. */
  plan(input: PlanWindowPayload): Promise<{ id: string }>;
  /** Queues a `cancel_window`; `queued: false` when the window is already cancelled or over. */
  cancel(id: string, reason?: string): Promise<{ queued: boolean }>;
  /** A refused window action sent again as a new command for the same window (a retry). */
  resend(
    type: WindowCommandType,
    windowId: string,
    payload: Record<string, unknown>,
  ): Promise<ActionResult>;
}

/**
 * Window actions through the same outbox as ticket actions: the next seq, a command id, the time
 * the engineer acted and the clock offset known then, in one transaction. The shared rules run
 * first on what this device knows, so a plan the ERP would refuse is refused here, before anything
 * is queued (the ERP checks again: it is authoritative).
 */
export function createWindowCommands(
  db: AppDb,
  ctx: Omit<ActionContext, 'newId'> & { newId?: () => string; newWindowId?: () => string },
): WindowCommands {
  const now = ctx.now ?? Date.now;
  const newId = ctx.newId ?? uuidv7;
  const newWindowId = ctx.newWindowId ?? uuidv7;
  const tables = [db.outbox, db.meta, db.maintenanceWindows, db.deadLetters, db.organizations];

  async function record(
    type: WindowCommandType,
    windowId: string,
    payload: Record<string, unknown>,
  ): Promise<string | null> {
    return db.transaction('rw', tables, async () => {
      const [nextSeq, offset, me, rows, pending] = await Promise.all([
        getMeta(db, 'nextSeq'),
        getMeta(db, 'clockOffset'),
        ctx.author ? undefined : getMeta(db, 'me'),
        db.maintenanceWindows.toArray(),
        pendingWindowCommands(db),
      ]);
      const offsetMs = offset?.offsetMs ?? null;
      const known = windowViews(
        rows.map((row) => row.data),
        pending,
        [],
        offsetMs,
      );
      const window = known.find((view) => view.id === windowId) ?? null;
      const author = ctx.author ?? actingUser(me);
      const entry: OutboxEntry = {
        seq: nextSeq ?? 1,
        commandId: newId(),
        type,
        ticketId: windowId,
        // A window planned on this device and not yet stored will be version 1.
        baseVersion:
          type === 'plan_window' ? null : window && window.version > 0 ? window.version : 1,
        payload,
        actedAt: now(),
        offsetMs,
        author: author.name,
        authorId: author.id,
      };
      const orgId = window?.organizationId ?? String(payload['organizationId']);
      const organization = (await db.organizations.get(orgId))?.data ?? undefined;
      const outcome = applyWindowCommand(window, type, payload, {
        commandId: entry.commandId,
        windowId,
        author: entry.author,
        authorId: entry.authorId,
        at: toWireCommand(entry, offsetMs).clientCreatedAt,
        organization,
        others: known,
      });
      if (outcome.status === 'noop') return null;
      if (outcome.status !== 'applied') throw new WindowActionError(outcome.error);
      await Promise.all([db.outbox.add(entry), setMeta(db, 'nextSeq', entry.seq + 1)]);
      return entry.commandId;
    });
  }

  const recorded = () => {
    if (!ctx.onRecorded) return;
    const outer = Dexie.currentTransaction;
    if (outer) outer.on('complete', ctx.onRecorded);
    else ctx.onRecorded();
  };

  return {
    async plan(input) {
      const plan = planWindowPayload.safeParse(input);
      if (!plan.success) throw invalid('plan_window', plan.error.issues[0]);
      const id = newWindowId();
      await record('plan_window', id, { ...plan.data });
      recorded();
      return { id };
    },
    async cancel(id, reason) {
      const cancel = cancelWindowPayload.safeParse(reason === undefined ? {} : { reason });
      if (!cancel.success) throw invalid('cancel_window', cancel.error.issues[0]);
      const commandId = await record('cancel_window', id, { ...cancel.data });
      if (commandId !== null) recorded();
      return { queued: commandId !== null };
    },
    async resend(type, windowId, payload) {
      try {
        const commandId = await record(type, windowId, payload);
        if (commandId !== null) recorded();
        return { ok: true, ticketId: windowId, commandId };
      } catch (error) {
        if (error instanceof WindowActionError)
          return { ok: false, error: { code: error.code, message: error.message } };
        throw error;
      }
    },
  };
}

function invalid(
  type: WindowCommandType,
  issue: { path: PropertyKey[]; message: string } | undefined,
): WindowActionError {
  return new WindowActionError({
    code: 'invalid_payload',
    message:
      `${type}: ${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? 'is invalid'}`.trim(),
  });
}

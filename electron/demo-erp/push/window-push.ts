import type { Organization, UserRef } from '../../../shared/domain';
import type { WindowCommandType } from '../../../shared/erp/commands';
import type { CommandResult, WireCommand } from '../../../shared/erp';
import {
  applyWindowCommand,
  type WindowOutcome,
} from '../../../shared/maintenance/apply-window-command';
import type { MaintenanceWindow } from '../../../shared/maintenance/window';
import { formatInstant, parseInstant } from '../../../shared/sla/instants';
import type { Sql } from '../store/database';
import { loadActiveWindows } from '../store/windows';
import type { CommandRecord, StoredCommand } from '../store/commands';
import { findJsonProblem } from './json-safety';

/** The windows one push reads and writes: loaded once, updated as its commands apply. */
export interface WindowPushState {
  /** Every window the push names, in its newest version so far. */
  windows: Map<string, MaintenanceWindow>;
  /** Windows this push changed: written once, in their final version, at the end. */
  changed: Map<string, MaintenanceWindow>;
}

export interface WindowCommandEnv {
  author: UserRef;
  nowMs: number;
  orgOf: (id: string) => Promise<Organization | undefined>;
}

type WindowCommand = WireCommand & { type: WindowCommandType };

/** One window command of a push: what to store for it, and its result (with the window). */
export async function windowStep(
  tx: Sql,
  command: WindowCommand,
  state: WindowPushState,
  env: WindowCommandEnv & { deviceId: string; recordedAt: string },
): Promise<{ record: CommandRecord; stored: StoredCommand; result: CommandResult }> {
  const outcome = await runWindowCommand(tx, command, state, env);
  const window = state.windows.get(command.ticketId);
  const error = outcome.status === 'applied' || outcome.status === 'noop' ? null : outcome.error;
  const { status } = outcome;
  return {
    record: {
      deviceId: env.deviceId,
      command,
      author: env.author,
      recordedAt: env.recordedAt,
      status,
      error,
      ticket: undefined,
      window,
    },
    stored: { seq: command.seq, status, error, ticketId: command.ticketId, type: command.type },
    result: {
      commandId: command.commandId,
      seq: command.seq,
      status,
      ...(window ? { window } : {}),
      ...(error ? { error } : {}),
    },
  };
}

/**
 * Applies one `plan_window` / `cancel_window` with the shared rules. The record's time is when
 * the engineer acted (`clientCreatedAt`), never in the server's future and never before the
 * window was planned, like ticket events.
 */
async function runWindowCommand(
  tx: Sql,
  command: WindowCommand,
  state: WindowPushState,
  env: WindowCommandEnv,
): Promise<WindowOutcome> {
  const problem = findJsonProblem(command.payload);
  if (problem)
    return {
      status: 'rejected',
      error: {
        code: 'invalid_payload',
        message: `${command.type}: payload.${problem.path} ${problem.message}`,
      },
    };
  const window = state.windows.get(command.ticketId) ?? null;
  const requested = command.payload['organizationId'];
  const orgId = window?.organizationId ?? (typeof requested === 'string' ? requested : null);
  const organization = orgId === null ? undefined : await env.orgOf(orgId);
  let atMs = Math.min(parseInstant(command.clientCreatedAt)!, env.nowMs);
  if (window) atMs = Math.max(atMs, parseInstant(window.planned.at)!);
  const outcome = applyWindowCommand(window, command.type, command.payload, {
    commandId: command.commandId,
    windowId: command.ticketId,
    author: env.author.name,
    authorId: env.author.id,
    at: formatInstant(atMs),
    organization,
    others:
      command.type === 'plan_window' && organization
        ? await othersOf(tx, organization.id, state)
        : [],
  });
  if (outcome.status === 'applied') {
    state.windows.set(outcome.window.id, outcome.window);
    state.changed.set(outcome.window.id, outcome.window);
  }
  return outcome;
}

/** The organization's windows as this push leaves them so far: stored, then this push's. */
async function othersOf(
  tx: Sql,
  organizationId: string,
  state: WindowPushState,
): Promise<MaintenanceWindow[]> {
  const byId = new Map(
    (await loadActiveWindows(tx, organizationId)).map((window) => [window.id, window]),
  );
  for (const window of state.changed.values())
    if (window.organizationId === organizationId) byId.set(window.id, window);
  return [...byId.values()];
}

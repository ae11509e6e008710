import {
  notProcessedAfterDeferral,
  type CommandResult,
  type PushRequest,
  type PushResponse,
} from '@shared/erp/protocol';
import { isWindowCommand } from '@shared/erp/commands';
import { parseRedmine } from '@shared/erp/redmine/redmine-json';
import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineContext } from './redmine-context';
import { currentUser, displayNameOf, errorAnswer } from './redmine-session';
import { pushCommand } from './push/push-command';
import { createPushReads, stopFor } from './push/push-reads';

/**
 * Contract 2's `POST /sync/v1/push` as Redmine writes, one command at a time in seq order.
 * Exactly once without the server's help: each write carries the command's trailer (a create
 * also its client ticket id), and a command whose trailer is already there answers `duplicate`.
 * Redmine keeps no per-device sequence, so `lastSeq` is the last seq answered for good here and
 * a gap is never reported; the order is the device's.
 * A failure of Redmine itself (wrong key, down, 5xx, timeout) answers the whole push as the
 * gateway would when nothing was answered yet; after some commands were answered, those results
 * go back (each whole) and the rest is resent by the engine: a write that landed without its
 * answer is then found by its trailer.
 */
export async function pushCommands(
  context: RedmineContext,
  request: PushRequest,
): Promise<HostResult<ErpResponse>> {
  const reads = createPushReads(context);
  // Who the key belongs to (the author of every write), and the token check of an empty push.
  const who = await context.http.get('/users/current.json');
  if (!who.ok) return who;
  reads.observe(who.value);
  if (who.value.status !== 200)
    return stopFor(who.value, `Redmine answered ${who.value.status}`).stop;
  const parsed = parseRedmine(currentUser, who.value.body, 'GET /users/current.json');
  if (!parsed.ok) return ok(errorAnswer(who.value, 502, 'not_redmine', parsed.reason));
  const { user } = parsed.value;
  const author = { id: user.id, name: displayNameOf(user) };

  const results: CommandResult[] = [];
  const failedCreates = new Set<string>();
  let stopped = false;
  for (const command of [...request.commands].sort((a, b) => a.seq - b.seq)) {
    const base = { commandId: command.commandId, seq: command.seq };
    if (stopped) {
      results.push(notProcessedAfterDeferral(base));
      continue;
    }
    if (isWindowCommand(command.type)) {
      results.push({ ...base, ...windowsNotSupported(command.type) });
      continue;
    }
    const outcome = await pushCommand(command, {
      http: context.http,
      reads,
      author,
      failedCreates,
    });
    if ('stop' in outcome) {
      if (results.length === 0) return outcome.stop;
      break;
    }
    const result = outcome.value;
    if (command.type === 'create' && (result.status === 'rejected' || result.status === 'conflict'))
      failedCreates.add(command.ticketId);
    if (result.status === 'deferred') stopped = true;
    results.push({ ...base, ...result });
  }
  const response: PushResponse = {
    lastSeq: results.reduce(
      (last, r) => (r.status === 'deferred' ? last : Math.max(last, r.seq)),
      0,
    ),
    results: onlyLastTicket(results, request),
    serverTime: reads.serverNow(),
  };
  return ok({ status: 200, body: response, retryAfterSeconds: null });
}

/**
 * Redmine has no maintenance windows (its feed has none either): a window command is refused for
 * good, without a request to Redmine, and the device shows why.
 */
export function windowsNotSupported(type: string): Pick<CommandResult, 'status' | 'error'> {
  return {
    status: 'rejected',
    error: {
      code: 'not_supported',
      message: `${type}: Redmine has no maintenance windows; plan them in the ERP that keeps them`,
    },
  };
}

/** Like the reference server: a ticket rides only on the last result about it (earlier ones are older). */
function onlyLastTicket(results: CommandResult[], request: PushRequest): CommandResult[] {
  const ticketOf = new Map(request.commands.map((c) => [c.commandId, c.ticketId]));
  const last = new Map<string, number>();
  results.forEach((result, index) => {
    if (result.ticket !== undefined) last.set(ticketOf.get(result.commandId)!, index);
  });
  return results.map((result, index) => {
    if (result.ticket === undefined || last.get(ticketOf.get(result.commandId)!) === index)
      return result;
    const older = { ...result };
    delete older.ticket;
    return older;
  });
}

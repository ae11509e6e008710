import {
  MAX_PUSH_COMMANDS,
  PROTOCOL_VERSION,
  wireCommand,
  type PushResponse,
  type WireCommand,
} from '../erp/protocol';
import { invalidTicket, invalidWindow } from './entity-schemas';
import type {
  ClockOffset,
  CommandAck,
  DeadLetterNotice,
  OutboxEntry,
  SyncStore,
  SyncTransport,
  TransportFailure,
} from './ports';
import { measureOffset, toWireCommand } from './stamp';

export interface PushEnv {
  transport: SyncTransport;
  store: SyncStore;
  now(): number;
  deviceId: string;
  offset(): ClockOffset | null;
  saveOffset(offset: ClockOffset): Promise<void>;
  deadLettered(notices: DeadLetterNotice[]): void;
  batchSize: number;
}

export type PushOutcome =
  { ok: true; deferred: boolean } | { ok: false; failure: TransportFailure };

/** A 409 answered by renumbering that still fails this often is the server's problem, not ours. */
const MAX_GAP_REPAIRS = 3;

/**
 * Sends the outbox oldest first, one batch at a time (memory bounded by the batch, not the
 * backlog), and records each answer before the next batch leaves. Stops at `deferred`.
 */
export async function pushOutbox(env: PushEnv): Promise<PushOutcome> {
  let size = Math.min(env.batchSize, MAX_PUSH_COMMANDS);
  let gapRepairs = 0;
  for (;;) {
    const entries = await env.store.readOutbox(size);
    if (entries.length === 0) return { ok: true, deferred: false };
    const offsetMs = env.offset()?.offsetMs ?? null;
    const local = locallyInvalid(entries, offsetMs);
    if (local.length > 0) {
      await recordAcks(env, entries, local);
      continue;
    }
    const sentAt = env.now();
    const result = await env.transport.push({
      protocolVersion: PROTOCOL_VERSION,
      deviceId: env.deviceId,
      commands: entries.map((entry) => toWireCommand(entry, offsetMs)),
    });
    if (!result.ok) {
      const { failure } = result;
      if (failure.kind === 'gap' && gapRepairs++ < MAX_GAP_REPAIRS) {
        await env.store.renumberOutbox(failure.lastSeq + 1);
        // One at a time until the sequence flows again: a command the ERP already stored keeps
        // its old number there, so a batch behind it could open the same gap again.
        size = 1;
        continue;
      }
      // 400/413 name no command: halve the batch until the culprit stands alone, so one poison
      // command can never block the ones behind it.
      if (failure.kind === 'http' && (failure.status === 400 || failure.status === 413)) {
        if (entries.length > 1) {
          size = Math.ceil(entries.length / 2);
          continue;
        }
        // Before condemning the command, make sure the envelope alone is accepted: a server that
        // refuses every request must not empty the outbox into dead letters.
        const probe = await probeClock(env);
        if (!probe.ok) return { ok: false, failure };
        const error = { code: failure.code, message: failure.message };
        await recordAcks(env, entries, [
          { commandId: entries[0]!.commandId, outcome: 'dead', status: 'rejected', error },
        ]);
        continue;
      }
      return { ok: false, failure };
    }
    await noteOffset(env, sentAt, result.value.serverTime);
    const read = readResults(entries, result.value);
    if (!read.ok) return { ok: false, failure: { kind: 'malformed', message: read.message } };
    if (read.acks.length > 0) await recordAcks(env, entries, read.acks);
    if (read.deferred) return { ok: true, deferred: true };
    if (read.acks.length === 0) {
      return { ok: false, failure: { kind: 'malformed', message: 'push answered no command' } };
    }
    gapRepairs = 0;
    size = Math.min(size * 2, env.batchSize, MAX_PUSH_COMMANDS);
  }
}

/** An empty push: measures the clock offset (and checks the token) before anything is stamped. */
export async function probeClock(env: PushEnv): Promise<PushOutcome> {
  const sentAt = env.now();
  const result = await env.transport.push({
    protocolVersion: PROTOCOL_VERSION,
    deviceId: env.deviceId,
    commands: [],
  });
  if (!result.ok) return { ok: false, failure: result.failure };
  await noteOffset(env, sentAt, result.value.serverTime);
  return { ok: true, deferred: false };
}

async function noteOffset(env: PushEnv, sentAt: number, serverTime: string): Promise<void> {
  const offset = measureOffset(sentAt, env.now(), serverTime);
  if (offset) await env.saveOffset(offset);
}

/** A row that cannot even be put on the wire (corrupt storage, old format) is dead on arrival. */
function locallyInvalid(entries: OutboxEntry[], offsetMs: number | null): CommandAck[] {
  const acks: CommandAck[] = [];
  for (const entry of entries) {
    const message = wireProblem(entry, offsetMs);
    if (message === null) continue;
    acks.push({
      commandId: entry.commandId,
      outcome: 'dead',
      status: 'local',
      error: { code: 'invalid_command', message },
    });
  }
  return acks;
}

function wireProblem(entry: OutboxEntry, offsetMs: number | null): string | null {
  let wire: WireCommand;
  try {
    wire = toWireCommand(entry, offsetMs);
  } catch {
    // Only a stored time that is no instant at all (NaN, out of range) gets this far.
    return 'This action could not be sent: the time it was taken is not a valid instant';
  }
  const parsed = wireCommand.safeParse(wire);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `This action could not be sent: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`;
}

type ReadResults =
  { ok: true; acks: CommandAck[]; deferred: boolean } | { ok: false; message: string };

/**
 * Matches the answer to what was sent. Anything that does not fit (an unknown id, a wrong seq, a
 * result twice, a bad ticket) makes the whole answer unusable: nothing of it is recorded.
 */
function readResults(entries: OutboxEntry[], response: PushResponse): ReadResults {
  const sent = new Map(entries.map((entry) => [entry.commandId, entry]));
  const seen = new Set<string>();
  const acks: CommandAck[] = [];
  let deferred = false;
  for (const result of response.results) {
    const entry = sent.get(result.commandId);
    // A duplicate echoes the seq the ERP stored it under, which a renumbering may have changed.
    const seqMatches = entry?.seq === result.seq || result.status === 'duplicate';
    if (!entry || !seqMatches || seen.has(result.commandId)) {
      return { ok: false, message: `push result for ${result.commandId} does not match the batch` };
    }
    seen.add(result.commandId);
    if (result.ticket !== undefined && result.ticket !== null) {
      const invalid = invalidTicket(result.ticket);
      if (invalid) return { ok: false, message: `push result ${result.commandId}: ${invalid}` };
    }
    if (result.window !== undefined && result.window !== null) {
      const invalid = invalidWindow(result.window);
      if (invalid) return { ok: false, message: `push result ${result.commandId}: ${invalid}` };
    }
    // Spread into each ack: present only when the answer carried it.
    const carried = {
      ...(result.ticket == null ? {} : { ticket: result.ticket }),
      ...(result.window == null ? {} : { window: result.window }),
    };
    switch (result.status) {
      case 'deferred':
        deferred = true;
        break;
      case 'duplicate':
        // A duplicate carries the first answer's error when that answer was a refusal (the
        // answer was lost on the way): the user must still hear about it.
        if (result.error) {
          acks.push({
            commandId: result.commandId,
            outcome: 'dead',
            status: result.originalStatus === 'conflict' ? 'conflict' : 'rejected',
            error: result.error,
            ...carried,
          });
          break;
        }
        acks.push({
          commandId: result.commandId,
          outcome: 'done',
          status: result.status,
          ...carried,
        });
        break;
      case 'applied':
      case 'noop':
        acks.push({
          commandId: result.commandId,
          outcome: 'done',
          status: result.status,
          ...carried,
        });
        break;
      default: {
        const error = result.error ?? {
          code: result.status,
          message: `The ERP answered ${result.status}`,
        };
        acks.push({
          commandId: result.commandId,
          outcome: 'dead',
          status: result.status,
          error,
          ...carried,
        });
      }
    }
  }
  return { ok: true, acks, deferred };
}

async function recordAcks(env: PushEnv, entries: OutboxEntry[], acks: CommandAck[]): Promise<void> {
  await env.store.ack(acks);
  const byId = new Map(entries.map((entry) => [entry.commandId, entry]));
  const notices: DeadLetterNotice[] = [];
  for (const ack of acks) {
    const entry = byId.get(ack.commandId);
    if (ack.outcome !== 'dead' || !entry) continue;
    notices.push({
      commandId: ack.commandId,
      ticketId: entry.ticketId,
      type: entry.type,
      status: ack.status,
      message: ack.error.message,
    });
  }
  if (notices.length > 0) env.deadLettered(notices);
}

import type { WireCommand } from '../erp/protocol';
import { formatInstant, parseInstant } from '../sla/instants';
import type { ClockOffset, OutboxEntry } from './ports';

/** Samples with a longer round trip say too little about the offset (error up to rtt / 2). */
export const MAX_OFFSET_RTT_MS = 30_000;

/**
 * NTP-style: the server read its clock somewhere between our send and our receipt, so the best
 * estimate is the midpoint (wrong by at most rtt / 2). Returns null when the sample is unusable.
 */
export function measureOffset(
  sentAt: number,
  receivedAt: number,
  serverTime: string,
): ClockOffset | null {
  const server = parseInstant(serverTime);
  const rttMs = receivedAt - sentAt;
  if (server === null || rttMs < 0 || rttMs > MAX_OFFSET_RTT_MS) return null;
  return { offsetMs: Math.round(server - (sentAt + rttMs / 2)), rttMs, measuredAt: receivedAt };
}

/**
 * When the engineer acted, in server time. A command stamped before any offset was known takes
 * the offset known now: a device whose clock is a year off still reports the right instant.
 */
export function actedAtCorrected(entry: OutboxEntry, currentOffsetMs: number | null): number {
  return entry.actedAt + (entry.offsetMs ?? currentOffsetMs ?? 0);
}

/**
 * The command as it travels and as the optimistic view replays it. A `create` without an
 * explicit `createdAt` is registered at the instant the engineer acted.
 */
export function toWireCommand(entry: OutboxEntry, currentOffsetMs: number | null): WireCommand {
  const clientCreatedAt = formatInstant(actedAtCorrected(entry, currentOffsetMs));
  const payload =
    entry.type === 'create' && entry.payload['createdAt'] === undefined
      ? { ...entry.payload, createdAt: clientCreatedAt }
      : entry.payload;
  return {
    commandId: entry.commandId,
    seq: entry.seq,
    type: entry.type,
    ticketId: entry.ticketId,
    baseVersion: entry.baseVersion,
    payload,
    clientCreatedAt,
  };
}

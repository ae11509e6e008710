import type { CommandType } from '@shared/erp/commands';
import type { ClockOffset } from '@shared/sync/ports';
import type { AppDb } from '../schema';
import { DEFAULT_CURSOR, getMeta } from './meta';

/** A command the ERP refused for good, without its payload (customer data stays out of reports). */
export interface DeadLetterSummary {
  commandId: string;
  ticketId: string;
  type: CommandType;
  status: 'conflict' | 'rejected' | 'local';
  error: { code: string; message: string };
  /** ISO instant (device clock) of the ERP's verdict. */
  deadAt: string;
}

/** What the database says about sync, for the diagnostics page and its export. */
export interface SyncSnapshot {
  deviceId: string | null;
  cursor: string | null;
  /** How many superseded cursors are remembered (to recognise a replayed page). */
  previousCursors: number;
  resyncActive: boolean;
  lastSuccessAt: string | null;
  clockOffset: ClockOffset | null;
  pending: number;
  /** Device clock when the oldest command still waiting was made; null when none waits. */
  oldestPendingAt: string | null;
  deadLetterCount: number;
  /** Newest first. */
  deadLetters: DeadLetterSummary[];
  /** Open and paused tickets (the queue's lines). */
  queueSize: number;
  tickets: number;
}

/** One read-only transaction, so the counts agree with each other. */
export async function readSyncSnapshot(db: AppDb, recentDeadLetters = 10): Promise<SyncSnapshot> {
  return db.transaction(
    'r',
    [db.meta, db.outbox, db.deadLetters, db.queue, db.tickets],
    async () => {
      const [deviceId, cursor, resync, lastSuccessAt, clockOffset] = await Promise.all([
        getMeta(db, 'deviceId'),
        getMeta(db, 'cursor'),
        getMeta(db, 'resync'),
        getMeta(db, 'lastSuccessAt'),
        getMeta(db, 'clockOffset'),
      ]);
      const [pending, oldest, deadLetterCount, letters, queueSize, tickets] = await Promise.all([
        db.outbox.count(),
        db.outbox.orderBy('seq').first(),
        db.deadLetters.count(),
        db.deadLetters.orderBy('deadAt').reverse().limit(recentDeadLetters).toArray(),
        db.queue.count(),
        db.tickets.count(),
      ]);
      const held = cursor ?? DEFAULT_CURSOR;
      return {
        deviceId: deviceId ?? null,
        cursor: held.cursor,
        previousCursors: held.previous.length,
        resyncActive: resync?.active ?? false,
        lastSuccessAt: lastSuccessAt ?? null,
        clockOffset: clockOffset ?? null,
        pending,
        oldestPendingAt: oldest ? new Date(oldest.actedAt).toISOString() : null,
        deadLetterCount,
        deadLetters: letters.map((letter) => ({
          commandId: letter.commandId,
          ticketId: letter.ticketId,
          type: letter.type,
          status: letter.status,
          error: letter.error,
          deadAt: new Date(letter.deadAt).toISOString(),
        })),
        queueSize,
        tickets,
      };
    },
  );
}

/**
 * # The reference ERP server (contract 2 of DESIGN.md)
 *
 * A real HTTP server (node:http, no Electron imports) with durable storage in PGlite, or in a
 * PostgreSQL server (`database: 'postgres://…'`, node-postgres). Three uses: the embedded default
 * when no ERP is configured (main calls `startDemoErp` with a data dir in userData), the peer of
 * every sync test, and standalone: `npm run erp:demo -- --port 8787 --data ./.erp-data
 * [--users team.json] [--database postgres://…]` (see cli.ts).
 *
 * ## Endpoints
 * - `GET /health` — no auth: `{ ok: true, serverTime, demo: true, protocolVersion: 1 }`.
 * - `GET /sync/v1/session` — who the bearer token belongs to: `{ user: { id, name, email? },
 *   serverTime, protocolVersion }`; 401 without a valid token, or for a deactivated user's.
 * - `POST /sync/v1/push` — `Authorization: Bearer <token>`; each token maps to a user, the author
 *   of everything the push records (name and id), whatever the device claims.
 * - `GET /sync/v1/changes?cursor=&limit=` — no cursor: from the beginning; `limit` 1…1000,
 *   default 500.
 * - Test mode only (`testMode: true`, CLI `--test-mode`), bearer token required:
 *   `GET|POST|DELETE /__test/faults` (read, merge, clear the fault knobs),
 *   `POST /__test/compact`, `POST /__test/tickets/<id>/delete` (tombstone).
 * Errors are `{ error: { code, message }, …extra }`; the message names the field
 * (`commands[3].commandId: must be a UUID`). 400 malformed JSON / wrong types / unknown command
 * type (`unknown_command_type`) / bad cursor or limit; 401 missing or wrong token; 409 `seq_gap`
 * with `lastSeq`; 410 `cursor_expired`; 413 `too_many_commands` (> 500) or `body_too_large`
 * (> `maxBodyBytes`, default 8 MiB, with `maxBytes`); 426 `unsupported_protocol`.
 *
 * ## Push semantics
 * - Every push runs in ONE transaction that first takes the database's write lock (an advisory
 *   transaction lock, store/database.ts): two concurrent copies of a push — to one server or to
 *   two processes on one PostgreSQL database — are applied once (the second gets `duplicate`).
 *   The response is written only after COMMIT, so everything acknowledged survives `kill -9`. On
 *   PGlite (one connection) all database work also goes through one serial queue.
 * - Idempotency: a `commandId` already stored → `duplicate`, whatever its seq, with `seq` and
 *   `error` as stored, `originalStatus` (applied/noop/conflict/rejected; an extra field) and the
 *   ticket's *current* state (never older than what the client saw).
 * - Sequence: per device the last accepted seq is stored. New commands must continue it
 *   (lastSeq+1, +2, …); a gap anywhere in the push → `409 seq_gap` for the whole push, nothing
 *   written. A new command reusing an already accepted seq → `rejected` (`seq_reused`).
 *   applied/noop/conflict/rejected are terminal and advance lastSeq.
 * - `applyCommand` (shared/domain) decides every outcome; event times come from
 *   `eventTimeFor(ticket, clientCreatedAt, serverNow)` (clamped to the server's now and to the
 *   previous event, marked `adjusted`). A new ticket's `createdAt` up to 5 min in the server's
 *   future is taken as "now" (client clock drift), beyond that `applyCommand` rejects it.
 * - `conflict`: as `applyCommand` says (stale baseVersion and an impossible transition, react on
 *   a ticket in work by someone else, create of an existing id); terminal, carries the current
 *   ticket. `rejected`: terminal, also for commands on a deleted ticket (`ticket_deleted`).
 * - A result carries `ticket` (the ticket's state after the push) only on the LAST result of
 *   the push that concerns that ticket; earlier results for it omit it (it would be an older
 *   copy). Duplicates, noop, conflict and rejected carry it too when the ticket exists.
 * - Text Postgres cannot store (NUL, unpaired surrogates) in a payload → that command alone is
 *   `rejected` (`invalid_payload`); in a ticketId, or JSON nested deeper than 32 levels → 400.
 *   Such input would otherwise fail the transaction on every retry and block the device.
 * - `deferred`: a command for a ticket id the server has never seen (its create may still come
 *   from another device). It stops the batch: later commands come back `deferred`
 *   (`not_processed`) and lastSeq stays before it. Bounded: once the same command has waited
 *   `deferUnknownTicketMs` (default 10 min) since it was first deferred — or at once if this
 *   ticket's create is known to have failed — it is `rejected` (`unknown_ticket`), so a queue is
 *   never blocked for good.
 *
 * ## Changes, cursor, 410
 * Every push appends one row `(pos, entity, id, version, deleted, data)` per ticket it changed
 * (its final version: intermediate ones were never visible outside the transaction) to a change
 * log with a global monotonically increasing `pos`; `changes` returns rows after the cursor by
 * `pos`, so paging is stable whatever the timestamps, and an entity changed during paging comes
 * again later with its higher version. The cursor is opaque (base64url of `{p: pos, e: epoch,
 * g: compaction generation}`). Deletes are tombstones (`deleted: true`, `data: null`).
 * Compaction keeps the newest row per entity and starts a new generation whose horizon is the
 * log's head: a cursor issued before it and behind that head gets `410`, as does one from another
 * database (epoch) or ahead of the log. A cursor issued after the compaction is always good, so
 * a full pull started after a compaction is never sent back to the start. The server compacts by
 * itself once `compaction.minSupersededRows` rows (default 10,000) are older rows of an entity
 * that has a newer one, counted every `compaction.checkEveryRows` appended rows (default 1,000),
 * right after the push that crossed the line (changes/auto-compaction.ts).
 *
 * ## Several processes on one PostgreSQL database
 * Exactly-once comes from the database, not from a process: every writing transaction (push,
 * compaction, tombstone, seed, team, schema) takes one advisory lock first and holds it to its
 * commit, so writers are serialized across processes. That also commits change-log positions in
 * the order they are assigned (a pull, which takes no lock, can never pass a position still to
 * be committed below one it saw), keeps ticket versions and registration numbers, and makes server
 * time monotonic across processes (`server_time_ms` in meta: a push's time is never before the
 * last one handed out). A pull reads in one REPEATABLE READ snapshot. Auto-compaction counts by a
 * position kept in meta and re-checks under the lock, so two servers never compact twice in a
 * row. Reads (pulls, sessions, blobs) scale with processes; pushes are serialized by the lock.
 * Attachments stay on disk: processes on one machine may share `<dataDir>/blobs` (each writes under
 * its own `tmp/<host>-<pid>/`); processes on several machines need that folder on shared storage.
 *
 * ## Storage
 * `<dataDir>/pgdata` (PGlite) or the PostgreSQL database holds meta (epoch, compaction horizon, next ticket number),
 * organizations, tickets (latest state or tombstone), devices (last seq), commands (result by
 * id, the command as sent, author, server time), deferrals and the change log. With PGlite,
 * `<dataDir>/demo-erp.lock` holds the owner's pid and start time: a second server on the same
 * folder is refused; a lock left by a process that is gone, a zombie not yet reaped included, is
 * taken over (store/data-dir-lock.ts). PostgreSQL needs no such lock.
 *
 * ## The team
 * `users` (default `DEMO_TEAM`, team/team.ts): every member is a `user` entity in the change log;
 * members with a `token` (and the extra `tokens`: token → user id) can sign in. On every start the
 * stored team becomes the configured one (new members added, changed ones versioned, members no
 * longer listed deactivated, never deleted: their history stays theirs). Tickets stored before
 * users had ids are migrated once (store/identity-migration.ts).
 *
 * ## Seed and faults
 * On an empty database: 12 organizations (Kaliningrad … Kamchatka, always) and `seed.tickets`
 * demo tickets (default 300; `seed: false` → none), deterministic (seeded PRNG) relative to now,
 * built by replaying commands through `applyCommand`. Fault knobs (`faults.set({...})`, see
 * faults.ts) are off unless a test turns them on: delay, reset before/after commit, truncated
 * response, N × 5xx, N × 429/503 with `Retry-After`, limited to push and/or changes.
 *
 * ## Embedding (main)
 * `const erp = await startDemoErp({ dataDir: join(userData, 'demo-erp'), tokens: { [token]:
 * EMBEDDED_DEMO_USER_ID } })`, then use `erp.url` as the ERP base URL and `await erp.close()` before
 * quitting. Plain TypeScript over node:http and PGlite: bundles into main as is (PGlite stays an
 * external dependency: it loads its .wasm files from its package folder).
 */
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { compactionPolicyFrom, type CompactionPolicy } from './changes/auto-compaction';
import { createFaults, type FaultControl } from './faults';
import { createRouter } from './http/router';
import { openBlobStore } from './blobs/blob-store';
import { MAX_ATTACHMENT_BYTES } from '../../shared/erp/blobs';
import { DEFAULT_SEED_TICKETS, seedDatabase } from './seed/seed';
import { createErpService } from './service';
import { lockDataDir } from './store/data-dir-lock';
import { openDatabaseAt } from './store/database';
import { prepareTeam } from './team/prepare-team';
import { DEMO_TEAM, tokenOwners, type DemoUser } from './team/team';

export { DEMO_ORGANIZATIONS, DEMO_ORGANIZATION_IDS } from './seed/organizations';
export { buildSeedTickets } from './seed/seed';
export type { FaultControl, FaultKnobs } from './faults';
export { DEFAULT_COMPACTION_POLICY, type CompactionPolicy } from './changes/auto-compaction';
export { DEMO_TEAM, EMBEDDED_DEMO_USER_ID, type DemoUser } from './team/team';
export { readTeamFile } from './team/team-file';

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
export const DEFAULT_DEFER_UNKNOWN_TICKET_MS = 10 * 60_000;

export interface DemoErpOptions {
  /**
   * Folder for the PGlite database (`pgdata/`) and its lock file, and for attachments (`blobs/`);
   * created if missing.
   */
  dataDir: string;
  /**
   * A PostgreSQL server instead of PGlite (`postgres://user@host:port/db`): several server
   * processes may share its database (and one `dataDir` for attachments on one machine).
   */
  database?: string;
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
  /** The team (default `DEMO_TEAM`); a member with a `token` can sign in with it. */
  users?: readonly DemoUser[];
  /**
   * More bearer tokens: token → user id (e.g. a token made for this run). Between these and the
   * members' own tokens, at least one active user must be able to sign in.
   */
  tokens?: Readonly<Record<string, string>>;
  /** Demo tickets seeded into an empty database; false: organizations only. */
  seed?: { tickets?: number; randomSeed?: number } | false;
  /** Enables the /__test/* admin routes (for child-process tests). */
  testMode?: boolean;
  maxBodyBytes?: number;
  /** The largest blob (attachment) accepted; default MAX_ATTACHMENT_BYTES (25 MiB). */
  maxBlobBytes?: number;
  deferUnknownTicketMs?: number;
  /**
   * When the change log compacts by itself (see auto-compaction.ts); missing fields take
   * DEFAULT_COMPACTION_POLICY. false: only on request (`compact()`, `/__test/compact`).
   */
  compaction?: Partial<CompactionPolicy> | false;
  /** Server clock (tests). */
  now?: () => number;
  /** Fault knobs shared with another server (tests: two servers on one database act as one). */
  faults?: FaultControl;
}

export interface DemoErp {
  /** `http://host:port`, no trailing slash. */
  url: string;
  port: number;
  /** Test knobs; all off by default. */
  faults: FaultControl;
  /** Compacts the change log now, whatever the policy (older cursors then get 410). */
  compact(): Promise<{ removed: number; generation: number }>;
  /** Test hook: replaces a ticket by a tombstone. False if there was no such live ticket. */
  deleteTicket(id: string): Promise<boolean>;
  /** Stops accepting, waits for in-flight pushes, closes the database. Idempotent. */
  close(): Promise<void>;
}

export async function startDemoErp(options: DemoErpOptions): Promise<DemoErp> {
  const team = options.users ?? DEMO_TEAM;
  const tokens = tokenOwners(team, options.tokens);
  const now = options.now ?? Date.now;
  const compaction = compactionPolicyFrom(options.compaction);
  // PGlite has no locking of its own; a PostgreSQL server has, and is meant to be shared.
  const unlock =
    options.database === undefined ? await lockDataDir(options.dataDir) : async () => {};
  let database;
  let blobs;
  try {
    blobs = await openBlobStore(
      join(options.dataDir, 'blobs'),
      options.maxBlobBytes ?? MAX_ATTACHMENT_BYTES,
    );
    database = await openDatabaseAt(
      options.database === undefined
        ? { kind: 'pglite', dataDir: options.dataDir }
        : { kind: 'postgres', url: options.database },
    );
  } catch (error) {
    await unlock();
    throw error;
  }
  const service = createErpService(database, {
    now,
    deferUnknownTicketMs: options.deferUnknownTicketMs ?? DEFAULT_DEFER_UNKNOWN_TICKET_MS,
    blobs,
    compaction,
    onCompactionError: (error) =>
      console.error(`[demo-erp] compacting the change log failed: ${String(error)}`),
  });
  const faults = options.faults ?? createFaults();
  let server: Server | undefined;
  try {
    const seed = options.seed;
    const engineers = await prepareTeam(database.db, team, now());
    const signedIn = [...tokens.values()].find((owner) => owner.active)!;
    await seedDatabase(database.db, {
      tickets: seed === false ? 0 : (seed?.tickets ?? DEFAULT_SEED_TICKETS),
      nowMs: now(),
      ...(seed && seed.randomSeed !== undefined ? { randomSeed: seed.randomSeed } : {}),
      engineers,
      demoUser: { id: signedIn.id, name: signedIn.name },
    });
    const handler = createRouter({
      service,
      blobs,
      faults,
      tokens,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      testMode: options.testMode ?? false,
      now,
    });
    server = createServer(handler);
    await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  } catch (error) {
    await service.close().catch(() => undefined);
    await unlock();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const listening = server;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    faults,
    compact: () => service.compact(),
    deleteTicket: (id) => service.deleteTicket(id),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => listening.close(() => resolve()));
        listening.closeIdleConnections();
        await service.close();
        listening.closeAllConnections();
        await stopped;
        await unlock();
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is already in use`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

import Dexie, { type EntityTable } from 'dexie';
import type { CommandType } from '@shared/erp/commands';
import type { CommandError } from '@shared/domain/apply-command';
import type { Organization, Ticket } from '@shared/domain/ticket';
import type { User } from '@shared/domain/user';
import { toQueueEntry, type QueueEntry } from '@shared/queue/queue-entry';
import { toResolvedLine, type ResolvedLine } from '@shared/queue/resolved-line';
import type { OutboxEntry } from '@shared/sync/ports';
import type { MaintenanceWindow } from '@shared/maintenance/window';
import { upgradeToSlimLines } from './upgrade-slim-lines';
import { upgradeToUserIds } from './upgrade-to-user-ids';

/**
 * One row per ticket: the server's copy and the optimistic view (the copy with this device's
 * pending commands replayed). The view's organization is copied to the top level for its index
 * (absent when there is nothing to show, deleted on the server). The queue itself reads its own
 * table of lines (`queue`), not these rows. Rows written before v7 also carry `priority`,
 * `state`, `assignee`, `number`, `createdAt` and `updatedAt` at the top level: nothing reads them.
 */
export interface TicketRow {
  id: string;
  /** Null: not known to the server yet (an offline intake) or deleted there. */
  server: Ticket | null;
  /** The newest version seen from the server, kept after a delete: versions never go back. */
  serverVersion: number;
  deleted: 0 | 1;
  view: Ticket | null;
  /** Commands of this ticket still in the outbox. */
  pending: number;
  /** Pending commands the view could not apply: the ERP is likely to refuse them. */
  failing: Array<{ commandId: string; code: string; message: string }>;
  /** Full-resync generation that last saw this row (rows not seen by a resync are removed). */
  seenEpoch: number;
  organizationId?: string;
}

export interface OrganizationRow {
  id: string;
  version: number;
  deleted: 0 | 1;
  /** Null once deleted. */
  data: Organization | null;
  seenEpoch: number;
  name?: string;
}

/** A member of the team, as the ERP's `user` entities describe them. */
export interface UserRow {
  id: string;
  version: number;
  deleted: 0 | 1;
  /** Null once deleted in the ERP (records keep the names they were written with). */
  data: User | null;
  seenEpoch: number;
}

export type OutboxRow = OutboxEntry;

export interface DeadLetterRow extends OutboxEntry {
  status: 'conflict' | 'rejected' | 'local';
  /** The ERP's reason; on a conflict about who has the ticket, also who has it. */
  error: CommandError;
  /** Device clock when the ERP's verdict was stored. */
  deadAt: number;
}

/**
 * What the user typed in a form and has not recorded yet: one row per form and ticket (`key` is
 * `<form>:<ticketId>`, or `intake:new` for the one request being registered). Written as the
 * user types, so a reload, a crash or a restart loses nothing; removed in the transaction that
 * records the action.
 */
export interface DraftRow {
  key: string;
  form: string;
  /** Null for the intake draft: its ticket does not exist yet. */
  ticketId: string | null;
  /** The form's inputs as typed; each form validates them when it reads them back. */
  fields: Record<string, unknown>;
  /** Device clock, epoch ms, of the last keystroke written. */
  updatedAt: number;
}

/**
 * A file's content, keyed by its SHA-256, shared by every ticket that has it:
 * - `pending`: attached on this device and not yet complete on the ERP; never evicted;
 * - `sent`: attached on this device and complete on the ERP; evictable;
 * - `cached`: downloaded from the ERP when opened; evictable.
 */
export interface BlobRow {
  sha256: string;
  blob: Blob;
  size: number;
  /** Media type sniffed from the content. */
  type: string;
  state: 'pending' | 'sent' | 'cached';
  /** Device clock, epoch ms: stored, and last opened (eviction takes the oldest first). */
  storedAt: number;
  openedAt: number;
}

/**
 * A maintenance window as the ERP last sent it (feed or push answer). This device's pending and
 * refused window commands stay in the outbox and the dead letters; the view merges them on read.
 */
export interface MaintenanceWindowRow {
  id: string;
  version: number;
  data: MaintenanceWindow;
  /** Copied from `data` for its index: the planner and the banners read one organization. */
  organizationId: string;
  seenEpoch: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A ticket's queue line (see shared/queue), present while the ticket is open or paused. */
export type QueueRowEntry = QueueEntry;

export type AppDb = Dexie & {
  tickets: EntityTable<TicketRow, 'id'>;
  queue: EntityTable<QueueRowEntry, 'id'>;
  resolved: EntityTable<ResolvedLine, 'id'>;
  organizations: EntityTable<OrganizationRow, 'id'>;
  users: EntityTable<UserRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  deadLetters: EntityTable<DeadLetterRow, 'commandId'>;
  meta: EntityTable<MetaRow, 'key'>;
  drafts: EntityTable<DraftRow, 'key'>;
  blobs: EntityTable<BlobRow, 'sha256'>;
  maintenanceWindows: EntityTable<MaintenanceWindowRow, 'id'>;
};

export const DB_NAME = 'prokontakt-desk';

/** Where IndexedDB comes from: the browser's by default, fake-indexeddb in Node tests. */
export interface IndexedDbDeps {
  indexedDB: { open: (...args: never[]) => unknown };
  IDBKeyRange: { bound: unknown; lowerBound: unknown; upperBound: unknown };
}

/** The first released schema; exported so the upgrade test can build a database as v1 left it. */
export const SCHEMA_V1 = {
  tickets:
    'id, organizationId, priority, state, assignee, number, createdAt, updatedAt, seenEpoch, [state+priority]',
  organizations: 'id, name, seenEpoch',
  outbox: 'seq, &commandId, ticketId',
  deadLetters: 'commandId, ticketId, deadAt',
  meta: 'key',
};

/** What v2 changed (the queue's lines, fewer ticket indexes); exported for the upgrade tests. */
export const SCHEMA_V2 = {
  queue: 'id, urgency',
  tickets: 'id, organizationId, state, seenEpoch',
};

/**
 * What v4 changed: resolved tickets get lines of their own (the resolved view, its period by
 * resolution time, an organization's last resolved tickets, a number searched for in another
 * view), and open lines are indexed by
 * organization (the ticket page lists the organization's other open tickets).
 */
export const SCHEMA_V4 = {
  queue: 'id, urgency, organizationId',
  resolved: 'id, resolvedAt, [organizationId+resolvedAt], number',
};

/**
 * What v7 changed: the `state` index goes (only the v2 and v4 upgrades read it, and they run
 * before it is dropped); every pulled ticket wrote it.
 */
export const SCHEMA_V7 = {
  tickets: 'id, organizationId, seenEpoch',
};

/**
 * What v9 changed: maintenance windows, and the outbox indexed by command type (the windows' view
 * reads the few window commands without the whole backlog of ticket ones).
 */
export const SCHEMA_V9 = {
  maintenanceWindows: 'id, organizationId, seenEpoch',
  outbox: 'seq, &commandId, ticketId, type',
};

export function createAppDb(name: string = DB_NAME, deps?: IndexedDbDeps): AppDb {
  // Strict durability: a user action is reported done only once it is on disk, because the
  // engineer may close the lid (or the battery may die) the moment after clicking.
  const db = new Dexie(name, {
    chromeTransactionDurability: 'strict',
    ...(deps as object | undefined),
  }) as AppDb;
  db.version(1).stores(SCHEMA_V1);
  // v2: the queue's lines, kept beside the tickets so the queue opens without reading whole
  // tickets. The ticket indexes only the queue used to read go: each one is written with every
  // pulled ticket, and the first pull of 50,000 is mostly index writes.
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      const organizations = await organizationsIn(tx.table<OrganizationRow>('organizations'));
      const rows = await tx
        .table<TicketRow>('tickets')
        .where('state')
        .anyOf('open', 'paused')
        .toArray();
      await tx.table<QueueRowEntry>('queue').bulkPut(
        rows.flatMap((row) => {
          const entry = queueEntryOf(row, (id) => organizations.get(id));
          return entry ? [entry] : [];
        }),
      );
    });
  // v3: the team (`users`), and tickets that name people by user id. What is stored keeps working:
  // tickets get the new fields with "not known" values, pending actions are marked as this
  // device's user's (see upgrade-to-user-ids.ts).
  db.version(3).stores({ users: 'id, seenEpoch' }).upgrade(upgradeToUserIds);
  // v4: the lines of the tickets already resolved here, so they can be found again at once.
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const organizations = await organizationsIn(tx.table<OrganizationRow>('organizations'));
      const rows = await tx.table<TicketRow>('tickets').where('state').equals('resolved').toArray();
      await tx.table<ResolvedLine>('resolved').bulkPut(
        rows.flatMap((row) => {
          const line = resolvedLineOf(row, (id) => organizations.get(id));
          return line ? [line] : [];
        }),
      );
    });
  // v5: drafts of the forms, kept per ticket (nothing to migrate: drafts were not kept before).
  db.version(5).stores({ drafts: 'key, ticketId' });
  // v6: attachments' content (nothing to migrate: there were no attachments before).
  db.version(6).stores({ blobs: 'sha256, state, openedAt' });
  // v7: fewer ticket indexes (nothing to migrate: the rows stay as they are, their extra fields
  // unread, so an upgrade at 50,000 tickets does not rewrite them all).
  db.version(7).stores(SCHEMA_V7);
  // v8: slimmer queue and resolved lines (no search text, no event free text), same indexes.
  db.version(8).stores({}).upgrade(upgradeToSlimLines);
  // v9: maintenance windows (nothing to migrate: the feed had none before; the new outbox index
  // is built by IndexedDB from the rows as they are).
  db.version(9).stores(SCHEMA_V9);
  return db;
}

/** Table sets for the transactions the repos run. */
export const syncTables = (db: AppDb) => [
  db.tickets,
  db.queue,
  db.resolved,
  db.organizations,
  db.users,
  db.outbox,
  db.meta,
  db.maintenanceWindows,
];

async function organizationsIn(
  table: Dexie.Table<OrganizationRow, string>,
): Promise<Map<string, Organization>> {
  return new Map(
    (await table.toArray()).flatMap((row) => (row.data ? [[row.id, row.data] as const] : [])),
  );
}

/** The queue line of a row, or null when the queue does not show it (resolved, deleted). */
export function queueEntryOf(
  row: TicketRow,
  organizationOf: (id: string) => Organization | undefined,
): QueueEntry | null {
  const view = row.view;
  if (!view || view.state === 'resolved') return null;
  return toQueueEntry(view, organizationOf(view.organizationId), row.pending, row.failing.length);
}

export type { CommandType };

/** The resolved line of a row, or null unless its ticket is resolved (and not deleted). */
export function resolvedLineOf(
  row: TicketRow,
  organizationOf: (id: string) => Organization | undefined,
): ResolvedLine | null {
  const view = row.view;
  if (!view) return null;
  return toResolvedLine(view, organizationOf(view.organizationId), row.pending, row.failing.length);
}

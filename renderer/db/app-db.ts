import type { ErpSettings } from '@shared/host/schemas';
import { createAppDb, DB_NAME, type AppDb } from './schema';

/*
 * One database per ERP. Tickets, the outbox and the sync cursor belong to the ERP they came from:
 * actions recorded against the demo ERP must never be pushed to a team's real ERP, and a cursor
 * is opaque to any other server. Switching ERPs therefore switches databases; the old one stays
 * as it was (switching back finds its unsent actions still waiting).
 */

let db: AppDb | null = null;
let boundName = DB_NAME;

/**
 * The demo keeps the name every earlier build used, and a contract-2 ERP the name it had before
 * Redmine existed, so their data stays where it is. A Redmine at the same address gets its own
 * database: contract-2 commands waiting in the outbox must never be pushed to Redmine, nor
 * Redmine's ids mixed with another server's.
 */
export function appDbNameFor(
  erp: Pick<ErpSettings, 'mode' | 'baseUrl'> & Partial<Pick<ErpSettings, 'kind'>>,
): string {
  if (erp.mode !== 'configured' || erp.baseUrl === null) return DB_NAME;
  const kind = erp.kind ?? 'prokontakt';
  return kind === 'prokontakt' ? `${DB_NAME}@${erp.baseUrl}` : `${DB_NAME}@${kind}@${erp.baseUrl}`;
}

/**
 * Chooses the database this window works on. Possible only until one is open with another name:
 * then the window must reload (the open database, the sync engine and every live query would
 * otherwise keep writing the previous ERP's data under the new one).
 */
export function bindAppDb(name: string): boolean {
  if (db !== null && db.name !== name) return false;
  boundName = name;
  return true;
}

/** Whether `bindAppDb(name)` would succeed without a reload. */
export function canBindAppDb(name: string): boolean {
  return db === null || db.name === name;
}

/** The one database of this window; opened on first use. */
export function getAppDb(): AppDb {
  db ??= createAppDb(boundName);
  return db;
}

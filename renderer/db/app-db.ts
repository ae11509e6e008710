import { createAppDb, type AppDb } from './schema';

let db: AppDb | null = null;

/** The one database of this window; opened on first use. */
export function getAppDb(): AppDb {
  db ??= createAppDb();
  return db;
}

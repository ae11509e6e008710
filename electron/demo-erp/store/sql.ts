/**
 * The store's port to SQL: PGlite (embedded, the default) and a PostgreSQL server (node-postgres)
 * both implement it, so every query, migration and transaction of the server is written once.
 */
export interface SqlResult<T> {
  rows: T[];
  /** Rows an insert, update or delete touched. */
  affectedRows?: number;
}

export interface QueryOptions {
  /**
   * jsonb columns come back as the text PostgreSQL writes for them, unparsed: a page of changes
   * splices the stored JSON into its response instead of parsing and serializing it again.
   */
  rawJson?: boolean;
}

/** What the store needs from a database or one of its transactions. */
export interface Sql {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<SqlResult<T>>;
  /** One or more statements without parameters (the schema). */
  exec(text: string): Promise<unknown>;
}

export interface TransactionOptions {
  /**
   * One snapshot for every statement (REPEATABLE READ, read only): a pull reads the compaction
   * horizon and the rows as of one moment, whatever another process commits meanwhile.
   */
  snapshot?: boolean;
}

export interface SqlDatabase extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

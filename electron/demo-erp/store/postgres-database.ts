import pg from 'pg';
import type { QueryOptions, Sql, SqlDatabase, SqlResult } from './sql';

/** jsonb's type id: with `rawJson` its text is handed over as PostgreSQL wrote it. */
const JSONB_TYPE_ID = 3802;
const keepText = (text: string): string => text;
const RAW_JSON_TYPES = {
  getTypeParser: ((id: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    id === JSONB_TYPE_ID
      ? keepText
      : (pg.types.getTypeParser(id, format ?? 'text') as (
          value: string,
        ) => unknown)) as typeof pg.types.getTypeParser,
};

/** A PostgreSQL server through a node-postgres pool: one pooled connection per transaction. */
export function connectPostgres(url: string): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server dropped (a restart) is replaced on the next checkout; the error
  // itself must not crash the process.
  pool.on('error', (error) => console.error(`[demo-erp] PostgreSQL connection: ${error.message}`));
  const run = async <T>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<SqlResult<T>> => {
    const result = await client.query(
      options?.rawJson === true
        ? { text, values: params, types: RAW_JSON_TYPES }
        : { text, values: params },
    );
    return { rows: result.rows as T[], affectedRows: result.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query: (text, params, options) => run(pool, text, params, options),
    exec: (text) => pool.query(text),
    async transaction(work, options) {
      const client = await pool.connect();
      const tx: Sql = {
        query: (text, params, options) => run(client, text, params, options),
        exec: (text) => client.query(text),
      };
      let broken: Error | undefined;
      try {
        await client.query(
          options?.snapshot ? 'begin isolation level repeatable read read only' : 'begin',
        );
        const result = await work(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => {
          // A connection that cannot even roll back is not given to the next transaction.
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

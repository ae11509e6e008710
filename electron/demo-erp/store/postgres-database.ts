import pg from 'pg';
import type { Sql, SqlDatabase, SqlResult } from './sql';

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
  ): Promise<SqlResult<T>> => {
    const result = await client.query(text, params);
    return { rows: result.rows as T[], affectedRows: result.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    exec: (text) => pool.query(text),
    async transaction(work, options) {
      const client = await pool.connect();
      const tx: Sql = {
        query: (text, params) => run(client, text, params),
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

import Dexie, { type Table } from 'dexie';
import type { YardstickResult } from '../protocol';

const PAGE = 500;
const FILLER = 'Повторяется на двух рабочих местах, сеть в норме. '.repeat(18);

/**
 * TOOLCHAIN.md's reference write, redone now: ≈1 KB rows put with Dexie in pages of 500, each page
 * and a cursor row in one strict transaction. It measured 50,000 rows in 4.1–4.9 s on a quiet
 * machine; this run's rate says how fast IndexedDB was while the bench ran.
 */
export async function idbYardstick(name: string, rows: number): Promise<YardstickResult> {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as Dexie & {
    rows: Table<{ id: string; organizationId: string; state: string; text: string }, string>;
    meta: Table<{ key: string; value: unknown }, string>;
  };
  db.version(1).stores({ rows: 'id, organizationId, state', meta: 'key' });
  const started = performance.now();
  for (let first = 0; first < rows; first += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, rows - first) }, (_, i) => ({
      id: `row-${first + i}`,
      organizationId: `org-${(first + i) % 12}`,
      state: ['open', 'paused', 'resolved'][(first + i) % 3]!,
      text: FILLER,
    }));
    await db.transaction('rw', [db.rows, db.meta], async () => {
      await db.rows.bulkPut(page);
      await db.meta.put({ key: 'cursor', value: first + page.length });
    });
  }
  const ms = performance.now() - started;
  db.close();
  await Dexie.delete(name);
  return { rows, ms };
}

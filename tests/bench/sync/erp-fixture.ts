import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EMBEDDED_DEMO_USER_ID,
  startDemoErp,
  type DemoErp,
} from '../../../electron/demo-erp/index';

const REPO = join(import.meta.dirname, '..', '..', '..');
const CACHE = join(REPO, 'node_modules', '.cache', 'sync-bench');
const RANDOM_SEED = 20_261_103;

export interface BenchErp {
  erp: DemoErp;
  token: string;
  tickets: number;
  /** Seconds spent seeding (0 when the cached database was used). */
  seededInMs: number;
  close(): Promise<void>;
}

/**
 * The real demo ERP with `tickets` seeded tickets, in a throwaway copy of a cached database: the
 * seed (≈18 s for 50,000 on 2 cores) is done once per machine and source version, and every run
 * starts from the same data because pushes only ever change the copy.
 */
export async function startSeededErp(tickets: number, port = 0): Promise<BenchErp> {
  const cached = join(CACHE, `erp-${tickets}-${sourceHash()}`);
  let seededInMs = 0;
  if (!existsSync(cached)) seededInMs = await seedInto(cached, tickets);
  const dataDir = mkdtempSync(join(tmpdir(), `sync-bench-erp-${tickets}-`));
  cpSync(cached, dataDir, { recursive: true });
  const token = randomBytes(18).toString('base64url');
  // seed: false — the copy is already seeded; the seeded flag in its meta makes this a no-op anyway.
  const erp = await startDemoErp({
    dataDir,
    port,
    tokens: { [token]: EMBEDDED_DEMO_USER_ID },
    seed: false,
  });
  return {
    erp,
    token,
    tickets,
    seededInMs,
    async close() {
      await erp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function seedInto(target: string, tickets: number): Promise<number> {
  const building = `${target}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const started = performance.now();
  // The demo ERP's own bulk seed: realistic histories (events, comments, work logs) written with
  // one statement per 500 tickets, the same rows and change log a push would produce.
  const erp = await startDemoErp({
    dataDir: building,
    tokens: { seeding: EMBEDDED_DEMO_USER_ID },
    seed: { tickets, randomSeed: RANDOM_SEED },
  });
  await erp.close();
  // Older seeds of this size (another source version) are of no more use.
  for (const name of readdirSync(CACHE)) {
    if (name.startsWith(`erp-${tickets}-`) && !name.includes('.building-'))
      rmSync(join(CACHE, name), { recursive: true, force: true });
  }
  renameSync(building, target);
  return performance.now() - started;
}

/** A cached database is reused only while the code that writes and seeds it is unchanged. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const folder of ['store', 'seed']) {
    const dir = join(REPO, 'electron', 'demo-erp', folder);
    for (const file of readdirSync(dir).sort())
      hash.update(file).update(readFileSync(join(dir, file)));
  }
  hash.update(readFileSync(join(REPO, 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  return hash.digest('hex').slice(0, 12);
}

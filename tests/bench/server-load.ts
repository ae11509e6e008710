import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildSeedTickets, seedDatabase } from '../../electron/demo-erp/seed/seed';
import {
  openDatabase,
  openDatabaseAt,
  type Database,
} from '../../electron/demo-erp/store/database';
import { startPostgresCluster, postgresMissing } from '../fixtures/postgres/cluster';
import { startErpProcess, type ErpProcess } from '../fixtures/postgres/erp-process';
import { reportGoal } from './support/goal-report';
import { percentile, runLoad, type LoadResult } from './server/load-run';
import { verifyStore, type StoreCheck } from './server/verify-store';

// `npm run bench:server` (issue 14 §5): the reference ERP under a bounded loopback load — PGlite,
// PostgreSQL with one server process and with two on one database — counting afterwards, in the
// database, that no acknowledged command was lost or applied twice; then seeding 50,000 demo
// tickets. Ports 4731–4739: PostgreSQL on the first, servers after it.

const flags = z
  .object({
    devices: z.coerce.number().int().min(1).max(200).default(16),
    seconds: z.coerce.number().min(1).max(600).default(10),
    'seed-tickets': z.coerce.number().int().min(0).max(200_000).default(50_000),
    port: z.coerce.number().int().min(1024).max(65_000).default(4731),
  })
  .parse(
    parseArgs({
      options: {
        devices: { type: 'string' },
        seconds: { type: 'string' },
        'seed-tickets': { type: 'string' },
        port: { type: 'string' },
      },
    }).values,
  );

const TOKEN = 'bench-token-a';
const ORG = 'org-nsk-oblbolnitsa';
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

interface Measured {
  name: string;
  run: LoadResult;
  check: StoreCheck;
}

async function measure(
  name: string,
  servers: ErpProcess[],
  open: () => Promise<Database>,
  stopFirst: boolean,
): Promise<Measured> {
  const run = await runLoad({
    urls: servers.map((server) => server.url),
    token: TOKEN,
    organizationId: ORG,
    devices: flags.devices,
    seconds: flags.seconds,
  });
  // PGlite's folder can only be opened once its server has let go of it.
  if (stopFirst) await Promise.all(servers.map((server) => server.stop()));
  const { db } = await open();
  const check = await verifyStore(db, run);
  await db.close();
  if (!stopFirst) await Promise.all(servers.map((server) => server.stop()));
  const seconds = run.seconds;
  console.log(
    `${name.padEnd(26)} ${(run.applied / seconds).toFixed(0).padStart(6)} commands/s  push p50 ${percentile(run.pushMs, 50).toFixed(0)} ms p99 ${percentile(run.pushMs, 99).toFixed(0)} ms  pull p50 ${percentile(run.pullMs, 50).toFixed(0)} ms p99 ${percentile(run.pullMs, 99).toFixed(0)} ms  resends ${run.resends}  lost ${check.lost}  twice ${check.duplicates}  wrong answers ${run.wrongAnswers.length}  load ${load()}`,
  );
  for (const wrong of run.wrongAnswers.slice(0, 5)) console.log(`  ${wrong}`);
  return { name, run, check };
}

const serverArgs = (port: number, data: string, database?: string) => [
  '--port',
  String(port),
  '--data',
  data,
  '--token',
  TOKEN,
  '--seed-tickets',
  '0',
  ...(database ? ['--database', database] : []),
];

async function main(): Promise<void> {
  console.log(
    `bench:server — ${flags.devices} devices, ${flags.seconds} s per configuration, load average ${load()}`,
  );
  const missing = postgresMissing();
  const results: Measured[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'bench-server-'));
  try {
    const pgliteDir = join(scratch, 'pglite');
    const pglite = await startErpProcess(serverArgs(flags.port + 2, pgliteDir));
    results.push(
      await measure('PGlite, one process', [pglite], () => openDatabase(pgliteDir), true),
    );

    if (missing) {
      console.log(`PostgreSQL skipped: ${missing}`);
    } else {
      const cluster = await startPostgresCluster(flags.port, { durable: true });
      try {
        for (const count of [1, 2]) {
          const url = await cluster.createDatabase(`bench_${count}_${randomUUID().slice(0, 8)}`);
          const blobs = join(scratch, `pg-${count}`);
          const servers: ErpProcess[] = [];
          // One after the other: the first creates the schema.
          for (let i = 0; i < count; i++) {
            servers.push(await startErpProcess(serverArgs(flags.port + 3 + i, blobs, url)));
          }
          const name = `PostgreSQL, ${count} process${count > 1 ? 'es' : ''}`;
          results.push(
            await measure(name, servers, () => openDatabaseAt({ kind: 'postgres', url }), false),
          );
        }
        await seedBench(scratch, cluster.createDatabase.bind(cluster));
      } finally {
        await cluster.stop();
      }
    }
    if (missing) await seedBench(scratch, null);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  reportLoadGoals(results);
}

function reportLoadGoals(results: Measured[]): void {
  const [pglite, ...postgres] = results as [Measured, ...Measured[]];
  const perSecond = (m: Measured) => m.run.applied / m.run.seconds;
  for (const m of results) {
    reportGoal({
      bench: 'bench:server',
      goal: `no acknowledged command lost or applied twice: ${m.name}`,
      figure: m.check.lost + m.check.duplicates + m.run.wrongAnswers.length,
      contender: null,
      contenderName: null,
      bar: 0,
      kind: 'max',
      unit: 'commands',
    });
  }
  for (const m of postgres) {
    reportGoal({
      bench: 'bench:server',
      goal: `push throughput, ${m.name} (p50 ${percentile(m.run.pushMs, 50).toFixed(0)} ms, p99 ${percentile(m.run.pushMs, 99).toFixed(0)} ms)`,
      figure: Math.round(perSecond(m)),
      contender: Math.round(perSecond(pglite)),
      contenderName: 'PGlite, one process',
      bar: 1,
      kind: 'minRatio',
      unit: 'commands/s',
    });
  }
}

/** Seeding 50,000 tickets into an empty database: the whole `seedDatabase`, and its CPU part alone. */
async function seedBench(
  scratch: string,
  createDatabase: ((name: string) => Promise<string>) | null,
): Promise<void> {
  if (flags['seed-tickets'] === 0) return;
  const options = { tickets: flags['seed-tickets'], nowMs: Date.now(), randomSeed: 20_251_105 };
  const buildStarted = performance.now();
  buildSeedTickets(options);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const targets: Array<[string, () => Promise<Database>]> = [
    ['PGlite', () => openDatabase(join(scratch, 'seed-pglite'))],
  ];
  if (createDatabase) {
    targets.push([
      'PostgreSQL',
      async () => openDatabaseAt({ kind: 'postgres', url: await createDatabase('bench_seed') }),
    ]);
  }
  for (const [name, open] of targets) {
    const { db } = await open();
    const started = performance.now();
    await seedDatabase(db, options);
    const seconds = (performance.now() - started) / 1000;
    await db.close();
    console.log(
      `seeding ${flags['seed-tickets']} tickets into ${name}: ${seconds.toFixed(1)} s (building them alone: ${buildSeconds.toFixed(1)} s)  load ${load()}`,
    );
    reportGoal({
      bench: 'bench:server',
      goal: `seeding ${flags['seed-tickets'].toLocaleString('en')} demo tickets, ${name} (building them alone ${buildSeconds.toFixed(1)} s)`,
      figure: Number(seconds.toFixed(2)),
      contender: null,
      contenderName: null,
      bar: 20,
      kind: 'max',
      unit: 's',
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

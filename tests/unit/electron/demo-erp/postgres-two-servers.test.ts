import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  POSTGRES_REQUIRED,
  postgresMissing,
  startPostgresCluster,
  type PostgresCluster,
} from '../../../fixtures/postgres/cluster';
import { startErpProcess, type ErpProcess } from '../../../fixtures/postgres/erp-process';
import { Device, pullAll, push, tempDir, TOKEN } from './erp-test-kit';

/*
 * The reference server on PostgreSQL, two server processes on one database (issue 14 §5):
 * exactly-once and the change log's order must hold through the database alone. Needs Debian's
 * postgresql-15 (or POSTGRES_BIN); without it these tests are skipped and say why — except in CI,
 * where .ci/run installs it and sets POSTGRES_REQUIRED=1, so a missing install fails.
 */

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const missing = postgresMissing();

it.runIf(missing !== null && POSTGRES_REQUIRED)(
  'PostgreSQL is installed (POSTGRES_REQUIRED=1)',
  () => {
    expect.fail(missing!);
  },
);

if (missing !== null && !POSTGRES_REQUIRED) {
  console.warn(`postgres-two-servers.test.ts skipped: ${missing}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs vitest on `files` with every reference server doubled onto the cluster; its exit code and output. */
function runSuites(config: string, files: string[], clusterUrl: string) {
  const vitest = join(
    dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  const child = spawn(
    process.execPath,
    [
      vitest,
      'run',
      '--config',
      config,
      // One worker beside the suite that runs this test, with the slack a shared machine needs
      // (no test asserts on time): PGlite alone takes a minute to create at a load of 15.
      '--maxWorkers=1',
      '--testTimeout=120000',
      '--hookTimeout=180000',
      ...files,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        ERP_TEST_POSTGRES: clusterUrl,
        ERP_CONTRACT_PROXY: 'none',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

describe.skipIf(missing !== null)(
  `two server processes on one PostgreSQL database${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await startPostgresCluster(await freePort());
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    });

    it('passes the black-box and fault suites, each request going to the next server in turn', async () => {
      // The contract config's files: the demo ERP's black-box suite, the sync transport faults and
      // the generated requests; then the sync suites that run a real server.
      const contract = await runSuites('tests/vitest.contract.config.ts', [], cluster.baseUrl);
      expect(contract.code, contract.output.slice(-6000)).toBe(0);
      const faults = await runSuites(
        'tests/vitest.config.ts',
        [
          'tests/unit/sync/semantics.test.ts',
          'tests/unit/sync/crash.test.ts',
          'tests/unit/sync/assignment.test.ts',
          'tests/unit/sync/attachments-demo-erp.test.ts',
          'tests/unit/sync/windows.test.ts',
          'tests/unit/electron/demo-erp/compaction.test.ts',
        ],
        cluster.baseUrl,
      );
      expect(faults.code, faults.output.slice(-6000)).toBe(0);
    }, 900_000);

    describe('as processes of the CLI (--database)', () => {
      let database: string;
      let servers: ErpProcess[] = [];
      let blobs: Awaited<ReturnType<typeof tempDir>>;
      beforeAll(async () => {
        database = await cluster.createDatabase(`cli_${randomUUID().replaceAll('-', '')}`);
        blobs = await tempDir();
        // Both started at once: the schema, the epoch and the seed are written once between them.
        servers = await Promise.all(
          [0, 1].map(() =>
            startErpProcess([
              '--port',
              '0',
              '--data',
              blobs.path,
              '--database',
              database,
              '--token',
              TOKEN,
              '--seed-tickets',
              '30',
            ]),
          ),
        );
      }, 120_000);
      afterAll(async () => {
        await Promise.all(servers.map((server) => server.stop()));
        await blobs?.remove();
      });

      const count = async (sql: string): Promise<number> => {
        const client = new pg.Client({ connectionString: database });
        await client.connect();
        try {
          return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
        } finally {
          await client.end();
        }
      };

      it('seeds once and gives one change log: a pull from either server sees the same', async () => {
        const [a, b] = servers.map((server) => server.url) as [string, string];
        expect(await count(`select count(*) as n from tickets`)).toBe(30);
        const fromA = await pullAll(a);
        const fromB = await pullAll(b);
        expect(fromB.changes).toEqual(fromA.changes);
        // One epoch: a cursor from one server goes on at the other.
        const firstPage = await fetch(`${a}/sync/v1/changes?limit=10`, {
          headers: { Authorization: `Bearer ${TOKEN}` },
        }).then((r) => r.json() as Promise<{ nextCursor: string }>);
        expect((await pullAll(b, firstPage.nextCursor)).changes).toEqual(fromA.changes.slice(10));
      });

      it('applies the same push sent to both servers at once exactly once', async () => {
        const [a, b] = servers.map((server) => server.url) as [string, string];
        const device = new Device(a);
        const ticket = await device.create();
        for (let round = 0; round < 10; round++) {
          const body = device.body([
            device.command({
              type: 'comment',
              ticketId: ticket.id,
              payload: { text: `r${round}` },
            }),
          ]);
          const answers = await Promise.all([push(a, body), push(b, body)]);
          expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
          expect(answers.map((answer) => answer.body.results[0]!.status).sort()).toEqual([
            'applied',
            'duplicate',
          ]);
        }
        const comments = await count(
          `select jsonb_array_length(data->'comments') as n from tickets where id = '${ticket.id}'`,
        );
        expect(comments).toBe(10);
      });

      it('loses no command and applies none twice with devices on both servers, retries crossing over', async () => {
        const urls = servers.map((server) => server.url);
        const devices = Array.from({ length: 6 }, (_, i) => new Device(urls[i % 2]!));
        const tickets = await Promise.all(devices.map((device) => device.create()));
        await Promise.all(
          devices.map(async (device, index) => {
            for (let round = 0; round < 15; round++) {
              const body = device.body([
                device.command({
                  type: 'comment',
                  ticketId: tickets[index % 3]!.id,
                  payload: { text: `${index}/${round}` },
                }),
              ]);
              // Sent to one server, resent to the other as if the answer had been lost.
              const first = await push(urls[round % 2]!, body);
              const resend = await push(urls[(round + 1) % 2]!, body);
              expect([first.status, resend.status]).toEqual([200, 200]);
              expect(resend.body.results[0]!.status).toBe('duplicate');
            }
          }),
        );
        const ids = tickets
          .slice(0, 3)
          .map((ticket) => `'${ticket.id}'`)
          .join(',');
        // Six devices × 15 comments on three tickets (two devices per ticket), each stored once.
        expect(
          await count(`select count(*) as n from commands where ticket_id in (${ids})
            and type = 'comment'`),
        ).toBe(90);
        expect(
          await count(
            `select sum(jsonb_array_length(data->'comments')) as n from tickets where id in (${ids})`,
          ),
        ).toBe(90);
        // Every ticket's final version is in the log, and no position was skipped by a pull.
        const pulled = await pullAll(urls[0]!);
        const latest = new Map(pulled.changes.map((change) => [change.id, change.version]));
        for (const ticket of tickets.slice(0, 3)) {
          expect(latest.get(ticket.id)).toBe(
            await count(`select version as n from tickets where id = '${ticket.id}'`),
          );
        }
      });
    });
  },
);

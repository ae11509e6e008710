import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import { processState, spawnUnreapedChild, untilZombie } from '../../../fixtures/processes';
import { Device, pullAll, tempDir, TOKEN } from './erp-test-kit';

// The standalone server as a child process, killed with SIGKILL while pushes are in flight:
// everything it acknowledged must be there after a restart on the same data directory, once.

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = join(root, 'electron/demo-erp/cli.ts');
const children: ChildProcess[] = [];
let dir: Awaited<ReturnType<typeof tempDir>>;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCli(dataDir: string, extra: string[] = []): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--port', '0', '--data', dataDir, '--token', TOKEN, ...extra],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /URL:\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code }) =>
      reject(new Error(`CLI exited (${code}) before listening:\n${output}`)),
    );
  });
}

beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await dir.remove();
});

describe('standalone server under kill -9', () => {
  it('loses nothing it acknowledged and applies nothing twice', async () => {
    const first = await startCli(dir.path, ['--seed-tickets', '0']);
    // Without --users: the demo team, its first engineer signing in with the token given.
    expect(first.output()).toContain(`${TOKEN}  → Андреев Павел (andreev)`);

    const devices = [0, 1, 2].map(() => new Device(first.url));
    const sent = new Map<Device, ReturnType<Device['command']>[]>();
    const acknowledged = new Set<string>();
    const tickets = await Promise.all(devices.map((d) => d.create()));
    for (const device of devices) sent.set(device, []);
    let killed = false;

    // Each device pushes small batches back to back; the third device's 15th acknowledged push
    // triggers SIGKILL while the other two have requests in flight.
    await Promise.all(
      devices.map(async (device, index) => {
        for (let round = 0; !killed; round++) {
          const batch = [1, 2].map((n) =>
            device.command({
              type: 'comment',
              ticketId: tickets[index]!.id,
              payload: { text: `${index}/${round}/${n}` },
            }),
          );
          sent.get(device)!.push(...batch);
          const answer = await device.send(batch).catch(() => null);
          if (answer === null || answer.status !== 200) return;
          expect(answer.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
          for (const command of batch) acknowledged.add(command.commandId);
          if (index === 2 && round === 14 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }),
    );
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(30);

    const second = await startCli(dir.path, ['--seed-tickets', '0']);
    const count = async () => {
      const all = await pullAll(second.url);
      const latest = new Map<string, Ticket>();
      for (const change of all.changes)
        if (change.entity === 'ticket') latest.set(change.id, change.data as Ticket);
      const seen = new Map<string, number>();
      for (const ticket of latest.values()) {
        for (const comment of ticket.comments)
          seen.set(comment.commandId, (seen.get(comment.commandId) ?? 0) + 1);
      }
      return seen;
    };
    const afterCrash = await count();
    for (const id of acknowledged) expect(afterCrash.get(id)).toBe(1);
    for (const times of afterCrash.values()) expect(times).toBe(1);

    // Every device resends its whole outbox: acknowledged commands are duplicates, the rest apply.
    for (const device of devices) {
      device.url = second.url;
      const outbox = sent.get(device)!;
      const answer = await device.send(outbox);
      expect(answer.status).toBe(200);
      for (const [i, result] of answer.body.results.entries()) {
        const expected = acknowledged.has(outbox[i]!.commandId)
          ? ['duplicate']
          : ['duplicate', 'applied'];
        expect(expected).toContain(result.status);
      }
      expect(answer.body.lastSeq).toBe(outbox.at(-1)!.seq);
    }
    const final = await count();
    expect(final.size).toBe([...sent.values()].flat().length);
    for (const times of final.values()) expect(times).toBe(1);

    // SIGTERM: a clean stop that closes the database and releases the data directory.
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.output()).toMatch(/SIGTERM, closing the database/);
    expect(existsSync(join(dir.path, 'demo-erp.lock'))).toBe(false);
  }, 60_000);

  // A supervisor that restarts the server the moment it died, before it has reaped the dead one:
  // the killed server is a zombie whose pid still answers signals.
  it.runIf(process.platform === 'linux')(
    'a restart at once after kill -9, the killed server not yet reaped, gets a running server',
    async () => {
      const own = await tempDir();
      const args = ['--port', '0', '--data', own.path, '--token', TOKEN, '--seed-tickets', '0'];
      const killed = await spawnUnreapedChild([process.execPath, '--import', 'tsx', CLI, ...args], {
        cwd: root,
      });
      try {
        while (!/URL:\s+http/.test(killed.output())) {
          if ((await processState(killed.pid)) === 'Z') {
            throw new Error(`the server exited before listening:\n${killed.output()}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const url = /URL:\s+(http:\/\/\S+)/.exec(killed.output())![1]!;
        const ticket = await new Device(url).create();

        process.kill(killed.pid, 'SIGKILL');
        await untilZombie(killed.pid);
        const restarted = await startCli(own.path, ['--seed-tickets', '0']);
        const ids = (await pullAll(restarted.url)).changes.map((change) => change.id);
        expect(ids).toContain(ticket.id);
        restarted.child.kill('SIGTERM');
        expect(await restarted.exited).toEqual({ code: 0, signal: null });
      } finally {
        killed.parent.kill('SIGKILL');
        await own.remove();
      }
    },
    60_000,
  );

  it('names a bad flag and exits with status 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', 'eighty'], {
      cwd: root,
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be an integer from 0 to 65535 \(got "eighty"\)/);
  }, 30_000);
});

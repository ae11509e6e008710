import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import { processState, spawnUnreapedChild, untilZombie } from '../../../fixtures/processes';
import { BLOB_PART_BYTES } from '@shared/erp/blobs';
import { fileBytes, getParts, partOf, sha256Of, upload } from './blob-kit';
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

  // Three starts of the standalone server, about 10 s each on a busy machine: a longer timeout.
  it('resumes an upload killed mid-part, with no half file ever named as a part or a blob', async () => {
    const own = await tempDir();
    const blobs = join(own.path, 'blobs');
    /** Everything under <data>/blobs, as paths relative to it. */
    const onDisk = async () =>
      (await readdir(blobs, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(blobs.length + 1))
        .sort();
    try {
      const first = await startCli(own.path, ['--seed-tickets', '0']);
      const device = new Device(first.url);
      const ticket = await device.create();
      // 4.5 MiB: parts 0…3 of 1 MiB and a last one of half that.
      const bytes = fileBytes(4.5 * BLOB_PART_BYTES, 51);
      const sha256 = sha256Of(bytes);
      const attach = device.command({
        type: 'attach',
        ticketId: ticket.id,
        payload: { sha256, name: 'фото-шильдика.jpg', type: 'image/jpeg', size: bytes.length },
      });
      await upload(first.url, bytes, { only: [0, 1, 2] });
      expect((await device.send([attach])).body.results[0]!.error?.code).toBe('blob_incomplete');

      // Part 3 is half sent when the server dies: its bytes are being written, not yet a part.
      const cut = request(
        new URL(`${first.url}/sync/v1/blobs/${sha256}?part=3&parts=5&size=${bytes.length}`),
        {
          method: 'PUT',
          headers: {
            Authorization: `Bearer ${TOKEN}`,
            'Content-Length': String(BLOB_PART_BYTES),
          },
        },
      );
      cut.on('error', () => undefined);
      cut.write(partOf(bytes, 3).subarray(0, BLOB_PART_BYTES / 2));
      // Each process writes under its own tmp/<host>-<pid>/ folder.
      while (!(await onDisk()).some((path) => path.startsWith('tmp/'))) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const partsDir = `uploads/${sha256}`;
      expect(await onDisk()).toEqual([
        expect.stringMatching(/^tmp\//),
        ...['0.part', '1.part', '2.part', 'meta.json'].map((name) => `${partsDir}/${name}`),
      ]);

      const second = await startCli(own.path, ['--seed-tickets', '0']);
      device.url = second.url;
      const status = await getParts(second.url, sha256);
      expect(status.body).toMatchObject({ received: [0, 1, 2], complete: false });
      // The client sends only what is missing.
      const last = await upload(second.url, bytes, { only: [3, 4] });
      expect(last.body.complete).toBe(true);
      expect(await onDisk()).toEqual([sha256]);
      expect((await device.send([attach])).body.results[0]!.status).toBe('applied');

      // Killed between storing the last part and joining them: the parts are all there, the blob
      // is not. The next start finishes the job (and drops a stray half-written file).
      const other = fileBytes(BLOB_PART_BYTES + 7, 52);
      const otherSha = sha256Of(other);
      await upload(second.url, other, { only: [0] });
      second.child.kill('SIGKILL');
      await second.exited;
      await writeFile(join(blobs, `uploads/${otherSha}/1.part`), partOf(other, 1));
      await writeFile(join(blobs, 'tmp', 'half-written'), partOf(other, 1).subarray(0, 3));
      await copyFile(join(blobs, sha256), join(blobs, 'tmp', 'half-joined'));
      const third = await startCli(own.path, ['--seed-tickets', '0']);
      expect((await getParts(third.url, otherSha)).body.complete).toBe(true);
      expect(await onDisk()).toEqual([sha256, otherSha].sort());
      third.child.kill('SIGTERM');
      expect(await third.exited).toEqual({ code: 0, signal: null });
    } finally {
      await own.remove();
    }
  }, 120_000);

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

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface TeamMember {
  id: string;
  name: string;
  token?: string;
}

/**
 * The standalone demo ERP (`npm run erp:demo`) with a `--users` file, on a free port and a fresh
 * data folder: an ERP several serving processes (several engineers) can share.
 */
export async function startDemoErpCli(
  users: TeamMember[],
  extra: string[] = [],
): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'prokontakt-e2e-erp-'));
  const usersFile = join(dataDir, 'team.json');
  await writeFile(usersFile, JSON.stringify({ users }), 'utf8');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/demo-erp/cli.ts',
      '--port',
      '0',
      '--data',
      join(dataDir, 'db'),
    ].concat(['--users', usersFile, ...extra]),
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`erp:demo did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /URL:\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`erp:demo exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// `npm run bench:all`: runs `npm run bench` and every `npm run bench:*` (but itself) one after
// another, each as a child process with its output kept in a log file, and prints one table of
// every goal they report (tests/bench/support/goal-report.ts). A benchmark that fails is a row of
// the table, not the end of the run; the exit code is 1 only when one failed.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_ALL_USAGE, parseBenchAllFlags } from './support/bench-all-flags';
import { benchScripts, selectScripts, type BenchScript } from './support/bench-scripts';
import { renderTable, rowsOfRun, summarize, type BenchRun } from './support/goal-table';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function runScript(bench: BenchScript, logDir: string): Promise<BenchRun> {
  const logPath = path.join(logDir, `${bench.script.replaceAll(':', '-')}.log`);
  const log = createWriteStream(logPath);
  const loadBefore = os.loadavg()[0] ?? 0;
  const started = performance.now();
  let stdout = '';
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', bench.script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      log.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
    const finish = (exitCode: number | null, signal: string | null): void => {
      log.end();
      resolve({
        script: bench.script,
        exitCode,
        signal,
        stdout,
        logPath,
        durationMs: performance.now() - started,
        loadBefore,
        loadAfter: os.loadavg()[0] ?? 0,
      });
    };
    child.on('error', (error) => {
      log.write(`\nbench:all could not start it: ${error.message}\n`);
      finish(127, null);
    });
    child.on('close', finish);
  });
}

async function main(): Promise<number> {
  let flags;
  let selected: BenchScript[];
  try {
    flags = parseBenchAllFlags(process.argv.slice(2));
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    selected = selectScripts(benchScripts(pkg.scripts), flags.only);
  } catch (error) {
    process.stderr.write(`bench:all: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (flags.help) {
    out(BENCH_ALL_USAGE);
    return 0;
  }
  const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
  const logDir = path.resolve(
    flags.logDir ?? path.join(root, 'node_modules/.cache/bench-all', stamp),
  );
  mkdirSync(logDir, { recursive: true });
  out(`bench:all — ${selected.map((b) => b.script).join(', ')}`);
  out(
    `${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}; logs in ${logDir}`,
  );
  const runs: BenchRun[] = [];
  for (const bench of selected) {
    out(
      `▶ npm run ${bench.script}  (load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; output: ${path.join(logDir, `${bench.script.replaceAll(':', '-')}.log`)})`,
    );
    const run = await runScript(bench, logDir);
    runs.push(run);
    const ended = run.exitCode === 0 ? 'ok' : `FAILED (${run.exitCode ?? run.signal})`;
    out(
      `  ${ended} in ${(run.durationMs / 1000).toFixed(0)} s, load ${run.loadBefore.toFixed(2)} → ${run.loadAfter.toFixed(2)}`,
    );
  }
  const rows = runs.flatMap(rowsOfRun);
  const table = renderTable(rows);
  const summary = summarize(rows);
  out();
  out(table);
  out();
  out(summary);
  writeFileSync(path.join(logDir, 'goals.md'), `${table}\n\n${summary}\n`);
  out(`(table also in ${path.join(logDir, 'goals.md')})`);
  return runs.every((run) => run.exitCode === 0) ? 0 : 1;
}

process.exitCode = await main();

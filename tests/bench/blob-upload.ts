// The attachment upload benchmark (part of `npm run bench`; alone: `npm run bench:blobs`): 200 MB
// of mixed files (screenshots, logs, photos, dumps) uploaded over loopback through the app's
// uploader (1 MiB parts, resumable) and, side by side, one whole-file PUT per file. Each contender
// runs in its own process, the ERP in another, so each peak memory is the contender's own.
// Prints throughput and peak RSS / heap growth; asserts nothing about time.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { reportGoal } from './support/goal-report';

const CACHE = join('node_modules', '.cache', 'bench-blobs');
const TOKEN = 'bench-token';
const RUNS = 3;
const MB = 1_000_000;
const MIB = 1024 * 1024;

interface Result {
  ms: number;
  bytes: number;
  complete: number;
  files: number;
  peakRssGrowth: number;
  peakHeapGrowth: number;
  peakBuffersGrowth: number;
}

/** 200 MB as an engineer's evidence looks: many small screenshots, some logs, a few big dumps. */
const MIX: Array<{ kind: string; count: number; size: number }> = [
  { kind: 'screenshot', count: 60, size: 350_000 },
  { kind: 'log', count: 30, size: 1_500_000 },
  { kind: 'photo', count: 17, size: 3_200_000 },
  { kind: 'dump', count: 3, size: 20_000_000 },
  { kind: 'archive', count: 1, size: 20_000_000 },
];

async function files(): Promise<string> {
  const manifest = join(CACHE, 'manifest.json');
  try {
    await readFile(manifest);
    return manifest;
  } catch {
    // Not generated yet.
  }
  await mkdir(CACHE, { recursive: true });
  const list = [];
  let seed = 1;
  for (const { kind, count, size } of MIX) {
    for (let index = 0; index < count; index += 1) {
      const bytes = Buffer.alloc(size + index * 997);
      let state = seed++;
      for (let at = 0; at < bytes.length; at += 4) {
        state = (state * 1_103_515_245 + 12_345) >>> 0;
        bytes.writeUInt32LE(state, at - (at + 4 > bytes.length ? at + 4 - bytes.length : 0));
      }
      const path = join(CACHE, `${kind}-${index}.bin`);
      await writeFile(path, bytes);
      list.push({
        path,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  }
  await writeFile(manifest, JSON.stringify(list));
  return manifest;
}

function tsx(script: string, args: string[]) {
  return spawn(
    join('node_modules', '.bin', 'tsx'),
    ['--tsconfig', 'tests/tsconfig.json', script, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

async function firstLine(child: ReturnType<typeof tsx>): Promise<string> {
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) return line;
  throw new Error('the child printed nothing');
}

async function contender(mode: 'parts' | 'whole', url: string, manifest: string): Promise<Result> {
  const child = tsx('tests/bench/blobs/upload-client.ts', [mode, url, manifest, TOKEN]);
  const line = await firstLine(child);
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(line) as Result;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runBlobUploadBench(out: (line?: string) => void): Promise<number> {
  const manifest = await files();
  const list = JSON.parse(await readFile(manifest, 'utf8')) as Array<{ size: number }>;
  const total = list.reduce((sum, file) => sum + file.size, 0);
  const largest = Math.max(...list.map((file) => file.size));
  out('Attachment upload: 200 MB of mixed files over loopback (ERP in its own process)');
  out(
    `  ${list.length} files, ${(total / MB).toFixed(1)} MB, the largest ${(largest / MIB).toFixed(1)} MiB`,
  );
  // A fresh server per run, so the parts contender never finds a blob already complete.
  const results: Record<'parts' | 'whole', Result[]> = { parts: [], whole: [] };
  for (let run = 0; run < RUNS; run += 1) {
    for (const mode of ['parts', 'whole'] as const) {
      const server = tsx('tests/bench/blobs/bench-server.ts', [TOKEN]);
      const { url } = JSON.parse(await firstLine(server)) as { url: string };
      results[mode].push(await contender(mode, url, manifest));
      server.kill();
    }
  }
  let failed = 0;
  out(
    `  ${'contender'.padEnd(44)} ${'median'.padStart(8)} ${'MB/s'.padStart(7)} ${'peak RSS +'.padStart(11)} ${'peak heap +'.padStart(12)} ${'buffers +'.padStart(10)}  runs (s)`,
  );
  const labels = {
    parts: 'app uploader: 1 MiB parts, resumable',
    whole: 'naive: read each file, one whole-file PUT',
  };
  for (const mode of ['parts', 'whole'] as const) {
    const rows = results[mode];
    if (rows.some((row) => row.complete !== row.files)) failed += 1;
    const ms = median(rows.map((row) => row.ms));
    out(
      `  ${labels[mode].padEnd(44)} ${`${(ms / 1000).toFixed(1)} s`.padStart(8)} ${(total / MB / (ms / 1000)).toFixed(1).padStart(7)} ` +
        `${`${(Math.max(...rows.map((row) => row.peakRssGrowth)) / MIB).toFixed(1)} MiB`.padStart(11)} ` +
        `${`${(Math.max(...rows.map((row) => row.peakHeapGrowth)) / MIB).toFixed(1)} MiB`.padStart(12)} ` +
        `${`${(Math.max(...rows.map((row) => row.peakBuffersGrowth)) / MIB).toFixed(1)} MiB`.padStart(10)}  ` +
        rows.map((row) => (row.ms / 1000).toFixed(1)).join(' '),
    );
  }
  out('  (peak growth over the contender process at its start, worst of the runs; buffers:');
  out('   ArrayBuffers and Buffers, where file bytes live outside the JS heap)');
  const mbPerSecond = (mode: 'parts' | 'whole'): number =>
    total / MB / (median(results[mode].map((row) => row.ms)) / 1000);
  const peakBuffers = (mode: 'parts' | 'whole'): number =>
    Math.max(...results[mode].map((row) => row.peakBuffersGrowth)) / MIB;
  // Bars of this benchmark's own design: resumable parts may cost throughput (one round trip a
  // part), at most half; in exchange memory follows the part, not the file.
  reportGoal({
    bench: 'bench',
    goal: 'attachment upload: resumable 1 MiB parts at least half the throughput of one PUT per file',
    figure: mbPerSecond('parts'),
    contender: mbPerSecond('whole'),
    contenderName: 'one whole-file PUT per file',
    bar: 0.5,
    kind: 'minRatio',
    unit: 'MB/s',
  });
  reportGoal({
    bench: 'bench',
    goal: 'attachment upload: peak buffer growth at most half that of one PUT per file (memory follows the part)',
    figure: peakBuffers('parts'),
    contender: peakBuffers('whole'),
    contenderName: 'one whole-file PUT per file',
    bar: 0.5,
    kind: 'maxRatio',
    unit: 'MiB',
  });
  return failed === 0 ? 0 : 1;
}

if (process.argv[1]?.endsWith('blob-upload.ts')) {
  process.exitCode = await runBlobUploadBench((line = '') => process.stdout.write(`${line}\n`));
}

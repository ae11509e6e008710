// One contender of the attachment benchmark, in its own process: uploads every file listed in
// the manifest and prints one JSON line { ms, bytes, peakRssGrowth, peakHeapGrowth, complete }.
//   parts: the app's uploader (shared/sync/blob-upload.ts) through main's dispatcher, schemas and
//          gateway, each part read from the file-backed Blob just before it leaves;
//   whole: what one would write without the protocol: read the file, PUT it in one request.
import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createBlobTransport, hostBlobPort } from '../../../shared/sync/blob-transport';
import { uploadPendingBlobs, type BlobUploadStore } from '../../../shared/sync/blob-upload';
import { createMainErpHost } from '../../fixtures/sync/main-erp-port';

interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

const [mode, url, manifestPath, token] = process.argv.slice(2) as [string, string, string, string];
const files = JSON.parse(await readFile(manifestPath, 'utf8')) as ManifestFile[];

const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed;
let peakBuffers = base.arrayBuffers;
const sample = () => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
  peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
};
const sampler = setInterval(sample, 5);

async function viaParts(): Promise<number> {
  const blobs = new Map<string, Blob>();
  for (const file of files) blobs.set(file.sha256, await openAsBlob(file.path));
  let sent = 0;
  const store: BlobUploadStore = {
    pendingUploads: async () =>
      files.filter((file) => blobs.has(file.sha256)).map(({ sha256, size }) => ({ sha256, size })),
    readBytes: async (sha256, start, end) =>
      new Uint8Array(await blobs.get(sha256)!.slice(start, end).arrayBuffer()),
    markSent: async (sha256) => {
      blobs.delete(sha256);
      sent += 1;
    },
    refuse: async (sha256, error) => {
      throw new Error(`${sha256} refused: ${error.code} ${error.message}`);
    },
  };
  // Node's fetch with keep-alive, as serve-web gives main's gateway (net.fetch pools too).
  const host = createMainErpHost({
    baseUrl: () => url,
    token: () => token,
    timeoutMs: 60_000,
    fetch: (target, init) => fetch(target, init),
  });
  const outcome = await uploadPendingBlobs({
    transport: createBlobTransport(hostBlobPort(host)),
    store,
    deadLettered: () => undefined,
  });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return sent;
}

async function whole(): Promise<number> {
  let sent = 0;
  for (const file of files) {
    const body = await readFile(file.path);
    const response = await fetch(new URL(`bench/whole/${file.sha256}`, url), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body,
    });
    const answer = (await response.json()) as { complete: boolean };
    if (answer.complete) sent += 1;
  }
  return sent;
}

const started = performance.now();
const complete = mode === 'parts' ? await viaParts() : await whole();
const ms = performance.now() - started;
sample();
clearInterval(sampler);
process.stdout.write(
  `${JSON.stringify({
    ms,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    complete,
    files: files.length,
    peakRssGrowth: peakRss - base.rss,
    peakHeapGrowth: peakHeap - base.heapUsed,
    peakBuffersGrowth: peakBuffers - base.arrayBuffers,
  })}\n`,
);

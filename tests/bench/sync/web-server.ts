import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createServingHost } from '../../../electron/dev/serving-host/index';
import type { FetchPort } from '../../../electron/main/services/erp-gateway';

const REPO = join(import.meta.dirname, '..', '..', '..');
const PAGE_ENTRY = join(import.meta.dirname, 'page', 'bench-page.ts');

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sync bench</title>
<script type="module" src="/bench.js"></script></head><body>sync bench</body></html>`;

/** Time the ERP spent answering (request start → last response byte), as the host saw it. */
export interface ErpTime {
  requests: number;
  ms: number;
}

export interface BenchWebServer {
  url: string;
  /** Points the host's ERP endpoints at another demo ERP (each phase runs its own). */
  setErp(url: string, token: string): void;
  /** ERP time since the last call. */
  takeErpTime(): ErpTime;
  close(): Promise<void>;
}

/**
 * The page bundle (the real renderer modules, bundled with esbuild like the app's own build) and
 * the browser host's endpoints under /host/ (`createServingHost`: main's ERP gateway, as
 * `npm run dev:web` serves them), so the page reaches the ERP the way the app does in a browser.
 */
export async function startBenchWebServer(
  port: number,
  { minify = true }: { minify?: boolean } = {},
): Promise<BenchWebServer> {
  const script = await bundlePage(minify);
  let host: ReturnType<typeof createServingHost> | null = null;
  let erpTime: ErpTime = { requests: 0, ms: 0 };
  // Node's fetch, as serve-web.mjs gives the gateway, with the whole answer read before the clock
  // stops: the time is the ERP's, not the gateway's parsing or the page's reading speed.
  const timedFetch: FetchPort = async (url, init) => {
    const started = performance.now();
    try {
      const response = await fetch(url, init);
      const bytes = await response.arrayBuffer();
      return {
        status: response.status,
        headers: response.headers,
        text: async () => new TextDecoder().decode(bytes),
        arrayBuffer: async () => bytes,
      };
    } finally {
      erpTime = { requests: erpTime.requests + 1, ms: erpTime.ms + performance.now() - started };
    }
  };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/host/')) {
      if (host) host.handle(req, res);
      else res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"no ERP yet"}');
      return;
    }
    const headers = { 'cache-control': 'no-store' };
    if (req.url === '/bench.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script);
    } else if (req.url === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(PAGE_HTML);
    } else {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setErp(url, token) {
      // A demo ERP with its own token, as serve-web.mjs runs the embedded one.
      host = createServingHost({
        erp: { url: new URL(url), demo: true, demoToken: token },
        fetch: timedFetch,
        onProblem: (line) => process.stderr.write(`[erp] ${line}\n`),
      });
    },
    takeErpTime() {
      const taken = erpTime;
      erpTime = { requests: 0, ms: 0 };
      return taken;
    },
    close: () => closeServer(server),
  };
}

async function bundlePage(minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    // Minified like the app's production build; readable names for profiling.
    minify,
    alias: { '@shared': join(REPO, 'shared') },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no page bundle');
  return file.text;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

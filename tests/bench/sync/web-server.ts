import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

const REPO = join(import.meta.dirname, '..', '..', '..');
const PAGE_ENTRY = join(import.meta.dirname, 'page', 'bench-page.ts');

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sync bench</title>
<script type="module" src="/bench.js"></script></head><body>sync bench</body></html>`;

/** Time the ERP spent answering (request start → last response byte), as the proxy saw it. */
export interface ErpTime {
  requests: number;
  ms: number;
}

export interface BenchWebServer {
  url: string;
  /** Points /erp/* at another ERP (each phase runs its own). */
  setErp(url: string, token: string): void;
  /** ERP time since the last call. */
  takeErpTime(): ErpTime;
  close(): Promise<void>;
}

/**
 * The page bundle (the real renderer modules, bundled with esbuild like the app's own build) and a
 * forwarder for /erp/* that adds the token, as `npm run dev:web` does for the browser host.
 */
export async function startBenchWebServer(
  port: number,
  { minify = true }: { minify?: boolean } = {},
): Promise<BenchWebServer> {
  const script = await bundlePage(minify);
  let erp: { url: URL; token: string } | null = null;
  let erpTime: ErpTime = { requests: 0, ms: 0 };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/erp/')) {
      if (!erp) {
        res.writeHead(503).end();
        return;
      }
      const started = performance.now();
      forward(req, erp, (status, headers, body) => {
        erpTime = { requests: erpTime.requests + 1, ms: erpTime.ms + performance.now() - started };
        res.writeHead(status, headers).end(body);
      });
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
      erp = { url: new URL(url), token };
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

/** The whole answer is buffered, so the time taken is the ERP's, not the page's reading speed. */
function forward(
  req: IncomingMessage,
  erp: { url: URL; token: string },
  reply: (status: number, headers: Record<string, string>, body: Buffer) => void,
): void {
  const target = new URL(`${erp.url.href.replace(/\/$/, '')}${req.url!.slice('/erp'.length)}`);
  const upstream = httpRequest(
    target,
    {
      method: req.method,
      headers: {
        ...req.headers,
        host: target.host,
        authorization: `Bearer ${erp.token}`,
      },
    },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'retry-after']) {
          const value = answer.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        reply(answer.statusCode ?? 502, headers, Buffer.concat(chunks));
      });
    },
  );
  upstream.on('error', (error) => {
    const body = JSON.stringify({ error: { code: 'erp_unreachable', message: error.message } });
    reply(502, { 'content-type': 'application/json' }, Buffer.from(body));
  });
  req.pipe(upstream);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

// `npm run dev:web` (and the Playwright web server): the built renderer over plain HTTP, so the
// app runs in any Chromium with the browser host. It serves the build Electron loads — same
// files, same CSP — through the browser host's own entry, web.html, rather than a dev-server
// variant that would need a looser policy. `/` and every client-side route get web.html;
// index.html, Electron's entry, is served only when asked for by name, where it shows what the
// desktop app shows when its preload bridge is missing (an e2e test looks at exactly that).
//
//   node electron/dev/serve-web.mjs [--port 5180] [--host 127.0.0.1] [--no-build]
//                                   [--erp URL | --first-run]
//                                   [--erp-data DIR | --fresh-erp] [--seed-tickets N]
//
// --no-build      serve out/renderer as it is (the e2e run builds first)
// --erp URL       the ERP this process talks to for the page at start (its CSP allows its own
//                 origin only): /host/erp/* run main's ERP gateway here (serving-host/index.ts),
//                 and the token the page sets (PUT /host/erp-token) is kept in this process's
//                 memory, bound to that ERP's origin. The page's Settings change the address
//                 here (PUT /host/erp); switching to the demo starts it then.
// without --erp   start the embedded demo ERP (as the desktop app does once the demo is chosen),
//                 its data in --erp-data (default .erp-data/dev-web) or, with --fresh-erp, in a
//                 temporary folder removed on exit; this process adds its token to what it sends,
//                 so the page never holds it (as in Electron, where main adds it).
// --first-run     no ERP chosen yet, as on a new install: the page opens on the first-run
//                 screen (connect to an ERP or try the demo, which is started and waiting).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { electronViteCli, repoRoot, rendererOut } from './paths.mjs';
import { serveStatic } from './static-server.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5180' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-build': { type: 'boolean', default: false },
    erp: { type: 'string' },
    'erp-data': { type: 'string' },
    'fresh-erp': { type: 'boolean', default: false },
    'seed-tickets': { type: 'string' },
    'first-run': { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(message);
  process.exit(2);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be 0–65535, got "${args.port}"`);
const seedTickets = args['seed-tickets'] === undefined ? undefined : Number(args['seed-tickets']);
if (seedTickets !== undefined && !(Number.isInteger(seedTickets) && seedTickets >= 0)) {
  fail(`--seed-tickets must be a whole number ≥ 0, got "${args['seed-tickets']}"`);
}
if (args.erp && args['first-run']) fail('--first-run starts with no ERP chosen: drop --erp');
if (args.erp) {
  let erpUrl = null;
  try {
    erpUrl = new URL(args.erp);
  } catch {
    fail(`--erp must be an http(s) URL, got "${args.erp}"`);
  }
  if (!/^https?:$/.test(erpUrl.protocol)) fail(`--erp must be an http(s) URL, got "${args.erp}"`);
  // As in the app's settings: the token has its own way in (PUT /host/erp-token).
  if (erpUrl.username || erpUrl.password) fail('--erp must not carry credentials (user:password@)');
}

if (!args['no-build']) {
  const build = spawnSync(process.execPath, [electronViteCli, 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const WEB_PAGE = 'web.html';
if (!existsSync(`${rendererOut}/${WEB_PAGE}`)) {
  console.error(`out/renderer/${WEB_PAGE} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const erp = args.erp ? { url: new URL(args.erp), token: null } : await startEmbeddedErp();
// With --erp the demo starts only if the page switches to it; it then runs until exit.
let lateDemo = null;
const { createServingHost, isAcceptableErpUrl } = await import(
  pathToFileURL(join(repoRoot, 'out', 'main', 'serving-host.js')).href
);
// The app's own rule for ERP addresses: https://, plain http:// only on this computer.
if (args.erp && !isAcceptableErpUrl(args.erp)) {
  fail(`--erp must be https:// (plain http:// only for localhost), got "${args.erp}"`);
}
const host = createServingHost({
  erp: { url: erp.url, demo: Boolean(erp.cleanup), demoToken: erp.token },
  firstRun: args['first-run'],
  startDemo: async () => {
    lateDemo ??= startEmbeddedErp();
    const demo = await lateDemo;
    console.log(`  ERP: embedded demo ERP started for the page: ${demo.url.href}`);
    // Closed by stop() below, with the rest of this process.
    return { url: demo.url.href, token: demo.token, close: async () => undefined };
  },
  onProblem: (line) => console.warn(`[erp] ${line}`),
});
const server = createServer((request, response) => {
  if (request.url?.startsWith('/host/')) {
    host.handle(request, response);
  } else {
    serveStatic(request, response, rendererOut, WEB_PAGE);
  }
});

async function startEmbeddedErp() {
  const dataDir = args['fresh-erp']
    ? mkdtempSync(join(tmpdir(), 'prokontakt-erp-'))
    : (args['erp-data'] ?? join(repoRoot, '.erp-data', 'dev-web'));
  const token = randomBytes(24).toString('base64url');
  const { startDemoErp, EMBEDDED_DEMO_USER_ID } = await import(
    pathToFileURL(join(repoRoot, 'out', 'main', 'demo-erp.js')).href
  );
  // Signed in as the demo team's first engineer, as the desktop app's embedded demo is.
  const demo = await startDemoErp({
    dataDir,
    tokens: { [token]: EMBEDDED_DEMO_USER_ID },
    ...(seedTickets === undefined ? {} : { seed: { tickets: seedTickets } }),
  });
  const cleanup = async () => {
    await demo.close();
    if (args['fresh-erp']) rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: new URL(demo.url), token, cleanup, dataDir };
}

server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${args.port} is already in use; pass --port to choose another.`
      : `The web server failed: ${error.message}`,
  );
  process.exit(1);
});

server.listen(port, args.host, () => {
  // The bound port, so `--port 0` (any free port) prints where it listens.
  const url = `http://${args.host}:${server.address().port}/`;
  console.log(`PROконтакт web shell (browser host): ${url}`);
  console.log(
    erp.cleanup
      ? `  ERP: embedded demo ERP ${erp.url.href} (data: ${erp.dataDir})` +
          (args['first-run'] ? ', first run: the page chooses' : '')
      : `  ERP: ${erp.url.href}`,
  );
  console.log('  Ctrl+C to stop.');
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    Promise.all([erp.cleanup?.(), lateDemo?.then((demo) => demo.cleanup())]).then(
      () => process.exit(0),
      (error) => {
        console.error(`The demo ERP did not close cleanly: ${error.message}`);
        process.exit(1);
      },
    );
  });
  // Keep-alive connections would hold close() open; the page reconnects on reload anyway.
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `npm run dev:web` (and the Playwright web server): the built renderer over plain HTTP, so the
// app runs in any Chromium with the browser host. It serves exactly what Electron loads — same
// files, same CSP — rather than a dev-server variant that would need a looser policy.
//
//   node electron/dev/serve-web.mjs [--port 5180] [--host 127.0.0.1] [--no-build] [--erp URL]
//
// --no-build  serve out/renderer as it is (the e2e run builds first)
// --erp URL   forward /erp/* to an ERP, since the page's CSP only allows its own origin
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { electronViteCli, repoRoot, rendererOut } from './paths.mjs';
import { forwardToErp, serveStatic } from './static-server.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5180' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-build': { type: 'boolean', default: false },
    erp: { type: 'string' },
  },
});

if (!args['no-build']) {
  const build = spawnSync(process.execPath, [electronViteCli, 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(`${rendererOut}/index.html`)) {
  console.error('out/renderer/index.html is missing: run `npm run build` first.');
  process.exit(1);
}

const erp = args.erp ? new URL(args.erp) : null;
const server = createServer((request, response) => {
  if (erp && (request.url === '/erp' || request.url?.startsWith('/erp/'))) {
    forwardToErp(request, response, erp);
  } else {
    serveStatic(request, response, rendererOut);
  }
});

server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${args.port} is already in use; pass --port to choose another.`
      : `The web server failed: ${error.message}`,
  );
  process.exit(1);
});

server.listen(Number(args.port), args.host, () => {
  const url = `http://${args.host}:${args.port}/`;
  console.log(`PROконтакт web shell (browser host): ${url}`);
  if (erp) console.log(`  /erp/* → ${erp.href}`);
  console.log('  Ctrl+C to stop.');
});

function stop() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; the page reconnects on reload anyway.
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

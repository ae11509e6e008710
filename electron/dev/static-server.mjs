// Static files for serve-web.mjs, with a traversal-proof path check. `page` is the HTML served for
// `/`, any folder and any client-side route (an extension-less path that is no file).
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function fileFor(root, urlPath, page) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://local').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const candidate = resolve(join(root, pathname));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    const stat = statSync(candidate);
    if (stat.isFile()) return candidate;
    if (stat.isDirectory()) return join(root, page);
  } catch {
    // Not there: an extension-less path is a client-side route and gets the app's page.
    if (extname(pathname) === '') return join(root, page);
  }
  return null;
}

export function serveStatic(request, response, root, page) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...BASE_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileFor(resolve(root), request.url ?? '/', page);
  if (file === null) {
    response.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

// Same-origin endpoints through which the browser host asks the serving process what main answers
// in Electron: the ERP token, kept in this process's memory and never in the page, and which ERP
// /erp/* goes to (as the user may see it: no credentials, no query).
//
//   GET    /host/erp        → { kind: 'demo' | 'configured', url, tokenPresent }
//   GET    /host/erp-token  → { present }
//   PUT    /host/erp-token  { "token": "…" } → { present: true }
//   DELETE /host/erp-token  → { present: false }
import { z } from 'zod';

const BODY_LIMIT = 16 * 1024;
const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// The same rule as shared/host/schemas.ts erpTokenSchema (this plain .mjs cannot import TS).
const tokenBody = z.strictObject({
  token: z
    .string({ error: 'token must be a string' })
    .trim()
    .min(1, { error: 'token is empty' })
    .max(8192, { error: 'token is longer than 8192 characters' })
    .regex(/^[\x21-\x7e]+$/, { error: 'token must be printable ASCII without spaces' }),
});

function send(response, status, body, extra = {}) {
  response.writeHead(status, { ...HEADERS, ...extra }).end(JSON.stringify(body));
}

/** The address without user:password@, query or fragment. */
function displayUrl(url) {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  shown.search = '';
  shown.hash = '';
  return shown.href;
}

// A page on another site must not set or clear the token: browsers send Origin on such writes
// and Sec-Fetch-Site on every request, so a mismatch is refused (a JSON body also forces CORS
// preflight, which this server never grants).
function isCrossOrigin(request) {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  return origin !== undefined && origin !== `http://${request.headers.host}`;
}

/** The body as text, or null when it is over the limit (the rest is read and dropped). */
function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > BODY_LIMIT ? null : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

function describeIssues(error) {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

async function putToken(request, response, setToken) {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    send(response, 415, { error: 'Content-Type must be application/json' });
    return;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  const text = declared > BODY_LIMIT ? null : await readBody(request);
  if (text === null) {
    send(response, 413, { error: `body is over ${BODY_LIMIT} bytes` }, { Connection: 'close' });
    return;
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    send(response, 400, { error: 'body is not valid JSON' });
    return;
  }
  const parsed = tokenBody.safeParse(json);
  if (!parsed.success) {
    send(response, 400, { error: describeIssues(parsed.error) });
    return;
  }
  setToken(parsed.data.token);
  send(response, 200, { present: true });
}

/**
 * `erp`: { url: URL, demo: boolean, token: string | null } — with the embedded demo ERP its own
 * token stays in use (as in Electron, where no configured address means the demo); with --erp the
 * token the user set is added to forwarded requests.
 */
export function createHostEndpoints(erp) {
  let userToken = null;

  async function handle(request, response) {
    if (isCrossOrigin(request)) {
      send(response, 403, { error: 'requests from another origin are refused' });
      return;
    }
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (path === '/host/erp') {
      if (request.method !== 'GET') {
        send(response, 405, { error: 'only GET' }, { Allow: 'GET' });
        return;
      }
      send(response, 200, {
        kind: erp.demo ? 'demo' : 'configured',
        url: displayUrl(erp.url),
        tokenPresent: userToken !== null,
      });
      return;
    }
    if (path !== '/host/erp-token') {
      send(response, 404, { error: `no such host endpoint: ${path.slice(0, 100)}` });
      return;
    }
    switch (request.method) {
      case 'GET':
        send(response, 200, { present: userToken !== null });
        return;
      case 'PUT':
        await putToken(request, response, (token) => {
          userToken = token;
        });
        return;
      case 'DELETE':
        userToken = null;
        send(response, 200, { present: false });
        return;
      default:
        send(response, 405, { error: 'only GET, PUT and DELETE' }, { Allow: 'GET, PUT, DELETE' });
    }
  }

  return {
    /** The bearer token to add to a forwarded /erp/* request, or null for none. */
    tokenForErp: () => (erp.demo ? erp.token : userToken),
    handle(request, response) {
      handle(request, response).catch((error) => {
        if (!response.headersSent) send(response, 500, { error: 'the host endpoint failed' });
        console.error(`[host] ${request.method} ${request.url} failed: ${error.message}`);
      });
    },
  };
}

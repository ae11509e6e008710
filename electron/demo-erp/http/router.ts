import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERP_PATHS, PROTOCOL_VERSION, type SessionResponse } from '../../../shared/erp';
import { parseLimit } from '../changes/change-log';
import type { FaultControl, FaultEndpoint } from '../faults';
import { faultPatchSchema } from '../faults';
import { describeIssues } from '../push/parse-push';
import type { ErpService } from '../service';
import { getBlob, getBlobParts, parseSha256, putBlobPart } from '../blobs/blob-routes';
import type { BlobStore } from '../blobs/blob-store';
import type { TokenOwner } from '../team/team';
import { ClientGoneError, readJsonBody } from './body';
import { HttpError } from './http-error';
import { sendError, sendJson, sendJsonText } from './respond';

export interface RouterOptions {
  service: ErpService;
  blobs: BlobStore;
  faults: FaultControl;
  /** token → the user it signs in: the author of what that token pushes. */
  tokens: ReadonlyMap<string, TokenOwner>;
  maxBodyBytes: number;
  /** Enables the /__test/* admin routes (fault knobs, compaction, ticket deletion). */
  testMode: boolean;
  now: () => number;
}

/** Thrown inside the push transaction to roll it back when a reset-before-commit is injected. */
class InjectedReset extends Error {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRouter(options: RouterOptions) {
  const { service, faults } = options;

  function authenticate(req: IncomingMessage): TokenOwner {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('missing bearer token (Authorization: Bearer <token>)');
    const given = Buffer.from(match[1]!, 'utf8');
    // Compared in constant time against every token, so timing does not leak a prefix.
    let user: TokenOwner | undefined;
    for (const [token, owner] of options.tokens) {
      const known = Buffer.from(token, 'utf8');
      if (known.length === given.length && timingSafeEqual(known, given)) user = owner;
    }
    if (user === undefined) throw unauthorized('the bearer token is not valid');
    if (!user.active)
      throw unauthorized(`the bearer token belongs to ${user.name}, who is deactivated`);
    return user;
  }

  /** Delay, then the injected 5xx / 429 answers: everything that happens before the body is read. */
  async function preflight(endpoint: FaultEndpoint): Promise<void> {
    const delay = faults.delayFor(endpoint);
    if (delay > 0) await sleep(delay);
    if (faults.take('serverErrors', endpoint)) {
      const status = faults.get().serverErrorStatus;
      throw new HttpError(status, 'injected_fault', `injected server error ${status} (test fault)`);
    }
    if (faults.take('retryAfter', endpoint)) {
      const { retryAfterStatus, retryAfterSeconds } = faults.get();
      throw new HttpError(
        retryAfterStatus,
        retryAfterStatus === 429 ? 'too_many_requests' : 'unavailable',
        `injected ${retryAfterStatus}: retry after ${retryAfterSeconds} s (test fault)`,
        { retryAfterSeconds },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
  }

  async function push(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const user = authenticate(req);
    await preflight('push');
    const body = await readJsonBody(req, options.maxBodyBytes);
    let response;
    try {
      response = await service.push(body, { id: user.id, name: user.name }, () => {
        if (faults.take('resetBeforeCommit', 'push')) throw new InjectedReset();
      });
    } catch (error) {
      if (!(error instanceof InjectedReset)) throw error;
      req.socket.destroy();
      return;
    }
    if (faults.take('resetAfterCommit', 'push')) {
      req.socket.destroy();
      return;
    }
    sendJson(res, 200, response, { truncate: faults.take('truncateResponse', 'push') });
  }

  async function changes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    authenticate(req);
    await preflight('changes');
    const limit = parseLimit(url.searchParams.get('limit'));
    const json = await service.changes(url.searchParams.get('cursor'), limit);
    sendJsonText(res, 200, json, { truncate: faults.take('truncateResponse', 'changes') });
  }

  async function blobs(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = /^\/sync\/v1\/blobs\/([^/]*)(\/parts)?$/.exec(url.pathname);
    if (!match) throw notFound(url.pathname);
    const isParts = match[2] !== undefined;
    const allowed = isParts ? 'GET' : 'GET, PUT';
    if (req.method !== 'GET' && (isParts || req.method !== 'PUT')) throw notAllowed(allowed);
    authenticate(req);
    await preflight('blobs');
    const context = { sha256: parseSha256(match[1]!), store: options.blobs, faults };
    if (isParts) return getBlobParts(res, context);
    if (req.method === 'PUT') return putBlobPart(req, res, url, context);
    return getBlob(req, res, context);
  }

  /** Who the token belongs to. */
  function session(req: IncomingMessage, res: ServerResponse): void {
    const user = authenticate(req);
    const response: SessionResponse = {
      user: {
        id: user.id,
        name: user.name,
        ...(user.email === undefined ? {} : { email: user.email }),
      },
      serverTime: new Date(options.now()).toISOString(),
      protocolVersion: PROTOCOL_VERSION,
    };
    sendJson(res, 200, response);
  }

  async function admin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    authenticate(req);
    if (path === '/__test/faults') {
      if (req.method === 'DELETE') faults.reset();
      else if (req.method === 'POST') {
        const parsed = faultPatchSchema.safeParse(await readJsonBody(req, options.maxBodyBytes));
        if (!parsed.success) {
          throw new HttpError(400, 'invalid_request', describeIssues(parsed.error.issues, 'body'));
        }
        faults.set(parsed.data);
      } else if (req.method !== 'GET') throw notAllowed('GET, POST, DELETE');
      return sendJson(res, 200, faults.get());
    }
    if (req.method !== 'POST') throw notAllowed('POST');
    if (path === '/__test/compact') return sendJson(res, 200, await service.compact());
    const deletion = /^\/__test\/tickets\/([^/]+)\/delete$/.exec(path);
    if (deletion) {
      let id: string;
      try {
        id = decodeURIComponent(deletion[1]!);
      } catch {
        throw new HttpError(400, 'invalid_request', 'ticket id: malformed percent-encoding');
      }
      const deleted = await service.deleteTicket(id);
      return sendJson(res, deleted ? 200 : 404, { deleted });
    }
    throw notFound(path);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://erp.invalid');
    const path = url.pathname;
    if (path === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw notAllowed('GET, HEAD');
      const serverTime = new Date(options.now()).toISOString();
      return sendJson(res, 200, { ok: true, serverTime, demo: true, protocolVersion: 1 });
    }
    if (path === ERP_PATHS.session) {
      if (req.method !== 'GET') throw notAllowed('GET');
      return session(req, res);
    }
    if (path === '/sync/v1/push') {
      if (req.method !== 'POST') throw notAllowed('POST');
      return push(req, res);
    }
    if (path === '/sync/v1/changes') {
      if (req.method !== 'GET') throw notAllowed('GET');
      return changes(req, res, url);
    }
    if (path.startsWith('/sync/v1/blobs/')) return blobs(req, res, url);
    if (options.testMode && path.startsWith('/__test/')) return admin(req, res, path);
    throw notFound(path);
  }

  /** The request listener: whatever goes wrong becomes a JSON error, never a crash. */
  return function handle(req: IncomingMessage, res: ServerResponse): void {
    route(req, res).catch((error: unknown) => {
      if (error instanceof ClientGoneError) return;
      // Answered before the body was read (401, 405, an injected fault): discard what is left.
      req.resume();
      if (error instanceof HttpError) return sendError(res, error);
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[demo-erp] ${req.method} ${req.url}: ${message}`);
      sendError(res, new HttpError(500, 'internal_error', `internal error: ${message}`));
    });
  };
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message, {}, { 'WWW-Authenticate': 'Bearer' });
}

function notAllowed(allow: string): HttpError {
  return new HttpError(
    405,
    'method_not_allowed',
    `method not allowed; use ${allow}`,
    {},
    {
      Allow: allow,
    },
  );
}

function notFound(path: string): HttpError {
  return new HttpError(404, 'not_found', `no such endpoint: ${path.slice(0, 200)}`);
}

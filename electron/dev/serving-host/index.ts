import type { IncomingMessage, ServerResponse } from 'node:http';
import { displayErpUrl } from '@shared/host/diagnostics';
import { payloadProblem } from '@shared/host/payload-guard';
import {
  describeIssues,
  requestInputSchemas,
  type ParsedRequestInput,
} from '@shared/host/request-schemas';
import { fail, type HostResult } from '@shared/host/result';
import { erpOriginOf, ERP_MAX_BODY_CHARS, type ErpTokenStatus } from '@shared/host/schemas';

export { isAcceptableErpUrl } from '@shared/host/schemas';
import { createErpGateway, type FetchPort } from '../../main/services/erp-gateway';
import { allowOnly, EndpointError, isCrossOrigin, readJson, sendJson } from './http-io';

/*
 * The browser host's counterpart of main, run by the process that serves the page
 * (`npm run dev:web`, the e2e and bench servers). The page's CSP allows its own origin only, so
 * it asks here what it asks main in Electron, and this process answers with main's own code: the
 * same ERP gateway (address, method, path and token chosen here, never by the page), the same
 * input schemas, the same error codes.
 *
 *   GET    /host/erp          → { kind: 'demo' | 'configured', url, tokenPresent }
 *   GET    /host/erp-token    → ErpTokenStatus
 *   PUT    /host/erp-token    { "token": "…" } → ErpTokenStatus
 *   DELETE /host/erp-token    → ErpTokenStatus
 *   GET    /host/erp/session  → HostResult<ErpResponse>
 *   POST   /host/erp/push     (a push request) → HostResult<ErpResponse>
 *   POST   /host/erp/changes  { cursor, limit } → HostResult<ErpResponse>
 */

export interface ServedErp {
  url: URL;
  /** The embedded demo ERP: its own token is used, as in Electron with no address configured. */
  demo: boolean;
  demoToken: string | null;
}

export interface ServingHostOptions {
  erp: ServedErp;
  fetch?: FetchPort;
  now?: () => Date;
  timeoutMs?: number;
  /** For the console: an ERP request that failed in a way support should see. */
  onProblem?: (line: string) => void;
}

const TOKEN_BODY_LIMIT = 16 * 1024;
// JSON text of at most ERP_MAX_BODY_CHARS characters is at most 3 bytes a character in UTF-8.
const PUSH_BODY_LIMIT = ERP_MAX_BODY_CHARS * 3;

export function createServingHost(options: ServingHostOptions) {
  const { erp } = options;
  const now = options.now ?? (() => new Date());
  const origin = erpOriginOf(erp.url.href);
  let stored: { origin: string; token: string; savedAt: string } | null = null;

  const tokenStatus = (): ErpTokenStatus => ({
    present: stored !== null && stored.origin === origin,
    origin: stored?.origin ?? null,
    savedAt: stored?.savedAt ?? null,
  });
  const gateway = createErpGateway({
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    endpoint: async () => ({
      baseUrl: erp.url.href,
      token: erp.demo
        ? erp.demoToken
        : stored !== null && stored.origin === origin
          ? stored.token
          : null,
    }),
  });

  /** Validates as main's dispatcher does: shape limits, then the channel's schema. */
  function parse<C extends 'erp:push' | 'erp:changes' | 'secrets:set-erp-token'>(
    channel: C,
    input: unknown,
  ): ParsedRequestInput<C> {
    const problem = payloadProblem(input);
    if (problem !== null) throw new EndpointError(400, problem);
    const parsed = requestInputSchemas[channel].safeParse(input);
    if (!parsed.success) throw new EndpointError(400, describeIssues(parsed.error));
    return parsed.data as ParsedRequestInput<C>;
  }

  function noted(what: string, result: HostResult<unknown>): HostResult<unknown> {
    if (!result.ok) options.onProblem?.(`${what}: ${result.error.code}: ${result.error.message}`);
    return result;
  }

  /** Like main's dispatcher, a body the schemas refuse is an `invalid_input` value, not an HTTP error. */
  async function erpInput<C extends 'erp:push' | 'erp:changes'>(
    channel: C,
    request: IncomingMessage,
    limit: number,
  ) {
    try {
      return { ok: true as const, value: parse(channel, await readJson(request, limit)) };
    } catch (error) {
      if (!(error instanceof EndpointError) || error.status === 415) throw error;
      return fail('invalid_input', `${channel}: ${error.message}`);
    }
  }

  async function erpEndpoint(request: IncomingMessage, path: string): Promise<HostResult<unknown>> {
    switch (path) {
      case '/host/erp/session':
        allowOnly(request, ['GET']);
        return noted('session', await gateway.session());
      case '/host/erp/push': {
        allowOnly(request, ['POST']);
        const input = await erpInput('erp:push', request, PUSH_BODY_LIMIT);
        return input.ok ? noted('push', await gateway.push(input.value)) : input;
      }
      case '/host/erp/changes': {
        allowOnly(request, ['POST']);
        const input = await erpInput('erp:changes', request, TOKEN_BODY_LIMIT);
        return input.ok ? noted('changes', await gateway.changes(input.value)) : input;
      }
      default:
        throw new EndpointError(404, `no such host endpoint: ${path.slice(0, 100)}`);
    }
  }

  async function tokenEndpoint(request: IncomingMessage): Promise<ErpTokenStatus> {
    allowOnly(request, ['GET', 'PUT', 'DELETE']);
    if (request.method === 'DELETE') stored = null;
    if (request.method === 'PUT') {
      const { token } = parse('secrets:set-erp-token', await readJson(request, TOKEN_BODY_LIMIT));
      if (token === null) stored = null;
      else if (erp.demo || origin === null) {
        // As in main: a token is stored for one configured ERP address, never for the demo.
        throw new EndpointError(
          409,
          'no ERP address is configured (this server runs the demo ERP): start it with --erp URL',
        );
      } else stored = { origin, token, savedAt: now().toISOString() };
    }
    return tokenStatus();
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (isCrossOrigin(request)) {
      throw new EndpointError(403, 'requests from another origin are refused');
    }
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (path === '/host/erp') {
      allowOnly(request, ['GET']);
      return sendJson(response, 200, {
        kind: erp.demo ? 'demo' : 'configured',
        url: displayErpUrl(erp.url.href),
        tokenPresent: tokenStatus().present,
      });
    }
    if (path === '/host/erp-token') return sendJson(response, 200, await tokenEndpoint(request));
    return sendJson(response, 200, await erpEndpoint(request, path));
  }

  return {
    handle(request: IncomingMessage, response: ServerResponse): void {
      route(request, response).catch((error: unknown) => {
        if (response.headersSent) return;
        if (error instanceof EndpointError) {
          sendJson(response, error.status, { error: error.message }, error.headers);
          return;
        }
        sendJson(response, 500, fail('internal', 'the host endpoint failed'));
        console.error(`[host] ${request.method} ${request.url} failed:`, error);
      });
    },
  };
}

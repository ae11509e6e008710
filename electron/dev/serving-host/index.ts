import type { IncomingMessage, ServerResponse } from 'node:http';
import { displayErpUrl } from '@shared/host/diagnostics';
import { payloadProblem } from '@shared/host/payload-guard';
import {
  describeIssues,
  requestInputSchemas,
  type ParsedRequestInput,
} from '@shared/host/request-schemas';
import { fail, type HostResult } from '@shared/host/result';
import {
  defaultSettings,
  ERP_MAX_BODY_CHARS,
  erpPatchSchema,
  type ErpSettings,
  type ErpTokenStatus,
} from '@shared/host/schemas';

export { isAcceptableErpUrl } from '@shared/host/schemas';
import { createErpChecker } from '../../main/services/erp-check';
import { chooseErpBackend, kindInUse } from '../../main/services/erp-backend';
import { createErpGateway, type FetchPort } from '../../main/services/erp-gateway';
import { createRedmineBackend } from '../../main/services/redmine/redmine-backend';
import type { DemoErpHandle } from '../../main/services/erp-connection';
import { createErpChoice } from './erp-choice';
import { BLOB_PART_BYTES } from '@shared/erp/blobs';
import {
  allowOnly,
  EndpointError,
  isCrossOrigin,
  readBytes,
  readJson,
  sendBytes,
  sendJson,
} from './http-io';

/*
 * The browser host's counterpart of main, run by the process that serves the page
 * (`npm run dev:web`, the e2e and bench servers). The page's CSP allows its own origin only, so
 * it asks here what it asks main in Electron, and this process answers with main's own code: the
 * same ERP gateway (address, method, path and token chosen here, never by the page), the same
 * input schemas, the same error codes. Like main's settings, this process decides which ERP the
 * page works with; the page's Settings page changes it here.
 *
 *   GET    /host/erp          → ServedErpState { mode, baseUrl, kind, redmineMapping, url,
 *                                tokenPresent }
 *   PUT    /host/erp          { mode?, baseUrl?, kind?, redmineMapping? } (settings:set's erp
 *                                part) → ServedErpState
 *   GET    /host/erp-token    → ErpTokenStatus
 *   PUT    /host/erp-token    { "token": "…" } → ErpTokenStatus
 *   DELETE /host/erp-token    → ErpTokenStatus
 *   GET    /host/erp/session  → HostResult<ErpResponse>
 *   POST   /host/erp/push     (a push request) → HostResult<ErpResponse>
 *   POST   /host/erp/changes  { cursor, limit } → HostResult<ErpResponse>
 *   POST   /host/erp/check    { baseUrl, token, kind?, redmineMapping? } → HostResult<ErpResponse>
 *   POST   /host/erp/blob-parts  { sha256 } → HostResult<ErpResponse>
 *   PUT    /host/erp/blob-part?sha256&part&parts&size  (the part's bytes, octet-stream)
 *                                → HostResult<ErpResponse>
 *   POST   /host/erp/blob-get    { sha256, start?, end? } → the bytes (X-Erp-Status,
 *                                  X-Erp-Content-Range), or HostResult<ErpBlobResponse> as JSON
 *
 * A blob part travels as raw bytes both ways: base64 in JSON would cost a third more on the wire
 * and a string of the whole part in each process.
 */

export interface ServedErp {
  url: URL;
  /** The embedded demo ERP: its own token is used, as in Electron with the demo chosen. */
  demo: boolean;
  demoToken: string | null;
}

export interface ServingHostOptions {
  /** The ERP at start: serve-web's --erp address, or the embedded demo ERP it started. */
  erp: ServedErp;
  /**
   * Nothing chosen yet, as on a new install (serve-web --first-run): the page shows first run.
   * `erp` (the demo) stays ready for the page's "try the demo".
   */
  firstRun?: boolean;
  /** Starts the demo ERP when the page switches to it and `erp` is not the demo (lazily). */
  startDemo?: () => Promise<DemoErpHandle>;
  fetch?: FetchPort;
  now?: () => Date;
  timeoutMs?: number;
  /** For the console: an ERP request that failed in a way support should see. */
  onProblem?: (line: string) => void;
}

/** Which ERP the page works with, as `GET /host/erp` answers. */
export interface ServedErpState extends ErpSettings {
  /** Where requests go now, as the user may see it (the demo's address too); null: nowhere. */
  url: string | null;
  tokenPresent: boolean;
}

const TOKEN_BODY_LIMIT = 16 * 1024;
// JSON text of at most ERP_MAX_BODY_CHARS characters is at most 3 bytes a character in UTF-8.
const PUSH_BODY_LIMIT = ERP_MAX_BODY_CHARS * 3;

export function createServingHost(options: ServingHostOptions) {
  const { erp } = options;
  const now = options.now ?? (() => new Date());
  const fetchPort: FetchPort = options.fetch ?? ((url, init) => fetch(url, init));
  const givenDemo: DemoErpHandle | null =
    erp.demo && erp.demoToken !== null
      ? { url: erp.url.href, token: erp.demoToken, close: async () => undefined }
      : null;
  const choice = createErpChoice({
    initial: {
      ...defaultSettings().erp,
      ...(options.firstRun
        ? { mode: 'unset', baseUrl: null }
        : givenDemo !== null
          ? { mode: 'demo', baseUrl: null }
          : { mode: 'configured', baseUrl: erp.url.href }),
    },
    demo: async () => {
      if (givenDemo !== null) return givenDemo;
      if (options.startDemo) return options.startDemo();
      throw new Error('this serving process has no demo ERP');
    },
    now,
    onDemoFailed: (error) => options.onProblem?.(`the demo ERP did not start: ${String(error)}`),
  });
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  // As in main (electron/main/modules/erp.ts): the backend is picked per request from the choice.
  const gateway = chooseErpBackend(() => kindInUse(choice.current()), {
    prokontakt: createErpGateway({
      fetch: fetchPort,
      ...timeout,
      endpoint: () => choice.connection.endpoint(),
    }),
    redmine: createRedmineBackend({
      fetch: fetchPort,
      ...timeout,
      endpoint: () => choice.redmineEndpoint(),
    }),
  });
  const checkErp = createErpChecker({
    fetch: fetchPort,
    storedOrigin: async () => choice.tokenStatus().origin,
    storedTokenFor: async (origin) => choice.tokenFor(origin),
    storedKind: () => choice.current().kind,
    ...timeout,
  });

  /** Validates as main's dispatcher does: shape limits, then the channel's schema. */
  function parse<
    C extends
      | 'erp:push'
      | 'erp:changes'
      | 'erp:check'
      | 'erp:blob-parts'
      | 'erp:blob-put'
      | 'erp:blob-get'
      | 'secrets:set-erp-token',
  >(channel: C, input: unknown): ParsedRequestInput<C> {
    const problem = payloadProblem(input);
    if (problem !== null) throw new EndpointError(400, problem);
    const parsed = requestInputSchemas[channel].safeParse(input);
    if (!parsed.success) throw new EndpointError(400, describeIssues(parsed.error));
    return parsed.data as ParsedRequestInput<C>;
  }

  function noted<T>(what: string, result: HostResult<T>): HostResult<T> {
    if (!result.ok) options.onProblem?.(`${what}: ${result.error.code}: ${result.error.message}`);
    return result;
  }

  /** Like main's dispatcher, a body the schemas refuse is an `invalid_input` value, not an HTTP error. */
  async function erpInput<
    C extends 'erp:push' | 'erp:changes' | 'erp:check' | 'erp:blob-parts' | 'erp:blob-get',
  >(channel: C, request: IncomingMessage, limit: number) {
    return validated(channel, async () => parse(channel, await readJson(request, limit)));
  }

  async function validated<T>(channel: string, read: () => Promise<T>) {
    try {
      return { ok: true as const, value: await read() };
    } catch (error) {
      if (!(error instanceof EndpointError) || error.status === 415) throw error;
      return fail('invalid_input', `${channel}: ${error.message}`);
    }
  }

  /** A part's numbers come in the query, its bytes as the body: the same schema as main's. */
  async function blobPartInput(request: IncomingMessage, query: URLSearchParams) {
    return validated('erp:blob-put', async () => {
      const bytes = await readBytes(request, BLOB_PART_BYTES);
      const number = (name: string) => {
        const text = query.get(name);
        return text !== null && /^\d{1,16}$/.test(text) ? Number(text) : text;
      };
      return parse('erp:blob-put', {
        sha256: query.get('sha256'),
        part: number('part'),
        parts: number('parts'),
        size: number('size'),
        bytes,
      });
    });
  }

  async function blobDownload(request: IncomingMessage, response: ServerResponse) {
    allowOnly(request, ['POST']);
    const input = await erpInput('erp:blob-get', request, TOKEN_BODY_LIMIT);
    const result = input.ok ? noted('blob-get', await gateway.getBlob(input.value)) : input;
    if (result.ok && result.value.bytes !== null) {
      sendBytes(response, result.value.bytes, result.value);
      return;
    }
    sendJson(response, 200, result);
  }

  async function erpEndpoint(
    request: IncomingMessage,
    path: string,
    query: URLSearchParams,
  ): Promise<HostResult<unknown>> {
    switch (path) {
      case '/host/erp/blob-parts': {
        allowOnly(request, ['POST']);
        const input = await erpInput('erp:blob-parts', request, TOKEN_BODY_LIMIT);
        return input.ok ? noted('blob-parts', await gateway.blobParts(input.value.sha256)) : input;
      }
      case '/host/erp/blob-part': {
        allowOnly(request, ['PUT']);
        const input = await blobPartInput(request, query);
        return input.ok ? noted('blob-put', await gateway.putBlobPart(input.value)) : input;
      }
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
      case '/host/erp/check': {
        allowOnly(request, ['POST']);
        const input = await erpInput('erp:check', request, TOKEN_BODY_LIMIT);
        return input.ok ? checkErp(input.value) : input;
      }
      default:
        throw new EndpointError(404, `no such host endpoint: ${path.slice(0, 100)}`);
    }
  }

  async function erpState(): Promise<ServedErpState> {
    const endpoint = await choice.connection.endpoint();
    return {
      ...choice.current(),
      url: displayErpUrl(endpoint?.baseUrl ?? null),
      tokenPresent: choice.tokenStatus().present,
    };
  }

  async function choiceEndpoint(request: IncomingMessage): Promise<ServedErpState> {
    allowOnly(request, ['GET', 'PUT']);
    if (request.method === 'PUT') {
      const body = await readJson(request, TOKEN_BODY_LIMIT);
      const problem = payloadProblem(body);
      if (problem !== null) throw new EndpointError(400, problem);
      const parsed = erpPatchSchema.safeParse(body);
      if (!parsed.success) throw new EndpointError(400, describeIssues(parsed.error));
      choice.choose(parsed.data);
    }
    return erpState();
  }

  async function tokenEndpoint(request: IncomingMessage): Promise<ErpTokenStatus> {
    allowOnly(request, ['GET', 'PUT', 'DELETE']);
    if (request.method === 'DELETE') choice.clearToken();
    if (request.method === 'PUT') {
      const { token } = parse('secrets:set-erp-token', await readJson(request, TOKEN_BODY_LIMIT));
      if (token === null) choice.clearToken();
      else if (choice.setToken(token) === 'no-address') {
        // As in main: a token is stored for one configured ERP address, never for the demo.
        throw new EndpointError(
          409,
          choice.current().mode === 'demo'
            ? 'no ERP address is configured (this server runs the demo ERP): set one first'
            : 'no ERP address is configured yet: set one first',
        );
      }
    }
    return choice.tokenStatus();
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (isCrossOrigin(request)) {
      throw new EndpointError(403, 'requests from another origin are refused');
    }
    const { pathname: path, searchParams } = new URL(request.url ?? '/', 'http://local');
    if (path === '/host/erp') return sendJson(response, 200, await choiceEndpoint(request));
    if (path === '/host/erp-token') return sendJson(response, 200, await tokenEndpoint(request));
    if (path === '/host/erp/blob-get') return blobDownload(request, response);
    return sendJson(response, 200, await erpEndpoint(request, path, searchParams));
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

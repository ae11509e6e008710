import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangesResponse, PushResponse, SessionResponse } from '@shared/erp/protocol';

/** One request as the fake ERP received it. */
export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeErp {
  /** The address to configure (`--erp`): the server's origin plus `/api`. */
  url: string;
  origin: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** A valid organization, so a pull stores something (the calendar and zone the demo uses). */
const ORGANIZATION = {
  id: 'org-fake-erp',
  name: 'ООО «Проверка»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: ['operator01'],
  contactEmails: ['it@example.ru'],
  version: 1,
};

/**
 * A stand-in ERP on 127.0.0.1 that records every request (headers and body) it gets.
 * `contract`: answers contract 2 under `/api` (session, an empty push, one page of changes with
 * one organization) when a bearer token came along, 401 without one, 404 elsewhere.
 * `silent`: accepts connections and never answers.
 */
export async function startFakeErp(mode: 'contract' | 'silent' = 'contract'): Promise<FakeErp> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (mode === 'silent') return;
      answer(req.method ?? '', req.url ?? '', req.headers, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/api`,
    origin,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  res: ServerResponse,
): void {
  const send = (status: number, body: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const path = new URL(url, 'http://fake').pathname;
  const serverTime = new Date().toISOString();
  const route = `${method} ${path}`;
  const known = [
    'GET /api/sync/v1/session',
    'POST /api/sync/v1/push',
    'GET /api/sync/v1/changes',
  ].includes(route);
  if (!known) return send(404, { error: { code: 'not_found', message: `no ${route}` } });
  if (!/^Bearer \S+$/.test(headers.authorization ?? '')) {
    return send(401, { error: { code: 'unauthorized', message: 'a bearer token is required' } });
  }
  if (route === 'GET /api/sync/v1/session') {
    const session: SessionResponse = {
      user: { id: 'fake-engineer', name: 'Инженер поддельной ERP' },
      serverTime,
      protocolVersion: 1,
    };
    return send(200, session);
  }
  if (route === 'POST /api/sync/v1/push') {
    // Only empty pushes (the clock probe, the tests' own): nothing to apply.
    const push: PushResponse = { lastSeq: 0, results: [], serverTime };
    return send(200, push);
  }
  const changes: ChangesResponse = {
    changes: [
      {
        entity: 'organization',
        id: ORGANIZATION.id,
        version: 1,
        deleted: false,
        data: ORGANIZATION,
      },
    ],
    nextCursor: 'fake-cursor-1',
    hasMore: false,
  };
  return send(200, changes);
}

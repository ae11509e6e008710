import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ChangesResponse, CommandResult, PushResponse } from '@shared/erp';
import type { Ticket } from '@shared/domain';
import {
  startDemoErp,
  type DemoErp,
  type DemoErpOptions,
  type DemoUser,
} from '../../../../electron/demo-erp/index';
import { startPrismProxy, VIA_PRISM } from '../../../fixtures/prism-proxy';
import { POSTGRES_UNDER_TEST, startTwoServers } from '../../../fixtures/postgres/two-servers';
import { externalErpFromEnv } from './external-erp';

/*
 * The black-box suite of contract 2. By default each file starts the reference server. With
 * ERP_CONTRACT_PROXY=prism, Stoplight Prism sits between the tests and the server and checks every
 * answer against docs/erp-openapi.json. With ERP_UNDER_TEST (see external-erp.ts) the same tests
 * run against another implementation; those that need the reference server's test knobs, clock or
 * options skip themselves (`referenceOnly`). With ERP_TEST_POSTGRES (a PostgreSQL cluster's URL) the
 * reference server is two servers on one database, requests alternating between them
 * (tests/fixtures/postgres/two-servers.ts).
 */
export const EXTERNAL_ERP = externalErpFromEnv(process.env);

type ConditionalTest = ReturnType<typeof it.skipIf>;

/** A test that needs the reference server: its fault knobs, its clock or its options. */
export const referenceOnly: ConditionalTest = it.skipIf(EXTERNAL_ERP !== null);
/** A test of an answer Prism gives itself instead of forwarding (see prism-proxy.ts). */
export const notBehindPrism: ConditionalTest = it.skipIf(VIA_PRISM);
/** Both: how the reference server answers what is outside the protocol (routes, methods). */
export const referenceDirectly: ConditionalTest = it.skipIf(EXTERNAL_ERP !== null || VIA_PRISM);

/**
 * Codes and the field a message names are the contract; the rest of a message's wording is the
 * reference server's own, so another implementation is not held to it.
 */
export function expectReferenceWording(message: string | undefined, wording: RegExp): void {
  if (EXTERNAL_ERP === null) expect(message).toMatch(wording);
}

export const TOKEN = EXTERNAL_ERP?.token ?? 'engineer-token';
export const OTHER_TOKEN = EXTERNAL_ERP?.secondToken ?? 'desk-token';
/**
 * The reference server's test team: two engineers with tokens, and one who left. Against
 * ERP_UNDER_TEST the tokens are that server's and its users are its own (see `userOf`).
 */
export const TEAM: DemoUser[] = [
  { id: 'ivanov', name: 'Иванов Сергей', email: 's.ivanov@example.ru', token: TOKEN },
  { id: 'petrova', name: 'Петрова Анна', token: OTHER_TOKEN },
  { id: 'sidorov', name: 'Сидоров Олег', active: false },
];
export const ORG_ID = EXTERNAL_ERP?.organizationId ?? 'org-nsk-oblbolnitsa';

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'demo-erp-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * A server on a fresh temp dir; `stop` closes it and removes the dir. Against ERP_UNDER_TEST the
 * options are ignored and the knobs throw; behind Prism, `erp.url` is the proxy's and `stop`
 * fails when Prism saw an answer the document does not allow.
 */
export async function startTestErp(
  options: Partial<DemoErpOptions> = {},
): Promise<{ erp: DemoErp; dataDir: string; stop: () => Promise<void> }> {
  if (EXTERNAL_ERP) return viaPrismIfAsked(externalHandle(EXTERNAL_ERP.url), '', async () => {});
  const dir = await tempDir();
  const serverOptions = { dataDir: dir.path, users: TEAM, seed: false as const, ...options };
  const erp = POSTGRES_UNDER_TEST
    ? await startTwoServers(serverOptions, POSTGRES_UNDER_TEST)
    : await startDemoErp(serverOptions);
  return viaPrismIfAsked(erp, dir.path, async () => {
    await erp.close();
    await dir.remove();
  });
}

async function viaPrismIfAsked(erp: DemoErp, dataDir: string, stop: () => Promise<void>) {
  if (!VIA_PRISM) return { erp, dataDir, stop };
  const prism = await startPrismProxy(erp.url);
  const port = Number(new URL(prism.url).port);
  return {
    erp: { ...erp, url: prism.url, port },
    dataDir,
    stop: async () => {
      await stop();
      await prism.close();
    },
  };
}

function externalHandle(url: string): DemoErp {
  const knob = () => {
    throw new Error('ERP_UNDER_TEST: this test needs the reference server (its test knobs)');
  };
  return {
    url,
    port: Number(new URL(url).port),
    faults: { set: knob, reset: () => {}, get: knob, take: knob, delayFor: knob },
    compact: async () => knob(),
    deleteTicket: async () => knob(),
    close: async () => {},
  };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(
  url: string,
  init: { method?: string; body?: string; token?: string | null } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const violations = response.headers.get('sl-violations');
  if (violations !== null) {
    throw new Error(`Prism: ${url} answered outside docs/erp-openapi.json: ${violations}`);
  }
  const text = await response.text();
  return {
    status: response.status,
    body: (text === '' ? null : JSON.parse(text)) as T,
    headers: response.headers,
  };
}

/** The name of the user a token belongs to, as the server signs events with it. */
export async function userOf(url: string, token: string): Promise<{ id: string; name: string }> {
  const answer = await call<{ user: { id: string; name: string } }>(`${url}/sync/v1/session`, {
    token,
  });
  if (answer.status !== 200) throw new Error(`session ${answer.status} for a test token`);
  return answer.body.user;
}

export type ErrorAnswer = { error: { code: string; message: string }; lastSeq?: number };

export function push(
  url: string,
  body: unknown,
  token: string | null = TOKEN,
): Promise<Answer<PushResponse & ErrorAnswer>> {
  return call(`${url}/sync/v1/push`, { body: JSON.stringify(body), token });
}

export function changes(
  url: string,
  query: { cursor?: string; limit?: number } = {},
): Promise<Answer<ChangesResponse & ErrorAnswer>> {
  const params = new URLSearchParams();
  if (query.cursor !== undefined) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return call(`${url}/sync/v1/changes?${params}`);
}

export interface WireCommandInput {
  type: string;
  ticketId: string;
  payload?: Record<string, unknown>;
  baseVersion?: number | null;
  clientCreatedAt?: string;
  commandId?: string;
}

/** A device: numbers its commands like the real client's outbox does. */
export class Device {
  readonly id = randomUUID();
  private seq = 0;
  constructor(
    /** Mutable: a restarted server listens on another port. */
    public url: string,
    private readonly token: string = TOKEN,
  ) {}

  command(input: WireCommandInput) {
    this.seq += 1;
    return {
      commandId: input.commandId ?? randomUUID(),
      seq: this.seq,
      type: input.type,
      ticketId: input.ticketId,
      baseVersion: input.baseVersion ?? (input.type === 'create' ? null : 1),
      payload: input.payload ?? {},
      clientCreatedAt: input.clientCreatedAt ?? new Date().toISOString(),
    };
  }

  body(commands: unknown[]) {
    return { protocolVersion: 1, deviceId: this.id, commands };
  }

  async send(commands: unknown[]): Promise<Answer<PushResponse & ErrorAnswer>> {
    return push(this.url, this.body(commands), this.token);
  }

  /** Sends one command and returns its result (throws unless the push itself was 200). */
  async one(input: WireCommandInput): Promise<CommandResult & { ticket?: Ticket }> {
    const answer = await this.send([this.command(input)]);
    if (answer.status !== 200)
      throw new Error(`push ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.results[0] as CommandResult & { ticket?: Ticket };
  }

  async create(patch: Record<string, unknown> = {}, ticketId: string = randomUUID()) {
    const result = await this.one({ type: 'create', ticketId, payload: createPayload(patch) });
    if (result.status !== 'applied') throw new Error(`create: ${JSON.stringify(result)}`);
    return result.ticket!;
  }
}

export function createPayload(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId: ORG_ID,
    account: 'registratura01',
    reporterEmail: 'asu@okb2-nso.ru',
    priority: 3,
    title: 'Не сохраняется карточка пациента',
    steps: '1. Открыть карточку.\n2. Нажать «Сохранить».',
    expected: 'Карточка сохранена',
    actual: 'Ошибка PK-1042',
    diagnostics: 'Сеть в норме, воспроизводится у всех',
    notUserSideConfirmed: true,
    createdAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    ...patch,
  };
}

/** Pulls everything from `cursor` to the end. */
export async function pullAll(url: string, cursor?: string, limit = 1000) {
  const all: ChangesResponse['changes'] = [];
  let next = cursor;
  for (;;) {
    const answer = await changes(url, { ...(next === undefined ? {} : { cursor: next }), limit });
    if (answer.status !== 200) throw new Error(`changes ${answer.status}`);
    all.push(...answer.body.changes);
    next = answer.body.nextCursor;
    if (!answer.body.hasMore) return { changes: all, cursor: next };
  }
}

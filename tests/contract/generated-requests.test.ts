import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOB_PART_BYTES,
  commandPayloads,
  MAX_ATTACHMENT_BYTES,
  partCount,
  pushRequest,
  type BlobUploadStatus,
  type CommandType,
} from '@shared/erp';
import { createPrng } from '../fixtures/sync/prng';
import { OPENAPI_DOCUMENT } from '../fixtures/prism-proxy';
import {
  call,
  changes,
  Device,
  expectReferenceWording,
  ORG_ID,
  push,
  startTestErp,
  TOKEN,
  type Answer,
  type ErrorAnswer,
} from '../unit/electron/demo-erp/erp-test-kit';
import {
  fieldPath,
  generate,
  inlineSchema,
  mutate,
  pushGenerator,
  useGenerator,
  type JsonObject,
  type Mutation,
} from './request-generator';

// Requests generated from docs/erp-openapi.json's own schemas, valid and deliberately broken,
// against every endpoint of the server: never a 5xx; a broken one gets a 4xx (or, for a broken
// payload, its command alone is rejected) with a message naming the field. In the contract run
// Prism checks every answer against the document as well. Reproducible: CONTRACT_SEED=<n>.

const SEED = Number(process.env['CONTRACT_SEED'] ?? 20_261_207);
const RUNS = Number(process.env['CONTRACT_RUNS'] ?? 40);
const prng = createPrng(SEED);
const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT, 'utf8')) as JsonObject;
interface Parameter {
  name: string;
  schema: { type: 'integer'; minimum: number; maximum: number };
}
const generatePush = pushGenerator(document);
const changesOperation = (
  document as unknown as { paths: Record<string, { get: { parameters: Parameter[] } }> }
).paths['/sync/v1/changes']!.get;
const limitSchema = changesOperation.parameters.find((p) => p.name === 'limit')!.schema;

let url: string;
let stop: () => Promise<void>;
/** Tickets known to exist, so a generated command is judged by its payload, not deferred. */
const tickets: string[] = [];
const cursors: string[] = [];

beforeAll(async () => {
  const started = await startTestErp();
  url = started.erp.url;
  stop = started.stop;
  const device = new Device(url);
  for (let i = 0; i < 5; i++) tickets.push((await device.create({ priority: (i % 4) + 1 })).id);
  useGenerator(prng, Date.now());
});
afterAll(() => stop());

const label = (what: string) => `${what} (CONTRACT_SEED=${SEED})`;

/**
 * Fresh device and consecutive seqs: a generated body's state must not decide its outcome. The
 * ids are random, not seeded, so a rerun against a server that keeps its data (another
 * implementation) is not answered `duplicate`.
 */
function coherent(body: unknown): { deviceId: string; commands: Record<string, unknown>[] } {
  const request = body as { deviceId: string; commands: Record<string, unknown>[] };
  request.deviceId = randomUUID();
  request.commands.forEach((command, index) => {
    command['seq'] = index + 1;
    command['commandId'] = randomUUID();
    if (command['type'] === 'create') {
      command['ticketId'] = randomUUID();
      const payload = command['payload'] as Record<string, unknown>;
      if (prng.chance(0.7)) payload['organizationId'] = ORG_ID;
    } else if (command['type'] === 'plan_window' || command['type'] === 'cancel_window') {
      // A window's id: a new one to plan (for an organization the server has, mostly), or to
      // cancel one that does not exist (`unknown_window`).
      command['ticketId'] = randomUUID();
      const payload = command['payload'] as Record<string, unknown>;
      if (command['type'] === 'plan_window' && prng.chance(0.7)) payload['organizationId'] = ORG_ID;
    } else {
      command['ticketId'] = prng.pick(tickets);
    }
  });
  return request;
}

function expectNoServerError(answer: Answer, request: unknown) {
  expect(answer.status, `${JSON.stringify(request).slice(0, 400)}`).toBeLessThan(500);
}

/** The payload's own problem, as the server names it: `payload.note`, or null when it is valid. */
function payloadProblem(command: Record<string, unknown>): string | null {
  const schema = commandPayloads[command['type'] as CommandType];
  const parsed = schema.safeParse(command['payload']);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return issue.code === 'unrecognized_keys' ? issue.keys[0]! : `payload.${issue.path.join('.')}`;
}

describe(label('generated push requests'), () => {
  it('valid envelopes: 200 and one result per command, judged by its payload', async () => {
    for (let run = 0; run < RUNS; run++) {
      const request = coherent(generatePush());
      expect(pushRequest.safeParse(request).success).toBe(true);
      const answer = await push(url, request);
      expectNoServerError(answer, request);
      expect(answer.status).toBe(200);
      const { results } = answer.body;
      expect(results.map((r) => r.commandId)).toEqual(request.commands.map((c) => c.commandId));
      request.commands.forEach((command, index) => {
        const result = results[index]!;
        if (result.status === 'deferred') return;
        const problem = payloadProblem(command);
        if (problem === null) {
          expect(result.error?.code, JSON.stringify({ command, result })).not.toBe(
            'invalid_payload',
          );
        } else {
          expect(result).toMatchObject({ status: 'rejected', error: { code: 'invalid_payload' } });
          expect(result.error!.message).toContain(problem);
        }
      });
    }
  });

  it('broken envelopes and payloads: a 4xx or a rejected command, naming the field', async () => {
    let broken = 0;
    for (let run = 0; run < RUNS * 2; run++) {
      const valid = coherent(generatePush());
      const { body, mutation } = mutate(valid, prng);
      const envelope = pushRequest.safeParse(body);
      const answer = await push(url, body);
      expectNoServerError(answer, body);
      if (!envelope.success) {
        broken += 1;
        expect(answer.status, describeMutation(mutation)).toBeGreaterThanOrEqual(400);
        expect((answer.body as ErrorAnswer).error.message).toContain(named(mutation));
        continue;
      }
      expect(answer.status, describeMutation(mutation)).toBe(200);
      const commands = (body as typeof valid).commands;
      commands.forEach((command, index) => {
        const result = answer.body.results[index]!;
        const problem = payloadProblem(command);
        if (problem === null || result.status === 'deferred') return;
        broken += 1;
        expect(result, describeMutation(mutation)).toMatchObject({
          status: 'rejected',
          error: { code: 'invalid_payload' },
        });
        expect(result.error!.message).toContain(problem);
      });
    }
    // Most mutations must have produced a defect, or this test proves little.
    expect(broken).toBeGreaterThan(RUNS);
  });

  it('another protocol version: 426 naming it, whatever else the body holds', async () => {
    const request = coherent(generatePush());
    const answer = await push(url, { ...request, protocolVersion: prng.int(2, 99) });
    expect(answer.status).toBe(426);
    expect((answer.body as ErrorAnswer).error.message).toContain('protocolVersion');
  });
});

describe(label('generated changes requests'), () => {
  it('a limit from the schema, with no cursor or one the server issued: 200', async () => {
    for (let run = 0; run < RUNS / 2; run++) {
      const limit = generate(limitSchema) as number;
      const cursor = cursors.length > 0 && prng.chance(0.7) ? prng.pick(cursors) : undefined;
      const answer = await changes(url, { limit, ...(cursor === undefined ? {} : { cursor }) });
      expectNoServerError(answer, { limit, cursor });
      expect(answer.status).toBe(200);
      expect(answer.body.changes.length).toBeLessThanOrEqual(limit);
      cursors.push(answer.body.nextCursor);
    }
  });

  it('a limit outside the schema or a cursor never issued: 400 naming it', async () => {
    const { minimum, maximum } = limitSchema;
    const badLimits = [minimum - 1, maximum + 1, minimum + 0.5, -prng.int(1, 1000), 'many'];
    for (const limit of badLimits) {
      const answer = await call<ErrorAnswer>(`${url}/sync/v1/changes?limit=${limit}`);
      expectNoServerError(answer, { limit });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/^limit: /);
    }
    for (let run = 0; run < 5; run++) {
      const cursor = prng.uuid().replace(/-/g, prng.pick(['', '_', '.', '~']));
      const answer = await changes(url, { cursor });
      expectNoServerError(answer, { cursor });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/^cursor: /);
    }
  });
});

describe(label('generated blob requests'), () => {
  // A blob name as the document's Sha256 pattern says (drawn here: the generator's cap on string
  // length, which keeps other texts short, is below 64).
  const sha256Pattern = new RegExp(
    (inlineSchema(document, '#/components/schemas/Sha256') as { pattern: string }).pattern,
  );
  const newSha256 = () => {
    const name = Array.from({ length: 64 }, () => prng.int(0, 15).toString(16)).join('');
    expect(name).toMatch(sha256Pattern);
    return name;
  };
  // Printable ASCII: Prism's proxy forwards a request body as UTF-8 text (see blob-kit.ts).
  const ascii = (length: number) => new Uint8Array(length).map(() => prng.int(0x20, 0x7e));
  const put = async (
    sha256: string,
    query: Record<string, number>,
    body: Uint8Array<ArrayBuffer>,
  ) => {
    const target = `${url}/sync/v1/blobs/${sha256}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;
    const response = await fetch(target, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' },
      body,
    });
    expect(response.headers.get('sl-violations'), target).toBeNull();
    return {
      status: response.status,
      body: (await response.json()) as ErrorAnswer & BlobUploadStatus,
      headers: response.headers,
    };
  };

  it('a part as the protocol says: 200 with the part among those received', async () => {
    for (let run = 0; run < RUNS / 4; run++) {
      const size = prng.int(1, 3 * BLOB_PART_BYTES);
      const parts = partCount(size);
      const part = prng.int(0, parts - 1);
      const sha256 = newSha256();
      const answer = await put(
        sha256,
        { part, parts, size },
        ascii(Math.min(BLOB_PART_BYTES, size - part * BLOB_PART_BYTES)),
      );
      expectNoServerError(answer, { sha256, part, parts, size });
      // A one-part file whose random bytes are not its random name fails the hash check.
      if (parts === 1) expect(answer.body.error?.code).toBe('blob_hash_mismatch');
      else
        expect(answer.body).toMatchObject({
          sha256,
          size,
          parts,
          received: [part],
          complete: false,
        });
    }
  });

  it('a part that breaks one rule: 400 or 413 naming it, nothing stored', async () => {
    const size = BLOB_PART_BYTES + prng.int(1, BLOB_PART_BYTES);
    const broken: [Record<string, number>, number, RegExp][] = [
      [{ part: 0, parts: 2, size }, BLOB_PART_BYTES - prng.int(1, 100), /^part 0 of 2: /],
      [{ part: 0, parts: 3, size }, BLOB_PART_BYTES, /^parts=3/],
      [{ part: 2, parts: 2, size }, 10, /^part=2/],
      [{ part: 0, parts: 2 }, BLOB_PART_BYTES, /size is required/],
      [{ part: 0, parts: 27, size: MAX_ATTACHMENT_BYTES + 1 }, 10, /at most \d+ bytes/],
    ];
    for (const [query, length, message] of broken) {
      const sha256 = newSha256();
      const answer = await put(sha256, query, ascii(length));
      expectNoServerError(answer, query);
      expect([400, 413], JSON.stringify(query)).toContain(answer.status);
      expect(['blob_part_invalid', 'blob_too_large']).toContain(answer.body.error.code);
      expectReferenceWording(answer.body.error.message, message);
      const status = await call<ErrorAnswer>(`${url}/sync/v1/blobs/${sha256}/parts`);
      expect(status.body.error.code).toBe('blob_unknown');
    }
  });

  it('a name from the schema that never arrived: 404; a path that is no SHA-256: 400', async () => {
    const sha256 = newSha256();
    expect((await call(`${url}/sync/v1/blobs/${sha256}/parts`)).status).toBe(404);
    expect((await call(`${url}/sync/v1/blobs/${sha256}`)).status).toBe(404);
    const bad = await call<ErrorAnswer>(`${url}/sync/v1/blobs/${sha256.toUpperCase()}/parts`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^blob path: sha256 /);
  });
});

describe(label('session'), () => {
  it('200 with a token, 401 without or with a wrong one', async () => {
    expect((await call(`${url}/sync/v1/session`)).status).toBe(200);
    expect((await call(`${url}/sync/v1/session`, { token: null })).status).toBe(401);
    const wrong = await call(`${url}/sync/v1/session`, { token: prng.uuid() });
    expect(wrong.status).toBe(401);
  });
});

/** What the message must name: the field, or for an unknown key the key itself. */
function named(mutation: Mutation): string {
  if (mutation.kind === 'unknown key') return mutation.key!;
  return fieldPath(mutation.path);
}

function describeMutation(mutation: Mutation): string {
  return `${mutation.kind} at ${fieldPath(mutation.path) || '(body)'}${mutation.key ? ` (${mutation.key})` : ''}`;
}

import { JSONSchemaFaker } from 'json-schema-faker';
import type { Prng } from '../fixtures/sync/prng';

/*
 * Requests generated from docs/erp-openapi.json with json-schema-faker, driven by one seeded PRNG
 * so a run is reproducible from its seed. The document's `$ref`s are inlined first (this
 * json-schema-faker version misreads a `$ref` with a sibling `description`). Two leaves get
 * generators of their own: the instant and date patterns describe the syntax, but which dates
 * exist and the years 2000–2199 are rules JSON Schema cannot state, so pattern-random digits
 * (month 47) would make nearly every request invalid for a reason nobody is testing.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves replaced by a format json-schema-faker calls back for. */
const LEAF_FORMATS: Record<string, string> = {
  '#/components/schemas/Instant': 'prokontakt-instant',
  '#/components/schemas/CalendarDate': 'prokontakt-date',
};

/** The schema at `ref` with every `$ref` inlined (the document has no cycles). */
export function inlineSchema(document: JsonObject, ref: string): JsonObject {
  const resolve = (pointer: string): Json => {
    let node: Json = document;
    for (const key of pointer.replace(/^#\//, '').split('/')) {
      if (!isObject(node) || !(key in node)) throw new Error(`no ${pointer} in the document`);
      node = node[key]!;
    }
    return node;
  };
  const inline = (node: Json, depth: number): Json => {
    if (depth > 64) throw new Error(`${ref}: $ref nesting too deep (a cycle?)`);
    if (Array.isArray(node)) return node.map((item) => inline(item, depth + 1));
    if (!isObject(node)) return node;
    if (typeof node['$ref'] === 'string') {
      const { $ref: pointer, ...siblings } = node;
      const format = LEAF_FORMATS[pointer];
      const target = format ? { type: 'string', format } : inline(resolve(pointer), depth + 1);
      return { ...(target as JsonObject), ...siblings };
    }
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, inline(value, depth + 1)]),
    );
  };
  return inline(resolve(ref), 0) as JsonObject;
}

const DAY_MS = 86_400_000;

/** Configures json-schema-faker (global state) to draw from `prng`. */
export function useGenerator(prng: Prng, nowMs: number): void {
  JSONSchemaFaker.option({
    random: prng.next,
    alwaysFakeOptionals: false,
    maxItems: 4,
    maxLength: 60,
    failOnInvalidFormat: true,
  });
  JSONSchemaFaker.format({
    'prokontakt-instant': () =>
      new Date(nowMs + Math.round((prng.next() - 0.7) * 40 * DAY_MS)).toISOString(),
    'prokontakt-date': () =>
      new Date(nowMs + Math.round((prng.next() - 0.2) * 90 * DAY_MS)).toISOString().slice(0, 10),
    'idn-email': () =>
      `${prng.pick(['asu', 'it.duty', 'petrova.ai', "o'brien"])}@${prng.pick(['okb2-nso.ru', 'почта.рф', 'uralmed.ru'])}`,
    uuid: () => prng.uuid(),
  });
}

export function generate(schema: JsonObject): Json {
  const value: unknown = JSONSchemaFaker.generate(schema);
  return value as Json;
}

/**
 * A push body: the envelope from `PushRequest`, each command from `Command`. (Generated as items
 * of the envelope's array, json-schema-faker 0.5 drops a required empty `payload: {}`: inside a
 * oneOf it cannot see that the key is required.)
 */
export function pushGenerator(document: JsonObject): () => JsonObject {
  const envelope = inlineSchema(document, '#/components/schemas/PushRequest');
  const command = inlineSchema(document, '#/components/schemas/Command');
  return () => {
    const body = generate(envelope) as JsonObject;
    body['commands'] = (body['commands'] as Json[]).map(() => generate(command));
    return body;
  };
}

/** Where a mutation went, in the notation the server's messages use: `commands[2].seq`. */
export interface Mutation {
  kind: 'removed' | 'wrong type' | 'unknown key';
  path: (string | number)[];
  /** The key added by an "unknown key" mutation. */
  key?: string;
}

export function fieldPath(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

/** Every object and leaf position in `value` (not the root). */
function positions(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...path, key], ...positions(child, [...path, key])]);
}

const WRONG_TYPES: Json[] = [42, 'text', true, null, [], {}];

/**
 * One deliberate defect somewhere in a copy of `body`: a field removed, a value of the wrong type,
 * or an unknown key in an object. The caller asks the zod schema whether the result is still
 * valid (removing an optional field is not a defect).
 */
export function mutate(body: unknown, prng: Prng): { body: unknown; mutation: Mutation } {
  const copy = structuredClone(body) as Json;
  const all = positions(copy);
  const kind = prng.pick(['removed', 'wrong type', 'unknown key'] as const);
  if (kind === 'unknown key') {
    const objects = [[], ...all].filter((path) => isObject(at(copy, path)));
    const path = prng.pick(objects);
    const key = `unexpected${prng.int(1, 999)}`;
    (at(copy, path) as JsonObject)[key] = 'x';
    return { body: copy, mutation: { kind, path, key } };
  }
  const path = prng.pick(all);
  const parent = at(copy, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (kind === 'removed' && isObject(parent)) {
    delete parent[last as string];
    return { body: copy, mutation: { kind, path } };
  }
  const current = at(copy, path);
  const wrong = WRONG_TYPES.filter((candidate) => typeOf(candidate) !== typeOf(current));
  (parent as Record<string | number, Json>)[last] = prng.pick(wrong);
  return { body: copy, mutation: { kind: 'wrong type', path } };
}

function at(value: Json, path: readonly (string | number)[]): Json {
  let node = value;
  for (const key of path) node = (node as Record<string | number, Json>)[key]!;
  return node;
}

const typeOf = (value: Json) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

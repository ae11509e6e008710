import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  blobUploadStatus,
  change,
  changesResponse,
  COMMAND_STATUSES,
  COMMAND_TYPES,
  errorResponse,
  isoInstant,
  pushRequest,
  pushResponse,
  sessionResponse,
} from '@shared/erp';
import { validateChanges, invalidTicket } from '@shared/sync/entity-schemas';
import { parseInstant } from '@shared/sla/instants';
import {
  buildErpOpenApi,
  OPENAPI_FILE,
  renderErpOpenApi,
  REPO_ROOT,
} from '../../../../electron/dev/erp-openapi/build-document';
import { EXAMPLES, type ExampleKind } from '../../../../electron/dev/erp-openapi/examples';
import { annotate } from '../../../../electron/dev/erp-openapi/json-pointer';
import { INSTANT_PATTERN } from '../../../../electron/dev/erp-openapi/patterns';

const committed = () => readFileSync(join(REPO_ROOT, OPENAPI_FILE), 'utf8');

describe('docs/erp-openapi.json', () => {
  it('is exactly what `npm run docs:openapi` generates from the zod schemas now', async () => {
    // Stale: a schema in shared/erp or shared/sync changed; run `npm run docs:openapi`.
    expect(committed() === (await renderErpOpenApi()), 'run `npm run docs:openapi`').toBe(true);
  });

  it('is a valid OpenAPI 3.1 document with valid examples (Redocly, recommended-strict)', async () => {
    const config = await createConfig({
      extends: ['recommended-strict'],
      // The optional health check has nothing a client could get wrong: no 4xx to document.
      rules: { 'operation-4xx-response': 'off' },
    });
    const problems = await lintFromString({
      source: committed(),
      absoluteRef: join(REPO_ROOT, OPENAPI_FILE),
      config,
    });
    const described = problems.map(
      (p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
    );
    expect(described).toEqual([]);
  });

  it('fails the lint when an example breaks its schema, so the check above can fail', async () => {
    const document = buildErpOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const content = (
      document.paths['/sync/v1/push']!['post'] as never as {
        responses: Record<
          string,
          { content: Record<string, { examples: Record<string, unknown> }> }
        >;
      }
    ).responses['200']!.content['application/json']!.examples;
    content['pushApplied'] = { value: { lastSeq: -1, results: [], serverTime: 'now' } };
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: join(REPO_ROOT, OPENAPI_FILE),
      config: await createConfig({ extends: ['recommended-strict'] }),
    });
    expect(problems.map((p) => p.ruleId)).toContain('no-invalid-media-type-examples');
  });

  it('has one schema per command type and per entity, with every status', () => {
    const schemas = (buildErpOpenApi() as { components: { schemas: Record<string, never> } })
      .components.schemas as Record<string, Record<string, unknown>>;
    const mapping = (schemas['Command']!['discriminator'] as { mapping: Record<string, string> })
      .mapping;
    expect(Object.keys(mapping)).toEqual(COMMAND_TYPES);
    for (const ref of Object.values(mapping)) {
      expect(schemas[ref.replace('#/components/schemas/', '')]).toBeDefined();
    }
    const variants = (schemas['Change']!['oneOf'] as { $ref: string }[]).map((v) => v.$ref);
    expect(variants).toEqual([
      ...change.shape.entity.options.map(
        (entity) =>
          `#/components/schemas/${entity
            .split('_')
            .map((word) => word[0]!.toUpperCase() + word.slice(1))
            .join('')}Change`,
      ),
      '#/components/schemas/Tombstone',
    ]);
    const status = (schemas['CommandResult']!['properties'] as Record<string, { enum: string[] }>)
      .status!;
    expect(status.enum).toEqual([...COMMAND_STATUSES]);
  });

  it('refuses to describe a field the schemas no longer have', () => {
    const schemas = { Ticket: { properties: { id: {} } } };
    expect(() => annotate(schemas, 'Ticket/properties/title', { description: 'x' })).toThrow(
      'no "Ticket/properties/title" in the generated schemas (at "title")',
    );
  });
});

describe('the examples in the document', () => {
  const PARSERS: Record<ExampleKind, (value: unknown) => void> = {
    pushRequest: (value) => pushRequest.parse(value),
    pushResponse: (value) => {
      // As the app reads an answer: the envelope, then each ticket with the entity schema.
      for (const result of pushResponse.parse(value).results) {
        if (result.ticket !== undefined) expect(invalidTicket(result.ticket)).toBeNull();
      }
    },
    changesResponse: (value) =>
      expect(validateChanges(changesResponse.parse(value).changes)).toBeNull(),
    sessionResponse: (value) => sessionResponse.parse(value),
    errorResponse: (value) => errorResponse.parse(value),
    blobStatus: (value) => blobUploadStatus.parse(value),
    health: (value) =>
      z
        .object({ ok: z.literal(true), serverTime: isoInstant, protocolVersion: z.number() })
        .parse(value),
  };

  it.each(Object.entries(EXAMPLES))(
    '%s is accepted by the code that reads it',
    (_name, example) => {
      PARSERS[example.kind](example.value);
    },
  );
});

describe('the instant pattern', () => {
  const pattern = new RegExp(INSTANT_PATTERN);

  // Literal instants; the comment on each says what it exercises of parseInstant's grammar.
  it.each([
    ['2026-11-24T06:00:00.000Z', true], // what the app sends: UTC with milliseconds
    ['2026-11-24T13:00:00+07:00', true], // Novosibirsk offset
    ['2026-11-24t13:00+0700', true], // lower-case t, no seconds, offset without colon
    ['2026-11-24 13:00:00,5Z', true], // space separator, comma fraction
    ['2026-11-24T13:00:00', false], // no zone: ambiguous
    ['2026-11-24', false], // a date, not an instant
    ['24.11.2026 13:00', false], // the Russian way of writing it
  ])('%s → %s, as the code reads it', (text, accepted) => {
    expect(parseInstant(text) !== null).toBe(accepted);
    expect(pattern.test(text)).toBe(accepted);
  });

  it('accepts every instant the code accepts (responses echo what clients sent)', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const instantLike = fc
      .tuple(
        fc.integer({ min: 1990, max: 2210 }).map(String),
        two(13),
        two(32),
        fc.constantFrom('T', 't', ' ', '_'),
        two(24),
        two(60),
        fc.option(
          fc.tuple(
            two(60),
            fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^[0-9]{0,10}$/))),
          ),
        ),
        fc.constantFrom('Z', 'z', '+03:00', '-0930', '+18:00', '+19:00', '', '+7'),
      )
      .map(([y, m, d, sep, h, min, sec, zone]) => {
        const seconds = sec === null ? '' : `:${sec[0]}${sec[1] === null ? '' : sec[1].join('')}`;
        return `${y}-${m}-${d}${sep}${h}:${min}${seconds}${zone}`;
      });
    fc.assert(
      fc.property(instantLike, (text) => {
        if (isoInstant.safeParse(text).success) expect(pattern.test(text), text).toBe(true);
        if (parseInstant(text) !== null) expect(pattern.test(text), text).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});

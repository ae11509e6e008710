import { EXAMPLES, type ExampleName } from './examples';
import type { JsonObject } from './json-pointer';

/* Building blocks of the document's operations (operations.ts, blob-operations.ts). */

export const ref = (kind: 'schemas' | 'responses' | 'headers', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

export function json(schema: string, examples: ExampleName[]): JsonObject {
  return {
    'application/json': {
      schema: ref('schemas', schema),
      examples: Object.fromEntries(
        examples.map((name) => [
          name,
          { summary: EXAMPLES[name].summary, value: EXAMPLES[name].value },
        ]),
      ),
    },
  };
}

/** Answers every authenticated endpoint may give. */
export const common = {
  '401': ref('responses', 'Unauthorized'),
  '429': ref('responses', 'TooManyRequests'),
  '503': ref('responses', 'Unavailable'),
  '5XX': ref('responses', 'ServerError'),
};

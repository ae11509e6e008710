import { fieldPath } from './parse-push';

/** Deeper than any real request; deep enough JSON would overflow JSON.stringify's stack. */
export const MAX_JSON_DEPTH = 32;

// NUL and unpaired UTF-16 surrogates are valid in JSON and in JS strings, but Postgres refuses
// them in text and jsonb: one such character would fail the whole push on every retry.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface JsonProblem {
  path: string;
  message: string;
}

/**
 * Walks a parsed JSON value without recursion and reports the first thing the server could not
 * store: nesting deeper than `maxDepth`, or (unless `depthOnly`) a string or key Postgres cannot
 * hold.
 */
export function findJsonProblem(
  value: unknown,
  options: { maxDepth?: number; depthOnly?: boolean } = {},
): JsonProblem | null {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const checkText = (text: string) => !options.depthOnly && UNSTORABLE.test(text);
  // Parent links instead of path arrays: a flat array of a million numbers costs no copies.
  interface Node {
    value: unknown;
    key: PropertyKey | null;
    parent: Node | null;
    depth: number;
  }
  const pathOf = (node: Node) => {
    const keys: PropertyKey[] = [];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) keys.unshift(n.key);
    return fieldPath(keys);
  };
  const stack: Node[] = [{ value, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      if (checkText(node.value)) {
        return {
          path: pathOf(node),
          message: 'must not contain NUL characters or unpaired surrogates',
        };
      }
    } else if (typeof node.value === 'object' && node.value !== null) {
      if (node.depth >= maxDepth) {
        return { path: pathOf(node), message: `nested deeper than ${maxDepth} levels` };
      }
      const isArray = Array.isArray(node.value);
      for (const [key, child] of Object.entries(node.value)) {
        if (checkText(key))
          return { path: pathOf(node), message: 'has a key the server cannot store' };
        stack.push({
          value: child,
          key: isArray ? Number(key) : key,
          parent: node,
          depth: node.depth + 1,
        });
      }
    }
  }
  return null;
}

/** The payload as stored for the record; a payload Postgres cannot hold is described instead. */
export function storablePayload(payload: unknown): unknown {
  const problem = findJsonProblem(payload);
  return problem ? { unstorable: problem } : payload;
}

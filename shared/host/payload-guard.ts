/*
 * Structural limits checked before any schema sees a request payload. zod walks a value
 * recursively and trusts array lengths, so a cyclic or very deep value overflows the stack (an
 * exception instead of a result), a sparse array of length 2^32 keeps main busy for minutes, and a
 * "__proto__" key becomes the prototype of the object zod hands to a handler. Electron's IPC
 * (structured clone) carries all of these. This walk is iterative and bounded, so it cannot
 * overflow the stack or run long itself.
 */

export interface PayloadLimits {
  maxDepth: number;
  /** Objects and arrays visited, counting a shared reference every time it is reached. */
  maxContainers: number;
  maxArrayLength: number;
  maxKeysPerObject: number;
  /** Characters of all strings and keys together. */
  maxTextChars: number;
  /** Bytes of all Uint8Arrays together (a blob part is the only binary in any contract). */
  maxBinaryBytes: number;
}

// Generous for every real payload: the largest is the alert feed (100,000 tickets at most, about
// 2.2 million containers at the schema's limits); the deepest is an ERP push body (about 6).
export const PAYLOAD_LIMITS: PayloadLimits = Object.freeze({
  maxDepth: 32,
  maxContainers: 3_000_000,
  maxArrayLength: 200_000,
  maxKeysPerObject: 1_000,
  maxTextChars: 32 * 1024 * 1024,
  // One blob part (1 MiB) and room for nothing else binary.
  maxBinaryBytes: 1024 * 1024,
});

// Keys that mean something to JavaScript's object model rather than to the data. Merge-style
// code downstream would turn them into prototype pollution; no contract uses them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Visit {
  value: object;
  depth: number;
  parent: Visit | null;
  key: string;
}

function pathOf(visit: Visit | null, key?: string): string {
  const parts = key === undefined ? [] : [key];
  for (let at = visit; at !== null; at = at.parent) parts.push(at.key);
  return parts.reverse().join('.');
}

// A Uint8Array (of any realm, a Buffer too) is a leaf: its bytes are counted, never walked.
function isUint8Array(value: object): value is Uint8Array {
  return (
    ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]'
  );
}

// Plain data only: Object.prototype (of any realm) or null. Typed arrays would enumerate every
// index as a key; Dates, Maps and class instances are never part of a contract.
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Why `input` is unacceptable as a request payload, naming where; null when it is fine. */
export function payloadProblem(
  input: unknown,
  limits: PayloadLimits = PAYLOAD_LIMITS,
): string | null {
  let containers = 0;
  let textChars = 0;
  let binaryBytes = 0;
  const stack: Visit[] = [];
  // Strings (values and keys) are counted where they are found; only containers go on the stack.
  const take = (value: unknown, parent: Visit | null, key: string): string | null => {
    if (typeof value === 'string') {
      textChars += value.length;
      return textChars > limits.maxTextChars
        ? `${pathOf(parent, key)}: the payload holds more than ${limits.maxTextChars} characters of text`
        : null;
    }
    if (typeof value !== 'object' || value === null) return null;
    if (isUint8Array(value)) {
      binaryBytes += value.byteLength;
      return binaryBytes > limits.maxBinaryBytes
        ? `${pathOf(parent, key)}: the payload holds more than ${limits.maxBinaryBytes} bytes of binary data`
        : null;
    }
    containers += 1;
    if (containers > limits.maxContainers) {
      return `${pathOf(parent, key)}: the payload holds more than ${limits.maxContainers} objects and arrays`;
    }
    const depth = parent === null ? 0 : parent.depth + 1;
    if (depth >= limits.maxDepth) {
      return `${pathOf(parent, key)}: nested deeper than ${limits.maxDepth} levels`;
    }
    stack.push({ value, depth, parent, key });
    return null;
  };

  const rootProblem = take(input, null, 'input');
  if (rootProblem !== null) return rootProblem;
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value } = visit;
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        return `${pathOf(visit)}: more than ${limits.maxArrayLength} items`;
      }
      for (let index = 0; index < value.length; index += 1) {
        const problem = take(value[index], visit, String(index));
        if (problem !== null) return problem;
      }
      continue;
    }
    if (!isPlainObject(value)) return `${pathOf(visit)}: must be plain data (JSON-like)`;
    const keys = Object.keys(value);
    if (keys.length > limits.maxKeysPerObject) {
      return `${pathOf(visit)}: more than ${limits.maxKeysPerObject} keys`;
    }
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return `${pathOf(visit, key)}: the key "${key}" is not allowed`;
      const problem =
        take(key, visit, key) ?? take((value as Record<string, unknown>)[key], visit, key);
      if (problem !== null) return problem;
    }
  }
  return null;
}

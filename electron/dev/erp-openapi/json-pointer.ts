/** A JSON Schema or OpenAPI node: any JSON object. */
export type JsonObject = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The object at `path` (keys separated by "/", as in a JSON pointer without the escapes). Throws
 * naming the path when it is missing, so an annotation written for a field that was renamed or
 * removed in the zod schemas fails the generation instead of silently describing nothing.
 */
export function nodeAt(root: JsonObject, path: string): JsonObject {
  let node: unknown = root;
  for (const key of path.split('/')) {
    if (!isObject(node) || !(key in node)) {
      throw new Error(`erp-openapi: no "${path}" in the generated schemas (at "${key}")`);
    }
    node = node[key];
  }
  if (!isObject(node)) throw new Error(`erp-openapi: "${path}" is not an object`);
  return node;
}

/** Adds keywords (description, pattern, examples…) to the node at `path`. */
export function annotate(root: JsonObject, path: string, keywords: JsonObject): void {
  Object.assign(nodeAt(root, path), keywords);
}

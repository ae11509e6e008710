import type { FilePort } from '../../../../../electron/main/services/file-port';

/** In-memory FilePort for service tests. */
export function createMemoryFiles(initial: Record<string, string | Uint8Array> = {}) {
  const encoder = new TextEncoder();
  const store = new Map<string, Uint8Array>(
    Object.entries(initial).map(([path, data]) => [
      path,
      typeof data === 'string' ? encoder.encode(data) : data,
    ]),
  );
  const files: FilePort = {
    async read(path) {
      return store.get(path) ?? null;
    },
    async writeAtomic(path, data) {
      store.set(path, typeof data === 'string' ? encoder.encode(data) : data);
    },
    async rename(from, to) {
      const data = store.get(from);
      if (!data) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
      store.set(to, data);
      store.delete(from);
    },
    async remove(path) {
      store.delete(path);
    },
    async append(path, text) {
      const added = encoder.encode(text);
      const before = store.get(path) ?? new Uint8Array();
      const joined = new Uint8Array(before.length + added.length);
      joined.set(before);
      joined.set(added, before.length);
      store.set(path, joined);
    },
    async size(path) {
      return store.get(path)?.length ?? null;
    },
  };
  const text = (path: string) => {
    const data = store.get(path);
    return data === undefined ? undefined : new TextDecoder().decode(data);
  };
  return { files, store, text };
}

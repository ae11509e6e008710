import type { Page } from '@playwright/test';

/**
 * Everything the page could have kept, as text: localStorage, sessionStorage, every record of
 * every IndexedDB database, every CacheStorage entry, and the cookies. A secret must appear in
 * none of it.
 */
export async function dumpPageStorage(page: Page): Promise<{
  text: string;
  indexedDbRecords: number;
}> {
  const inPage = await page.evaluate(async () => {
    const entries = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((key) => [
        key,
        storage.getItem(key),
      ]);
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('an IndexedDB request failed'));
      });
    const databases: Record<string, Record<string, unknown[]>> = {};
    let indexedDbRecords = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      const stores: Record<string, unknown[]> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all([
          request(store.getAllKeys()),
          request(store.getAll()),
        ]);
        stores[name] = [keys, values];
        indexedDbRecords += values.length;
      }
      db.close();
      databases[info.name] = stores;
    }
    const caches: Record<string, string[]> = {};
    for (const name of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(name);
      caches[name] = [];
      for (const key of await cache.keys()) {
        const response = await cache.match(key);
        caches[name].push(key.url, JSON.stringify([...(response?.headers ?? [])]));
        caches[name].push((await response?.text()) ?? '');
      }
    }
    return {
      text: JSON.stringify({
        localStorage: entries(localStorage),
        sessionStorage: entries(sessionStorage),
        documentCookie: document.cookie,
        databases,
        caches,
      }),
      indexedDbRecords,
    };
  });
  const cookies = await page.context().cookies();
  return {
    text: `${inPage.text}\n${JSON.stringify(cookies)}`,
    indexedDbRecords: inPage.indexedDbRecords,
  };
}

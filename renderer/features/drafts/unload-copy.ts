/*
 * An IndexedDB write started while the page unloads (a reload, a closed window) may never
 * commit, and the last keystrokes would be lost. What is still waiting to be written at
 * `pagehide` is therefore also put in localStorage, which writes synchronously; the next read of
 * the draft takes it from there into IndexedDB.
 */

const PREFIX = 'prokontakt.draft-unload';

const storageKey = (database: string, key: string) => `${PREFIX}|${database}|${key}`;

export function keepUnloadCopy(database: string, key: string, fields: unknown): void {
  try {
    localStorage.setItem(storageKey(database, key), JSON.stringify(fields));
  } catch {
    // Storage full or disabled: IndexedDB keeps the draft as of the previous write.
  }
}

/** The copy left by the last unload, left in place; undefined when there is none. */
export function peekUnloadCopy(database: string, key: string): unknown {
  try {
    const text = localStorage.getItem(storageKey(database, key));
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** The copy left by the last unload, removed as it is taken; undefined when there is none. */
export function takeUnloadCopy(database: string, key: string): unknown {
  const copy = peekUnloadCopy(database, key);
  dropUnloadCopy(database, key);
  return copy;
}

/** Forgets a copy: the draft was recorded or discarded. */
export function dropUnloadCopy(database: string, key: string): void {
  try {
    localStorage.removeItem(storageKey(database, key));
  } catch {
    // Nothing to forget where there is no storage.
  }
}

/** Every copy left for `database`, removed as taken: [draft key, fields]. */
export function takeAllUnloadCopies(database: string): Array<[string, unknown]> {
  const taken: Array<[string, unknown]> = [];
  try {
    const prefix = `${PREFIX}|${database}|`;
    const names = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const name of names) {
      if (name === null || !name.startsWith(prefix)) continue;
      const key = name.slice(prefix.length);
      const fields = takeUnloadCopy(database, key);
      if (fields !== undefined) taken.push([key, fields]);
    }
  } catch {
    // No storage: nothing was left there.
  }
  return taken;
}

import type { MemoryWrite, StoredMemory } from '@shared/alerts/memory-journal';

// What was announced, so a reload or a new session does not repeat it (main keeps it in files).
const SNAPSHOT_KEY = 'prokontakt.alerts.fired';
// One key per journal record: localStorage cannot append, and rewriting one growing record is
// what the journal is there to avoid.
const JOURNAL_PREFIX = 'prokontakt.alerts.fired.journal.';

/** The fired-alert memory in localStorage: a snapshot and numbered journal records after it. */
export function createBrowserAlertMemory(
  storage: Storage,
  onError: (message: string, error: unknown) => void,
) {
  const journalKeys = (): string[] => {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(JOURNAL_PREFIX)) keys.push(key);
    }
    return keys.sort(
      (a, b) => Number(a.slice(JOURNAL_PREFIX.length)) - Number(b.slice(JOURNAL_PREFIX.length)),
    );
  };
  let nextIndex = 1;
  return {
    load(): StoredMemory {
      try {
        const keys = journalKeys();
        nextIndex = keys.length === 0 ? 1 : Number(keys.at(-1)!.slice(JOURNAL_PREFIX.length)) + 1;
        return {
          snapshot: storage.getItem(SNAPSHOT_KEY),
          journal: keys.map((key) => storage.getItem(key) ?? ''),
        };
      } catch (error) {
        onError('could not read the fired alerts', error);
        return { snapshot: null, journal: [] };
      }
    },
    write(write: MemoryWrite): void {
      try {
        if (write.kind === 'journal') {
          storage.setItem(`${JOURNAL_PREFIX}${nextIndex}`, write.text);
          nextIndex += 1;
          return;
        }
        storage.setItem(SNAPSHOT_KEY, write.text);
        for (const key of journalKeys()) storage.removeItem(key);
        nextIndex = 1;
      } catch (error) {
        // Full or disabled storage: alerts go on, a reload may repeat some of them.
        onError('could not store the fired alerts', error);
      }
    },
  };
}

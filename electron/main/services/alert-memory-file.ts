import type { MemoryWrite, StoredMemory } from '@shared/alerts/memory-journal';
import type { FilePort } from './file-port';

export interface AlertMemoryFile {
  /** What is stored; nothing when there is none (or it cannot be read: alerts go on). */
  load(): Promise<StoredMemory>;
  /** Writes in order, so an older fired set never lands after a newer one. */
  write(write: MemoryWrite): Promise<void>;
}

/**
 * The fired set in userData: a snapshot (alerts.json, written atomically as settings are) and a
 * journal of the changes since (alerts.journal, one JSON record a line, appended). A snapshot
 * empties the journal; a crash in between leaves records the snapshot names as included.
 */
export function createAlertMemoryFile(options: {
  files: FilePort;
  path: string;
  journalPath: string;
  onError: (error: unknown) => void;
}): AlertMemoryFile {
  const { files } = options;
  let queue: Promise<void> = Promise.resolve();
  const text = async (path: string) => {
    const bytes = await files.read(path);
    return bytes === null ? null : new TextDecoder().decode(bytes);
  };
  return {
    async load() {
      try {
        const snapshot = await text(options.path);
        const journal = (await text(options.journalPath)) ?? '';
        return { snapshot, journal: journal.split('\n').filter((line) => line !== '') };
      } catch (error) {
        options.onError(error);
        return { snapshot: null, journal: [] };
      }
    },
    write(write) {
      queue = queue
        .then(async () => {
          if (write.kind === 'journal') {
            await files.append(options.journalPath, `${write.text}\n`);
            return;
          }
          await files.writeAtomic(options.path, write.text);
          await files.remove(options.journalPath);
        })
        .catch(options.onError);
      return queue;
    },
  };
}

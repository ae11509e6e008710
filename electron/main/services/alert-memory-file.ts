import type { FilePort } from './file-port';

export interface AlertMemoryFile {
  /** The stored text, or null when there is none (or it cannot be read: alerts go on). */
  load(): Promise<string | null>;
  /** Writes in order, so an older fired set never lands after a newer one. */
  write(text: string): Promise<void>;
}

/** The fired set in userData (alerts.json), written through the same atomic file port as settings. */
export function createAlertMemoryFile(options: {
  files: FilePort;
  path: string;
  onError: (error: unknown) => void;
}): AlertMemoryFile {
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        const bytes = await options.files.read(options.path);
        return bytes === null ? null : new TextDecoder().decode(bytes);
      } catch (error) {
        options.onError(error);
        return null;
      }
    },
    write(text) {
      queue = queue
        .then(() => options.files.writeAtomic(options.path, text))
        .catch(options.onError);
      return queue;
    },
  };
}

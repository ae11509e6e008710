/** File access as a port, so services run against an in-memory fake in unit tests. */
export interface FilePort {
  /** The file's bytes, or null when it does not exist. Other failures throw. */
  read(path: string): Promise<Uint8Array | null>;
  /**
   * Writes through a temporary file and a rename, so a crash never leaves half a file, and has
   * both on the disk before it resolves, so what it saved survives a power cut.
   */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes the file; no error when it is already gone. */
  remove(path: string): Promise<void>;
  /** Appends text, creating the file (and its folder) when missing. */
  append(path: string, text: string): Promise<void>;
  /** The file's size in bytes, or null when it does not exist. Other failures throw. */
  size(path: string): Promise<number | null>;
}

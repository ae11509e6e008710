import { z } from 'zod';
import { fail, ok, type HostResult } from '@shared/host/result';
import type { ErpTokenStatus } from '@shared/host/schemas';
import type { FilePort } from './file-port';

/** OS-backed encryption (Electron safeStorage in production). */
export interface CipherPort {
  /** False when only a fixed, publicly known key would be used (e.g. Linux without a keyring). */
  isAvailable(): boolean;
  encrypt(plain: string): Uint8Array;
  decrypt(data: Uint8Array): string;
}

export interface SecretStoreOptions {
  files: FilePort;
  cipher: CipherPort;
  /** Absolute path of the encrypted token file inside userData. */
  path: string;
  now: () => Date;
}

export interface SecretStore {
  /** Stores the token for `origin`, replacing any other (one ERP at a time). */
  setErpToken(token: string, origin: string): Promise<HostResult<ErpTokenStatus>>;
  clearErpToken(): Promise<void>;
  /** What the user may know: whether a token is stored, for which origin, since when. */
  status(currentOrigin: string | null): Promise<ErpTokenStatus>;
  /** For the ERP gateway only, never exposed over IPC: the token entered for exactly `origin`. */
  tokenFor(origin: string): Promise<string | null>;
}

// What is encrypted: the token together with the origin it was entered for. A file from before
// the binding (the bare token) matches no origin, so the user enters it again once.
const storedTokenSchema = z.strictObject({
  version: z.literal(2),
  origin: z.string().min(1),
  token: z.string().min(1),
  savedAt: z.iso.datetime(),
});
type StoredToken = z.output<typeof storedTokenSchema>;

/** The ERP bearer token, encrypted at rest. Plain-text storage is refused, not fallen back to. */
export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const { files, cipher, path } = options;

  async function read(): Promise<StoredToken | null> {
    const data = await files.read(path);
    if (data === null || !cipher.isAvailable()) return null;
    let plain: string;
    try {
      plain = cipher.decrypt(data);
    } catch {
      // Encrypted under another OS account or keyring: unusable, the user must enter it again.
      return null;
    }
    try {
      const parsed = storedTokenSchema.safeParse(JSON.parse(plain));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  const statusOf = (stored: StoredToken | null, currentOrigin: string | null): ErpTokenStatus => ({
    present: stored !== null && stored.origin === currentOrigin,
    origin: stored?.origin ?? null,
    savedAt: stored?.savedAt ?? null,
  });

  return {
    async setErpToken(token, origin) {
      if (!cipher.isAvailable()) {
        return fail(
          'secure_storage_unavailable',
          'The system offers no protected storage (on Linux: a keyring such as GNOME Keyring or KWallet), so the token was not saved',
        );
      }
      const stored: StoredToken = {
        version: 2,
        origin,
        token,
        savedAt: options.now().toISOString(),
      };
      await files.writeAtomic(path, cipher.encrypt(JSON.stringify(stored)));
      return ok(statusOf(stored, origin));
    },

    async clearErpToken() {
      await files.remove(path);
    },

    async status(currentOrigin) {
      return statusOf(await read(), currentOrigin);
    },

    async tokenFor(origin) {
      const stored = await read();
      return stored !== null && stored.origin === origin ? stored.token : null;
    },
  };
}

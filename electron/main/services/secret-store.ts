import { fail, ok, type HostResult } from '@shared/host/result';
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
}

export interface SecretStore {
  setErpToken(token: string | null): Promise<HostResult<{ present: boolean }>>;
  hasErpToken(): Promise<boolean>;
  /** For the ERP gateway only; never exposed over IPC. */
  getErpToken(): Promise<string | null>;
}

/** The ERP bearer token, encrypted at rest. Plain-text storage is refused, not fallen back to. */
export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const { files, cipher, path } = options;

  return {
    async setErpToken(token) {
      if (token === null) {
        await files.remove(path);
        return ok({ present: false });
      }
      if (!cipher.isAvailable()) {
        return fail(
          'secure_storage_unavailable',
          'The system offers no protected storage (on Linux: a keyring such as GNOME Keyring or KWallet), so the token was not saved',
        );
      }
      await files.writeAtomic(path, cipher.encrypt(token));
      return ok({ present: true });
    },

    async hasErpToken() {
      return (await files.read(path)) !== null;
    },

    async getErpToken() {
      const data = await files.read(path);
      if (data === null || !cipher.isAvailable()) return null;
      try {
        return cipher.decrypt(data);
      } catch {
        // Encrypted under another OS account or keyring: unusable, the user must enter it again.
        return null;
      }
    },
  };
}

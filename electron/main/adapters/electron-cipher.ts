import { safeStorage } from 'electron';
import type { CipherPort } from '../services/secret-store';

/** CipherPort over safeStorage (Keychain, DPAPI, libsecret/KWallet). */
export function createElectronCipher(): CipherPort {
  return {
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      // On Linux without a keyring Electron falls back to a hard-coded key: that is obfuscation,
      // not protection, so it counts as unavailable.
      return (
        process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
      );
    },
    encrypt: (plain) => new Uint8Array(safeStorage.encryptString(plain)),
    decrypt: (data) => safeStorage.decryptString(Buffer.from(data)),
  };
}

import { describe, expect, it } from 'vitest';
import {
  createSecretStore,
  type CipherPort,
} from '../../../../../electron/main/services/secret-store';
import { createMemoryFiles } from './memory-files';

const PATH = '/userData/erp-token.bin';

// Reversible stand-in for safeStorage that visibly changes the bytes.
function fakeCipher(available = true): CipherPort {
  return {
    isAvailable: () => available,
    encrypt: (plain) => new TextEncoder().encode(`enc:${[...plain].reverse().join('')}`),
    decrypt: (data) => [...new TextDecoder().decode(data).slice(4)].reverse().join(''),
  };
}

describe('secret store', () => {
  it('stores the token encrypted and gives it back to main only', async () => {
    const { files, text } = createMemoryFiles();
    const store = createSecretStore({ files, cipher: fakeCipher(), path: PATH });
    expect(await store.setErpToken('s3cret-token')).toEqual({ ok: true, value: { present: true } });
    expect(text(PATH)).not.toContain('s3cret-token');
    expect(await store.getErpToken()).toBe('s3cret-token');
    expect(await store.hasErpToken()).toBe(true);
  });

  it('refuses to store a token in plain text when the OS offers no protection', async () => {
    const { files, store: raw } = createMemoryFiles();
    const store = createSecretStore({ files, cipher: fakeCipher(false), path: PATH });
    expect(await store.setErpToken('s3cret-token')).toMatchObject({
      ok: false,
      error: { code: 'secure_storage_unavailable' },
    });
    expect(raw.size).toBe(0);
  });

  it('clears the token with null', async () => {
    const { files } = createMemoryFiles();
    const store = createSecretStore({ files, cipher: fakeCipher(), path: PATH });
    await store.setErpToken('abc');
    expect(await store.setErpToken(null)).toEqual({ ok: true, value: { present: false } });
    expect(await store.getErpToken()).toBeNull();
  });

  it('treats an undecryptable token as absent', async () => {
    const { files } = createMemoryFiles({ [PATH]: 'garbage' });
    const cipher = {
      ...fakeCipher(),
      decrypt: () => {
        throw new Error('wrong key');
      },
    };
    const store = createSecretStore({ files, cipher, path: PATH });
    expect(await store.getErpToken()).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  createSecretStore,
  type CipherPort,
} from '../../../../../electron/main/services/secret-store';
import { createMemoryFiles } from './memory-files';

const PATH = '/userData/erp-token.bin';
const ORIGIN = 'https://erp.example.ru';
const now = () => new Date('2027-01-12T09:30:00.000Z');

// Reversible stand-in for safeStorage that visibly changes the bytes.
function fakeCipher(available = true): CipherPort {
  return {
    isAvailable: () => available,
    encrypt: (plain) => new TextEncoder().encode(`enc:${[...plain].reverse().join('')}`),
    decrypt: (data) => [...new TextDecoder().decode(data).slice(4)].reverse().join(''),
  };
}

describe('secret store', () => {
  it('stores the token encrypted, bound to its origin, and gives it to main only for that origin', async () => {
    const { files, text } = createMemoryFiles();
    const store = createSecretStore({ files, cipher: fakeCipher(), path: PATH, now });
    expect(await store.setErpToken('s3cret-token', ORIGIN)).toEqual({
      ok: true,
      value: { present: true, origin: ORIGIN, savedAt: '2027-01-12T09:30:00.000Z' },
    });
    expect(text(PATH)).not.toContain('s3cret-token');
    expect(text(PATH)).not.toContain(ORIGIN);
    expect(await store.tokenFor(ORIGIN)).toBe('s3cret-token');
    expect(await store.tokenFor('https://evil.example')).toBeNull();
    expect(await store.tokenFor('http://erp.example.ru')).toBeNull();
  });

  it('reports a token stored for another address as not present, naming that address', async () => {
    const { files } = createMemoryFiles();
    const store = createSecretStore({ files, cipher: fakeCipher(), path: PATH, now });
    await store.setErpToken('s3cret-token', ORIGIN);
    expect(await store.status('https://other.example')).toEqual({
      present: false,
      origin: ORIGIN,
      savedAt: '2027-01-12T09:30:00.000Z',
    });
    expect(await store.status(null)).toMatchObject({ present: false });
  });

  it('refuses to store a token in plain text when the OS offers no protection', async () => {
    const { files, store: raw } = createMemoryFiles();
    const store = createSecretStore({ files, cipher: fakeCipher(false), path: PATH, now });
    expect(await store.setErpToken('s3cret-token', ORIGIN)).toMatchObject({
      ok: false,
      error: { code: 'secure_storage_unavailable' },
    });
    expect(raw.size).toBe(0);
  });

  it('clears the token', async () => {
    const { files } = createMemoryFiles();
    const store = createSecretStore({ files, cipher: fakeCipher(), path: PATH, now });
    await store.setErpToken('abc-token', ORIGIN);
    await store.clearErpToken();
    expect(await store.tokenFor(ORIGIN)).toBeNull();
    expect(await store.status(ORIGIN)).toEqual({ present: false, origin: null, savedAt: null });
  });

  it.each([
    [
      'undecryptable',
      {
        decrypt: () => {
          throw new Error('wrong key');
        },
      },
      'garbage',
    ],
    // Stored before tokens were bound to an address: its address is unknown, so it goes nowhere.
    ['a bare token from an older version', {}, `enc:${[...'legacy-token'].reverse().join('')}`],
  ])('treats an %s file as no token', async (_label, patch, content) => {
    const { files } = createMemoryFiles({ [PATH]: content });
    const store = createSecretStore({
      files,
      cipher: { ...fakeCipher(), ...patch },
      path: PATH,
      now,
    });
    expect(await store.tokenFor(ORIGIN)).toBeNull();
    expect(await store.status(ORIGIN)).toEqual({ present: false, origin: null, savedAt: null });
  });
});

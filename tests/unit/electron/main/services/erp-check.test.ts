import { describe, expect, it, vi } from 'vitest';
import { createErpChecker } from '../../../../../electron/main/services/erp-check';
import type { FetchPort } from '../../../../../electron/main/services/erp-gateway';

/*
 * «Проверить подключение» at an address not saved yet: only GET /sync/v1/session, and the stored
 * token only ever to the origin it was entered for — even when the check names another address.
 */

const STORED = 'stored-token-0123456789';
const STORED_ORIGIN = 'https://erp.example.ru';

function setup(body: (init: Parameters<FetchPort>[1]) => string = () => '{"ok":1}') {
  const fetch = vi.fn<FetchPort>(async (_url, init) => ({
    status: 200,
    headers: { get: () => null },
    text: async () => body(init),
    arrayBuffer: async () => new TextEncoder().encode(body(init)).buffer,
  }));
  const check = createErpChecker({
    fetch,
    storedOrigin: async () => STORED_ORIGIN,
    storedTokenFor: async (origin) => (origin === STORED_ORIGIN ? STORED : null),
    storedKind: () => 'prokontakt',
  });
  const sent = () =>
    fetch.mock.calls.map(([url, init]) => [url, init.method, init.headers['Authorization']]);
  return { check, sent };
}

describe('checking an ERP address', () => {
  it('asks the session endpoint under the typed address, with the typed token', async () => {
    const { check, sent } = setup();
    await check({ baseUrl: 'https://erp2.example.ru/api/', token: 'typed-token-1' });
    expect(sent()).toEqual([
      ['https://erp2.example.ru/api/sync/v1/session', 'GET', 'Bearer typed-token-1'],
    ]);
  });

  it('uses the stored token for the address it was saved for (another path is the same origin)', async () => {
    const { check, sent } = setup();
    await check({ baseUrl: 'https://erp.example.ru/v2/', token: null });
    expect(sent()).toEqual([
      ['https://erp.example.ru/v2/sync/v1/session', 'GET', `Bearer ${STORED}`],
    ]);
  });

  it.each([
    'https://erp.example.ru.evil.example/',
    'https://erp.example.ru:8443/',
    'http://localhost:8787/',
  ])('sends no token to %s when none is typed', async (baseUrl) => {
    const { check, sent } = setup();
    await check({ baseUrl, token: null });
    expect(sent()[0]![2]).toBeUndefined();
  });

  it('scrubs the stored token from an answer that has it, though it was not sent there', async () => {
    // A proxy or server that already knows the token echoes it back.
    const { check } = setup(() => JSON.stringify({ error: { message: `bad ${STORED}` } }));
    const result = await check({ baseUrl: 'https://erp2.example.ru/', token: 'typed-token-1' });
    expect(JSON.stringify(result)).not.toContain(STORED);
    expect(result).toMatchObject({
      ok: true,
      value: { body: { error: { message: 'bad [redacted]' } } },
    });
  });
});

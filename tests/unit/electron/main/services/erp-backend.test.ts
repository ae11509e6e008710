import { describe, expect, it, vi } from 'vitest';
import { ok } from '@shared/host/result';
import { defaultSettings, type ErpSettings } from '@shared/host/schemas';
import {
  chooseErpBackend,
  kindInUse,
  redmineEndpoint,
  type ErpBackend,
} from '../../../../../electron/main/services/erp-backend';

function fakeBackend(name: string): ErpBackend {
  const answer = async () => ok({ status: 200, body: name, retryAfterSeconds: null });
  return {
    session: answer,
    push: answer,
    changes: answer,
    blobParts: answer,
    putBlobPart: answer,
    getBlob: async () =>
      ok({ status: 200, body: name, retryAfterSeconds: null, bytes: null, contentRange: null }),
  };
}

const erp = (change: Partial<ErpSettings>): ErpSettings => ({
  ...defaultSettings().erp,
  ...change,
});

describe('which backend answers', () => {
  it('asks the settings on every request, so a change applies without a restart', async () => {
    let settings = erp({ mode: 'configured', baseUrl: 'https://r.example/', kind: 'prokontakt' });
    const backend = chooseErpBackend(() => kindInUse(settings), {
      prokontakt: fakeBackend('contract 2'),
      redmine: fakeBackend('redmine'),
    });
    expect(await backend.session()).toMatchObject({ value: { body: 'contract 2' } });
    settings = { ...settings, kind: 'redmine' };
    expect(await backend.changes({ cursor: null, limit: 10 })).toMatchObject({
      value: { body: 'redmine' },
    });
  });

  it.each([
    // The embedded demo speaks contract 2 whatever kind was chosen for a configured address.
    [erp({ mode: 'demo', kind: 'redmine' }), 'prokontakt'],
    [erp({ mode: 'unset', kind: 'redmine' }), 'prokontakt'],
    [erp({ mode: 'configured', baseUrl: 'https://r.example/', kind: 'redmine' }), 'redmine'],
  ] as const)('%j speaks %s', (settings, kind) => {
    expect(kindInUse(settings)).toBe(kind);
  });
});

describe('the Redmine endpoint', () => {
  it('is the address, the key stored for exactly its origin, and the mapping', async () => {
    const keyFor = vi.fn(async (origin: string) =>
      origin === 'https://r.example' ? 'key-0123' : null,
    );
    const settings = erp({ mode: 'configured', baseUrl: 'https://r.example/x/', kind: 'redmine' });
    expect(await redmineEndpoint(settings, keyFor)).toEqual({
      baseUrl: 'https://r.example/x/',
      apiKey: 'key-0123',
      mapping: settings.redmineMapping,
    });
    expect(await redmineEndpoint(erp({ mode: 'demo' }), keyFor)).toBeNull();
  });
});

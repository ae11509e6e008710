import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialStatus, type SyncErrorKind, type SyncStatus } from '@shared/sync/status';
import { connectionView } from '../../../../renderer/features/sync/connection-view';

const failed = (kind: SyncErrorKind) => ({ kind, message: kind, at: '2026-12-07T09:00:00.000Z' });

describe('the header reads the connection one way', () => {
  const base: SyncStatus = { ...initialStatus(), lastSuccessAt: '2026-12-07T08:55:00.000Z' };

  it.each<[string, SyncStatus, ReturnType<typeof connectionView>]>([
    ['before the first exchange', initialStatus(), { state: 'checking', showError: true }],
    ['the ERP answered', { ...base, connection: 'online' }, { state: 'online', showError: true }],
    [
      'the network dropped',
      { ...base, connection: 'offline', lastError: failed('offline') },
      // «Нет сети» says it; «нет связи с ERP» beside it would only push the header's links out.
      { state: 'offline', showError: false },
    ],
    // The OS says the network is back; nothing has reached the ERP yet.
    [
      'the OS says online, no attempt yet',
      { ...base, connection: 'online', lastError: failed('offline') },
      { state: 'offline', showError: false },
    ],
    [
      'the ERP did not answer in time',
      { ...base, connection: 'offline', lastError: failed('timeout') },
      { state: 'offline', showError: true },
    ],
    [
      'the OS says online, a sync is trying',
      { ...base, connection: 'online', running: true, lastError: failed('timeout') },
      { state: 'checking', showError: false },
    ],
    [
      'the ERP reached but refused the token',
      { ...base, connection: 'online', lastError: failed('unauthorized') },
      { state: 'online', showError: true },
    ],
    [
      'the connection came back and a sync went through',
      { ...base, connection: 'online', lastError: null },
      { state: 'online', showError: true },
    ],
  ])('%s', (_, status, expected) => {
    expect(connectionView(status)).toEqual(expected);
  });

  it('never says online beside an error in which the ERP was not reached', () => {
    const kinds: SyncErrorKind[] = ['offline', 'timeout', 'tls', 'not_configured', 'server_busy'];
    fc.assert(
      fc.property(
        fc.constantFrom<SyncStatus['connection']>('online', 'offline', 'unknown'),
        fc.boolean(),
        fc.option(fc.constantFrom(...kinds), { nil: null }),
        (connection, running, kind) => {
          const status = { ...base, connection, running, lastError: kind && failed(kind) };
          const view = connectionView(status);
          const unreachedShown = view.showError && kind !== null && kind !== 'server_busy';
          expect(view.state === 'online' && unreachedShown).toBe(false);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ok, fail } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import { initialStatus, type SyncStatus } from '@shared/sync/status';
import type { SignedInUser } from '../../../../renderer/db/repos/meta';
import {
  createIdentityRefresher,
  IDENTITY_MAX_AGE_MS,
} from '../../../../renderer/features/identity/identity-refresh';

// "Who am I": when the app asks the ERP whose the token is, and what it keeps of the answer.

const T0 = Date.parse('2026-11-25T07:00:00Z');
const session = (id: string, name: string) =>
  ok<ErpResponse>({
    status: 200,
    body: { user: { id, name }, serverTime: '2026-11-25T07:00:01Z', protocolVersion: 1 },
    retryAfterSeconds: null,
  });

function harness() {
  let now = T0;
  const asked: number[] = [];
  const saved: SignedInUser[] = [];
  let answer = session('andreev', 'Андреев Павел');
  const refresher = createIdentityRefresher({
    askSession: async () => {
      asked.push(now);
      return answer;
    },
    save: async (me) => {
      saved.push(me);
    },
    now: () => now,
  });
  const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...initialStatus(), ...patch });
  const ok = status({ lastSuccessAt: '2026-11-25T07:00:00Z' });
  const failed = status({ lastError: { kind: 'offline', message: 'no network', at: '' } });
  return {
    refresher,
    asked,
    saved,
    ok,
    failed,
    running: status({ running: true }),
    answer: (next: typeof answer) => (answer = next),
    advance: (ms: number) => (now += ms),
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

describe('who am I', () => {
  it('stores the ERP’s answer with the moment it was given', async () => {
    const h = harness();
    expect(await h.refresher.refresh()).toEqual({
      kind: 'known',
      me: { id: 'andreev', name: 'Андреев Павел', checkedAt: '2026-11-25T07:00:00.000Z' },
    });
    expect(h.saved).toHaveLength(1);
  });

  it('asks on the first successful sync, again after a failed one, and not on every sync', async () => {
    const h = harness();
    h.refresher.onSyncStatus(h.running);
    h.refresher.onSyncStatus(h.ok);
    await h.settle();
    h.refresher.onSyncStatus(h.ok);
    h.refresher.onSyncStatus(h.ok);
    await h.settle();
    expect(h.asked).toHaveLength(1);
    // A new connection (possibly another address or token): asked again.
    h.refresher.onSyncStatus(h.failed);
    h.refresher.onSyncStatus(h.ok);
    await h.settle();
    expect(h.asked).toHaveLength(2);
  });

  it('asks again once the last answer is older than its age limit', async () => {
    const h = harness();
    h.refresher.onSyncStatus(h.ok);
    await h.settle();
    h.advance(IDENTITY_MAX_AGE_MS);
    h.refresher.onSyncStatus(h.ok);
    await h.settle();
    expect(h.asked).toHaveLength(1);
    h.advance(1);
    h.answer(session('belova', 'Белова Марина'));
    h.refresher.onSyncStatus(h.ok);
    await h.settle();
    expect(h.saved.map((me) => me.id)).toEqual(['andreev', 'belova']);
  });

  it('sends one request for calls that overlap', async () => {
    const h = harness();
    const [first, second] = await Promise.all([h.refresher.refresh(), h.refresher.refresh()]);
    expect(first).toEqual(second);
    expect(h.asked).toHaveLength(1);
  });

  it.each([
    ['no answer', fail<ErpResponse>('erp_unreachable', 'ECONNREFUSED'), 'erp_unreachable'],
    [
      'a refused token',
      ok<ErpResponse>({
        status: 401,
        body: { error: { code: 'unauthorized', message: 'no' } },
        retryAfterSeconds: null,
      }),
      'HTTP 401',
    ],
    [
      'an answer that is not contract 2',
      ok<ErpResponse>({ status: 200, body: { user: { id: 'x' } }, retryAfterSeconds: null }),
      'session answer: user.name',
    ],
  ])('keeps what it knew after %s, and says why', async (_case, answer, reason) => {
    const h = harness();
    await h.refresher.refresh();
    h.answer(answer);
    expect(await h.refresher.refresh()).toEqual({
      kind: 'unknown',
      reason: expect.stringContaining(reason),
    });
    expect(h.saved.map((me) => me.id)).toEqual(['andreev']);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { PushRequest } from '../../../../shared/erp/protocol';
import { ok } from '../../../../shared/host/result';
import type { ErpPort } from '../../../../shared/sync/erp-transport';
import { createErpGate } from '../../../../renderer/features/sync/erp-gate';

/*
 * An ERP switch holds the gate so nothing of this window's database reaches the next ERP: what is
 * under way finishes first, what comes later waits, and a failed switch lets it all go on.
 */

const answer = ok({ status: 200, body: null, retryAfterSeconds: null });
const push = { protocolVersion: 1, deviceId: 'd', commands: [] } as unknown as PushRequest;

function controllable() {
  const pending: Array<() => void> = [];
  const calls: string[] = [];
  const port: ErpPort = {
    push: vi.fn(async () => {
      calls.push('push');
      await new Promise<void>((resolve) => pending.push(resolve));
      return answer;
    }),
    changes: vi.fn(async () => {
      calls.push('changes');
      return answer;
    }),
  };
  return { port, pending, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the ERP gate', () => {
  it('waits for the exchange under way before it is held', async () => {
    const { port, pending } = controllable();
    const gate = createErpGate(port);
    const inFlight = gate.port.push(push);
    await settle();
    let held = false;
    const holding = gate.hold().then((release) => {
      held = true;
      return release;
    });
    await settle();
    expect(held).toBe(false);
    pending.shift()!();
    await expect(inFlight).resolves.toEqual(answer);
    (await holding)();
    expect(held).toBe(true);
  });

  it('holds later exchanges until released, and then sends them, none failing', async () => {
    const { port, calls } = controllable();
    const gate = createErpGate(port);
    const release = await gate.hold();
    const waiting = gate.port.changes({ cursor: null, limit: 10 });
    await settle();
    expect(calls).toEqual([]);
    release();
    await expect(waiting).resolves.toEqual(answer);
    expect(calls).toEqual(['changes']);
  });

  it('lets a second hold wait for the first to be released', async () => {
    const { port } = controllable();
    const gate = createErpGate(port);
    const first = await gate.hold();
    let second = false;
    const next = gate.hold().then((release) => {
      second = true;
      return release;
    });
    await settle();
    expect(second).toBe(false);
    first();
    first(); // a second release of the same hold changes nothing
    (await next)();
    expect(second).toBe(true);
    await expect(gate.port.changes({ cursor: null, limit: 1 })).resolves.toEqual(answer);
  });
});

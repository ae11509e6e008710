import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PushRequest, PushResponse } from '../../../../shared/erp/protocol';
import { createSyncEngine } from '../../../../shared/sync/engine';
import type { SyncTransport, TransportResult } from '../../../../shared/sync/ports';
import { createMemoryStore, createTestClock } from '../../../fixtures/sync/fakes';
import { createManualTimer } from '../../../fixtures/sync/manual-timer';
import { uuid } from './engine-harness';

type Fault = 'ok' | 'lose-request' | 'lose-response' | 'busy' | 'late' | 'twice';

/** The ERP's push rules in miniature: idempotent by command id, contiguous seq per device. */
function miniErp() {
  const applied: string[] = [];
  const known = new Set<string>();
  let lastSeq = 0;
  const late: PushRequest[] = [];
  const apply = (request: PushRequest): TransportResult<PushResponse> => {
    let seq = lastSeq;
    for (const c of request.commands) {
      if (!known.has(c.commandId) && c.seq > seq + 1) {
        return { ok: false, failure: { kind: 'gap', lastSeq, message: 'gap' } };
      }
      if (!known.has(c.commandId)) seq = Math.max(seq, c.seq);
    }
    const results = request.commands.map((c) => {
      if (known.has(c.commandId))
        return { commandId: c.commandId, seq: c.seq, status: 'duplicate' as const };
      known.add(c.commandId);
      applied.push(c.commandId);
      lastSeq = Math.max(lastSeq, c.seq);
      return { commandId: c.commandId, seq: c.seq, status: 'applied' as const };
    });
    return { ok: true, value: { lastSeq, results, serverTime: '2026-11-25T10:00:00Z' } };
  };
  return { applied, apply, late };
}

describe('random interleavings of user actions, syncs and faults', () => {
  it('never lose a command, never apply one twice, keep the order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('act', 'act', 'sync', 'settle', 'deliver-late'), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(
          fc.constantFrom<Fault>(
            'ok',
            'ok',
            'lose-request',
            'lose-response',
            'busy',
            'late',
            'twice',
          ),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 4 }),
        async (steps, faults, batchSize) => {
          const erp = miniErp();
          const memory = createMemoryStore();
          const clock = createTestClock();
          memory.state.meta.clockOffset = { offsetMs: 0, rttMs: 1, measuredAt: clock.now() };
          let exchange = 0;
          let healed = false;
          const transport: SyncTransport = {
            async push(request) {
              await Promise.resolve();
              const fault = healed
                ? 'ok'
                : (faults[exchange++ % Math.max(1, faults.length)] ?? 'ok');
              const lost = {
                ok: false as const,
                failure: { kind: 'network' as const, message: 'lost' },
              };
              switch (fault) {
                case 'lose-request':
                  return lost;
                case 'lose-response':
                  erp.apply(request);
                  return lost;
                case 'busy':
                  return {
                    ok: false,
                    failure: {
                      kind: 'http',
                      status: 503,
                      retryAfterMs: 1000,
                      code: 'busy',
                      message: 'busy',
                    },
                  };
                case 'late':
                  erp.late.push(structuredClone(request));
                  return { ok: false, failure: { kind: 'timeout', message: 'late' } };
                case 'twice':
                  erp.apply(request);
                  return erp.apply(request);
                default:
                  return erp.apply(request);
              }
            },
            pullChanges: async (cursor) => ({
              ok: true,
              value: { changes: [], nextCursor: cursor ?? 'c', hasMore: false },
            }),
          };
          const timer = createManualTimer();
          const engine = createSyncEngine({
            transport,
            store: memory.store,
            clock,
            random: { next: () => 0.5 },
            timer: timer.timer,
            options: { batchSize },
          });
          const issued: string[] = [];
          const running: Array<Promise<unknown>> = [];
          for (const step of steps) {
            if (step === 'act') {
              const id = uuid(issued.length + 1);
              issued.push(id);
              memory.enqueue(id);
            } else if (step === 'sync') running.push(engine.syncNow());
            else if (step === 'settle') await Promise.all(running.splice(0));
            else for (const request of erp.late.splice(0)) erp.apply(request);
          }
          await Promise.all(running.splice(0));
          healed = true;
          for (const request of erp.late.splice(0)) erp.apply(request);
          for (let i = 0; i < 10 && memory.state.outbox.length > 0; i++) await engine.syncNow();
          expect(memory.state.outbox).toEqual([]);
          expect(erp.applied).toEqual(issued);
          expect(memory.state.acks.every((a) => a.outcome === 'done')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

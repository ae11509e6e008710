import { createSyncEngine, type SyncEngineOptions } from '../../../../shared/sync/engine';
import type { SyncEvent } from '../../../../shared/sync/status';
import {
  createMemoryStore,
  createScriptedTransport,
  createTestClock,
} from '../../../fixtures/sync/fakes';
import { createManualTimer } from '../../../fixtures/sync/manual-timer';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Engine + memory store + scripted transport + hand-moved clock and timers. */
export function engineHarness(
  options: SyncEngineOptions & { measured?: boolean; random?: number } = {},
) {
  const memory = createMemoryStore();
  const net = createScriptedTransport();
  const clock = createTestClock();
  const timer = createManualTimer();
  if (options.measured !== false) {
    memory.state.meta.clockOffset = { offsetMs: 0, rttMs: 5, measuredAt: clock.now() };
  }
  const engine = createSyncEngine({
    transport: net.transport,
    store: memory.store,
    clock,
    random: { next: () => options.random ?? 0.5 },
    timer: timer.timer,
    options,
  });
  const events: SyncEvent[] = [];
  engine.subscribe((event) => events.push(event));
  return { memory, net, clock, timer, engine, events };
}

// The bench page: the real client in real Chromium, driven by tests/bench/sync-chromium.ts.
import { createTicketActions } from '../../../../renderer/db/repos/ticket-actions';
import type { NoopResult, PullResult, PushResult, RecordResult, SyncBenchApi } from '../protocol';
import { freeTicketIds, planBacklog, ticketsNeeded } from './backlog';
import { startHeapSampler } from './heap-sampler';
import { idbYardstick } from './idb-yardstick';
import { naivePull, naivePush } from './naive-client';
import { appDb, dropDb, openRealClient } from './real-client';

async function mustSync(run: Promise<{ ok: boolean; error?: { message: string } }>) {
  const result = await run;
  if (!result.ok) throw new Error(`sync failed: ${result.error?.message ?? 'unknown error'}`);
}

async function pull({ db, pageSize }: { db: string; pageSize: number }): Promise<PullResult> {
  const client = openRealClient(db, { pageSize });
  const sampler = startHeapSampler();
  client.onStep = () => sampler.step();
  const started = performance.now();
  await mustSync(client.engine.syncNow());
  const ms = performance.now() - started;
  const heap = sampler.stop();
  client.dispose();
  return {
    ms,
    openStoredMs: client.times.lastOpenPageAt - started,
    pages: client.times.pages,
    tickets: await client.db.tickets.count(),
    transportMs: client.times.transportMs,
    storeMs: client.times.storeMs,
    heap,
  };
}

async function record(input: { db: string; commands: number }): Promise<RecordResult> {
  const db = appDb(input.db);
  const ids = await freeTicketIds(db, ticketsNeeded(input.commands));
  const plan = planBacklog(ids, input.commands);
  // Offline: nothing is told to sync, the commands only pile up in the outbox.
  // The author is the app's own default: the signed-in user, or this device's user before that.
  const actions = createTicketActions(db, {});
  const sampler = startHeapSampler();
  const started = performance.now();
  let substituted = 0;
  for (const [n, action] of plan.entries()) {
    const result =
      action.type === 'create'
        ? await actions.create(action.input)
        : await actions.perform(action.type, action.ticketId, action.payload);
    if (result.ok && result.commandId !== null) {
      sampler.step();
      continue;
    }
    substituted++;
    const fallback = action.type === 'create' ? ids[0]! : action.ticketId;
    const comment = await actions.perform('comment', fallback, { text: `Комментарий ${n}` });
    if (!comment.ok) throw new Error(`could not record action ${n}: ${comment.error.message}`);
    sampler.step();
  }
  const ms = performance.now() - started;
  const commands = await db.outbox.count();
  return { ms, commands, substituted, heap: sampler.stop() };
}

async function push({ db }: { db: string }): Promise<PushResult> {
  const client = openRealClient(db);
  const sampler = startHeapSampler();
  client.onStep = () => sampler.step();
  const started = performance.now();
  await mustSync(client.engine.syncNow());
  const syncMs = performance.now() - started;
  const heap = sampler.stop();
  client.dispose();
  return {
    pushMs: client.times.lastAckAt - started,
    syncMs,
    batches: client.times.ackBatches,
    transportMs: client.times.transportMs,
    storeMsByMethod: client.times.storeByMethod,
    outboxLeft: await client.db.outbox.count(),
    deadLetters: await client.db.deadLetters.count(),
    heap,
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

async function noop(input: { db: string; runs: number; gapMs: number }): Promise<NoopResult> {
  const { db, runs, gapMs } = input;
  const client = openRealClient(db);
  // One unmeasured run, so an offset re-measurement or a leftover change cannot land in the runs.
  await mustSync(client.engine.syncNow());
  client.resetTimes();
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    await pause(gapMs);
    const started = performance.now();
    await mustSync(client.engine.syncNow());
    runsMs.push(performance.now() - started);
  }
  client.dispose();
  const { times } = client;
  const storeMsPerRun = Object.fromEntries(
    Object.entries(times.storeByMethod).map(([name, ms]) => [name, ms / runs]),
  );
  return {
    runsMs,
    requestsPerRun: times.requests / runs,
    transportMsPerRun: times.transportMs / runs,
    storeMsPerRun,
  };
}

const api: SyncBenchApi = {
  yardstick: ({ db, rows }) => idbYardstick(db, rows),
  pull,
  naivePull: ({ db, pageSize }) => naivePull(db, pageSize),
  record,
  push,
  noop,
  naivePush,
  drop: dropDb,
};
window.syncBench = api;

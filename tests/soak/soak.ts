import { z } from 'zod';
import type { ProxyFault } from '../fixtures/tcp-proxy';
import { openDevice, type Device } from '../fixtures/sync/device';
import { startErpHarness, USERS, type ErpHarness } from '../fixtures/sync/erp-harness';
import { findProblems } from '../fixtures/sync/invariants';
import { createPrng, type Prng } from '../fixtures/sync/prng';
import { randomUserAction } from './random-actions';

export const soakOptionsSchema = z.strictObject({
  seed: z.number().int().nonnegative(),
  runs: z.number().int().min(1).max(100_000),
  /** Random steps per run (actions, syncs, crashes, server faults). */
  steps: z.number().int().min(1).max(100_000).default(80),
});
export type SoakOptions = z.input<typeof soakOptionsSchema>;

export interface SoakReport {
  runs: number;
  issued: number;
  deadLetters: number;
  /** Problems found, each prefixed with the seed that reproduces it. */
  problems: string[];
}

/** Faults of a flapping network: most exchanges pass, some break in every way the proxy can. */
function flapping(prng: Prng): (index: number) => ProxyFault | null {
  return () => {
    if (!prng.chance(0.25)) return null;
    return prng.pick<ProxyFault>([
      { kind: 'refuse' },
      { kind: 'reset-after-request' },
      { kind: 'cut-after-headers' },
      { kind: 'cut-response', afterBytes: prng.int(1, 400) },
      { kind: 'cut-request', afterBytes: prng.int(1, 400) },
      { kind: 'delay-response', ms: prng.int(1, 40) },
    ]);
  };
}

/**
 * Three devices of three engineers act at random over a flapping proxy, with server faults,
 * crashes, deletions and change-log compactions (expired cursors) thrown in; then the network
 * heals and the invariants must hold.
 */
export async function runSoak(
  input: SoakOptions,
  log: (line: string) => void = () => {},
): Promise<SoakReport> {
  const options = soakOptionsSchema.parse(input);
  const harness = await startErpHarness({ seedTickets: 15 });
  const report: SoakReport = { runs: 0, issued: 0, deadLetters: 0, problems: [] };
  try {
    for (let run = 0; run < options.runs; run++) {
      const seed = options.seed + run;
      const problems = await soakRun(harness, seed, options.steps);
      report.runs++;
      report.problems.push(...problems.problems.map((p) => `seed ${seed}: ${p}`));
      report.issued += problems.issued;
      report.deadLetters += problems.deadLetters;
      log(
        `run ${run + 1}/${options.runs} (seed ${seed}): ${problems.issued} commands, ${problems.deadLetters} dead letters, ${problems.problems.length} problems`,
      );
    }
  } finally {
    await harness.close();
  }
  return report;
}

async function soakRun(harness: ErpHarness, seed: number, steps: number) {
  const prng = createPrng(seed);
  const devices: Device[] = (['a', 'b', 'c'] as const).map((user) =>
    openDevice({
      name: `soak-${seed}-${user}`,
      token: USERS[user].token,
      baseUrl: harness.proxy.url,
      timeoutMs: 2_000,
      seed,
      // Tiny pages and batches most of the time: more boundaries, more ways to go wrong.
      engine: {
        batchSize: prng.pick([1, 2, 3, 10, 500]),
        pageSize: prng.pick([1, 2, 3, 7, 50, 500]),
      },
    }),
  );
  for (const device of devices) {
    await device.syncUntilSettled();
    // Each device knows whose it is, as the app does once connected: takes and hand-overs are
    // then decided locally as the ERP will decide them.
    await device.whoAmI();
  }
  harness.proxy.setChooser(flapping(prng));
  const inFlight: Array<Promise<unknown>> = [];
  for (let step = 0; step < steps; step++) {
    const index = prng.int(0, devices.length - 1);
    const device = devices[index]!;
    const roll = prng.next();
    if (roll < 0.55) await randomUserAction(device, prng);
    else if (roll < 0.85) inFlight.push(device.engine.syncNow());
    else if (roll < 0.9) await Promise.allSettled(inFlight.splice(0));
    else if (roll < 0.93) devices[index] = await device.crash();
    else if (roll < 0.95) {
      const ids = await device.db.tickets.toCollection().primaryKeys();
      if (ids.length > 0) await harness.erp.deleteTicket(prng.pick(ids));
    } else if (prng.chance(0.2)) {
      // Expires every cursor issued so far: devices go through a full resync.
      await harness.erp.compact();
    } else {
      harness.erp.faults.set(
        prng.pick([
          { serverErrors: 1 },
          { retryAfter: 1, retryAfterSeconds: 0 },
          { resetAfterCommit: 1 },
          { truncateResponse: 1 },
          { resetBeforeCommit: 1 },
        ]),
      );
    }
  }
  // The network heals; everything must converge.
  await Promise.allSettled(inFlight.splice(0));
  harness.proxy.setChooser(null);
  harness.erp.faults.reset();
  const problems: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const device of devices) {
      const last = (await device.syncUntilSettled()).at(-1);
      if (pass === 1 && !last?.ok)
        problems.push(`${device.options.name}: does not settle: ${JSON.stringify(last)}`);
    }
  }
  problems.push(...(await findProblems(devices, await harness.snapshot())));
  let issued = 0;
  let deadLetters = 0;
  for (const device of devices) {
    issued += device.ledger.issued.size;
    deadLetters += await device.db.deadLetters.count();
    device.close();
  }
  return { problems, issued, deadLetters };
}

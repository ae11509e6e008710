import { expect, it } from 'vitest';
import { runSoak } from '../../soak/soak';

// The same fuzz as `npm run test:soak`, on a small budget: three devices, a flapping proxy,
// server faults and crashes; the invariants must hold after every run.
it('seeded soak (short)', async () => {
  const report = await runSoak({ seed: 20_261_125, runs: 2, steps: 120 });
  expect(report.problems).toEqual([]);
  expect(report.issued).toBeGreaterThan(20);
}, 60_000);

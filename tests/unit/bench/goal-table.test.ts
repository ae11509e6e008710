import { describe, expect, it } from 'vitest';
import { parseBenchAllFlags } from '../../bench/support/bench-all-flags';
import { benchScripts, selectScripts } from '../../bench/support/bench-scripts';
import { GOAL_LINE_PREFIX, type GoalResult } from '../../bench/support/goal-report';
import { renderTable, rowsOfRun, summarize, type BenchRun } from '../../bench/support/goal-table';

const vsMoment: GoalResult = {
  bench: 'bench',
  goal: 'SLA engine: 1,000× moment-business-time',
  figure: 562_000,
  contender: 500,
  contenderName: 'moment-business-time',
  bar: 1000,
  kind: 'minRatio',
  unit: 'evaluations/s',
};
const openFirst: GoalResult = {
  bench: 'bench:sync',
  goal: 'every open ticket stored, 50,000 tickets',
  figure: 5.4,
  contender: null,
  contenderName: null,
  bar: 5,
  kind: 'max',
  unit: 's',
};

const line = (result: GoalResult): string => `${GOAL_LINE_PREFIX}${JSON.stringify(result)}`;
const run = (over: Partial<BenchRun>): BenchRun => ({
  script: 'bench',
  exitCode: 0,
  signal: null,
  stdout: '',
  logPath: '/logs/bench.log',
  durationMs: 1000,
  loadBefore: 1.5,
  loadAfter: 3.25,
  ...over,
});

describe('the bench:all table', () => {
  it('lists each goal a benchmark printed among its prose, judged met or not, with the load around it', () => {
    const rows = rowsOfRun(
      run({
        stdout: [
          'SLA benchmark',
          line(vsMoment),
          'OK',
          line({ ...vsMoment, figure: 400_000 }),
        ].join('\n'),
      }),
    );
    expect(rows.map((row) => (row.kind === 'goal' ? [row.ratio, row.met] : row.kind))).toEqual([
      [1124, true],
      [800, false],
    ]);
    const table = renderTable(rows);
    // The ratio, the bar and the load are what a reader compares; figures keep their unit.
    expect(table).toContain(
      '| bench | SLA engine: 1,000× moment-business-time | 562,000 evaluations/s | moment-business-time: 500 evaluations/s | 1,124× | ≥ 1,000× | **met** | 1.5 → 3.3 |',
    );
    expect(table).toContain('| 800× | ≥ 1,000× | not met |');
    expect(summarize(rows)).toBe('1 of 2 goals met; no benchmark failed');
  });

  it('shows an absolute goal without a contender, and a bar it misses', () => {
    const [row] = rowsOfRun(run({ script: 'bench:sync', stdout: line(openFirst) }));
    expect(renderTable(row ? [row] : [])).toContain(
      '| bench:sync | every open ticket stored, 50,000 tickets | 5.40 s | — | — | ≤ 5.00 s | not met |',
    );
  });

  it('makes a failed benchmark a row that names it and its log, keeping the goals it printed', () => {
    const rows = rowsOfRun(run({ exitCode: 1, stdout: line(vsMoment) }));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ kind: 'problem', script: 'bench' });
    expect(renderTable(rows)).toContain('FAILED (exit 1)');
    expect(renderTable(rows)).toContain('/logs/bench.log');
    expect(summarize(rows)).toBe('1 of 1 goals met; FAILED: bench');
    const killed = rowsOfRun(run({ exitCode: null, signal: 'SIGKILL' }));
    expect(renderTable(killed)).toContain('FAILED (killed by SIGKILL)');
  });

  it('says when a benchmark ran without goal lines, or printed a malformed one', () => {
    const silent = rowsOfRun(run({ script: 'bench:queue', stdout: 'queue at 50,000: …' }));
    expect(renderTable(silent)).toContain(
      '| bench:queue | ran, but printed no goal line: not yet measured in this table',
    );
    const broken = rowsOfRun(run({ stdout: `${GOAL_LINE_PREFIX}{"bench":"bench"}` }));
    expect(renderTable(broken)).toContain('malformed goal line');
    expect(summarize([...silent, ...broken])).toBe('0 of 0 goals met; no benchmark failed');
  });

  it('keeps a goal text with a pipe inside its own cell', () => {
    const rows = rowsOfRun(run({ stdout: line({ ...openFirst, goal: 'open | paused first' }) }));
    expect(renderTable(rows)).toContain('open \\| paused first');
  });
});

describe('which benchmarks bench:all runs', () => {
  const scripts = {
    build: 'vite build',
    bench: 'tsx run.ts',
    'bench:all': 'tsx all.ts',
    'bench:blobs': 'tsx blob-upload.ts',
    'bench:sync': 'tsx sync.ts',
    'bench:server': 'tsx server.ts',
  };

  it('runs bench and every bench:* but itself and the upload bench that bench already runs', () => {
    expect(benchScripts(scripts)).toEqual([
      { script: 'bench', short: 'sla' },
      { script: 'bench:sync', short: 'sync' },
      { script: 'bench:server', short: 'server' },
    ]);
  });

  it('filters by short or full name, and names what it does not know', () => {
    const available = benchScripts(scripts);
    expect(selectScripts(available, ['server', 'sla']).map((b) => b.script)).toEqual([
      'bench',
      'bench:server',
    ]);
    expect(selectScripts(available, ['bench:sync']).map((b) => b.script)).toEqual(['bench:sync']);
    expect(() => selectScripts(available, ['sync', 'quue'])).toThrow(
      '--only names no benchmark called "quue"; the benchmarks are: sla, sync, server',
    );
  });

  it('validates its flags and says which one is wrong', () => {
    expect(parseBenchAllFlags(['--only', 'sync, queue'])).toEqual({
      only: ['sync', 'queue'],
      help: false,
    });
    expect(parseBenchAllFlags(['--log-dir', '/tmp/x'])).toEqual({ logDir: '/tmp/x', help: false });
    expect(() => parseBenchAllFlags(['--only', 'sync,,queue'])).toThrow(
      /^--only: a benchmark name/,
    );
    expect(() => parseBenchAllFlags(['--only', 'Sync'])).toThrow(/^--only: a benchmark name/);
    expect(() => parseBenchAllFlags(['--log-dir', ' '])).toThrow(/^--log-dir: needs a folder/);
    expect(() => parseBenchAllFlags(['--onyl', 'sync'])).toThrow(/Unknown option '--onyl'/);
    expect(() => parseBenchAllFlags(['sync'])).toThrow(/positional/);
  });
});

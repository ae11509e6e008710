// The one table of `npm run bench:all`: every goal every benchmark printed, judged the same way,
// and a row for each benchmark that failed or printed no goal. Pure: it reads what the runs left.
import { goalRatio, isGoalMet, parseGoalLines, type GoalResult } from './goal-report';

/** What one benchmark script left behind. */
export interface BenchRun {
  script: string;
  /** null when the process ended by a signal. */
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  logPath: string;
  durationMs: number;
  /** One-minute load average (os.loadavg()[0]) just before and just after the run. */
  loadBefore: number;
  loadAfter: number;
}

export type TableRow =
  | {
      kind: 'goal';
      script: string;
      result: GoalResult;
      ratio: number | null;
      met: boolean;
      loadBefore: number;
      loadAfter: number;
    }
  | { kind: 'problem'; script: string; problem: string; loadBefore: number; loadAfter: number };

/** A goal line that does not parse is the benchmark's fault, reported as such, not a crash. */
function goalsOf(run: BenchRun): { goals: GoalResult[]; malformed: string | null } {
  try {
    return { goals: parseGoalLines(run.stdout), malformed: null };
  } catch (error) {
    return { goals: [], malformed: error instanceof Error ? error.message : String(error) };
  }
}

export function rowsOfRun(run: BenchRun): TableRow[] {
  const { script, loadBefore, loadAfter } = run;
  const problem = (text: string): TableRow => ({
    kind: 'problem',
    script,
    problem: `${text} (log: ${run.logPath})`,
    loadBefore,
    loadAfter,
  });
  const { goals, malformed } = goalsOf(run);
  const rows: TableRow[] = goals.map((result) => ({
    kind: 'goal',
    script,
    result,
    ratio: goalRatio(result),
    met: isGoalMet(result),
    loadBefore,
    loadAfter,
  }));
  if (run.exitCode !== 0) {
    const how =
      run.exitCode === null ? `killed by ${run.signal ?? 'a signal'}` : `exit ${run.exitCode}`;
    rows.push(problem(`FAILED (${how}): a correctness check or the run itself failed`));
  }
  if (malformed !== null) rows.push(problem(malformed));
  else if (goals.length === 0 && run.exitCode === 0)
    rows.push(problem('ran, but printed no goal line: not yet measured in this table'));
  return rows;
}

/** 4.6, 1,089, 0.112: three significant figures, thousands separated. */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const withUnit = (value: number, unit: string): string =>
  unit === '×' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`;

function barText(result: GoalResult): string {
  switch (result.kind) {
    case 'max':
      return `≤ ${withUnit(result.bar, result.unit)}`;
    case 'min':
      return `≥ ${withUnit(result.bar, result.unit)}`;
    case 'maxRatio':
      return `≤ ${formatNumber(result.bar)}×`;
    case 'minRatio':
      return `≥ ${formatNumber(result.bar)}×`;
  }
}

const load = (row: TableRow): string =>
  `${row.loadBefore.toFixed(1)} → ${row.loadAfter.toFixed(1)}`;
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A Markdown table, so that the README can keep it as printed. */
export function renderTable(rows: TableRow[]): string {
  const header = [
    '| bench | goal | today | contender | ratio | bar | met | load avg |',
    '| --- | --- | ---: | --- | ---: | ---: | --- | --- |',
  ];
  const lines = rows.map((row) => {
    if (row.kind === 'problem')
      return `| ${row.script} | ${cell(row.problem)} | — | — | — | — | — | ${load(row)} |`;
    const { result } = row;
    const contender =
      result.contender === null
        ? '—'
        : `${result.contenderName ?? 'contender'}: ${withUnit(result.contender, result.unit)}`;
    const ratio = row.ratio === null ? '—' : `${formatNumber(row.ratio)}×`;
    return (
      `| ${result.bench} | ${cell(result.goal)} | ${withUnit(result.figure, result.unit)} | ` +
      `${cell(contender)} | ${ratio} | ${barText(result)} | ${row.met ? '**met**' : 'not met'} | ${load(row)} |`
    );
  });
  return [...header, ...lines].join('\n');
}

export function summarize(rows: TableRow[]): string {
  const goals = rows.filter((row) => row.kind === 'goal');
  const met = goals.filter((row) => row.kind === 'goal' && row.met).length;
  const failed = new Set(
    rows
      .filter((row) => row.kind === 'problem' && row.problem.startsWith('FAILED'))
      .map((row) => row.script),
  );
  return (
    `${met} of ${goals.length} goals met` +
    (failed.size > 0 ? `; FAILED: ${[...failed].join(', ')}` : '; no benchmark failed')
  );
}

// Which npm scripts `npm run bench:all` runs: `bench` and every `bench:*`, so a benchmark joins by
// being added to package.json. Each has a short name for `--only` (`sync` for `bench:sync`).

export interface BenchScript {
  /** The npm script, e.g. `bench:sync`. */
  script: string;
  /** What `--only` calls it: the part after `bench:`, and `sla` for `npm run bench`. */
  short: string;
}

/** Scripts that are not benchmarks of their own: bench:all itself, and parts of another script. */
const NOT_RUN_ALONE: Record<string, string> = {
  'bench:all': 'runs the others',
  // tests/bench/run.ts ends with the attachment upload benchmark; running it again would report
  // its goals twice.
  'bench:blobs': 'part of `npm run bench`',
};

export function benchScripts(scripts: Record<string, string>): BenchScript[] {
  return Object.keys(scripts)
    .filter((name) => (name === 'bench' || name.startsWith('bench:')) && !(name in NOT_RUN_ALONE))
    .map((script) => ({
      script,
      short: script === 'bench' ? 'sla' : script.slice('bench:'.length),
    }));
}

/** The scripts `--only` names, in package.json order; unknown names are an error naming them. */
export function selectScripts(available: BenchScript[], only: string[] | undefined): BenchScript[] {
  if (only === undefined) return available;
  const matches = (b: BenchScript, name: string): boolean =>
    name === b.short || name === b.script || (b.script === 'bench' && name === 'bench');
  const unknown = only.filter((name) => !available.some((b) => matches(b, name)));
  if (unknown.length > 0) {
    const names = available.map((b) => b.short).join(', ');
    throw new Error(
      `--only names no benchmark called ${unknown.map((n) => `"${n}"`).join(', ')}; the benchmarks are: ${names}`,
    );
  }
  return available.filter((b) => only.some((name) => matches(b, name)));
}

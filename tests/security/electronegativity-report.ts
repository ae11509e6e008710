import { z } from 'zod';

/** The report file is not what the tool writes when it works: a damaged or foreign file. */
export class MalformedReportError extends Error {}

/*
 * Reading electronegativity's CSV report and deciding the build. The CLI exits 0 whatever it
 * finds, so this is where a HIGH or MEDIUM finding becomes a failure. CSV, not SARIF: only the CSV
 * carries each finding's severity (SARIF has "note"/"warning", i.e. manual review or not).
 */

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export const FAILING_SEVERITIES: ReadonlySet<Severity> = new Set(['MEDIUM', 'HIGH']);

const HEADER = [
  'issue',
  'severity',
  'confidence',
  'filename',
  'location',
  'sample',
  'description',
  'url',
];

export const findingSchema = z.strictObject({
  issue: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be a check id such as CSP_GLOBAL_CHECK'),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(['TENTATIVE', 'FIRM', 'CERTAIN']),
  filename: z.string().min(1),
  location: z.string().regex(/^\d+:\d+$/, 'must be line:column'),
  sample: z.string(),
  description: z.string().min(1),
  url: z.string().startsWith('https://'),
});
export type Finding = z.output<typeof findingSchema>;
export type Severity = Finding['severity'];

/** RFC 4180 fields: quoted ("" inside quotes) or bare; rows end at CRLF or LF outside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (char === '\r' && text[index + 1] === '\n') index += 1;
    } else field += char;
    index += 1;
  }
  if (quoted) throw new MalformedReportError('the CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** The findings of a report; throws with a message naming the row and field that is wrong. */
export function parseReport(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  const names = header?.map((name) => name.trim());
  if (names === undefined || names.join() !== HEADER.join()) {
    throw new MalformedReportError(
      `unexpected CSV header: expected "${HEADER.join(', ')}", got "${names?.join(', ') ?? ''}"`,
    );
  }
  return rows.map((cells, at) => {
    const line = at + 2;
    if (cells.length !== HEADER.length) {
      throw new MalformedReportError(
        `row ${line}: expected ${HEADER.length} fields, got ${cells.length}`,
      );
    }
    const parsed = findingSchema.safeParse(
      Object.fromEntries(HEADER.map((name, i) => [name, cells[i]])),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new MalformedReportError(`row ${line}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  });
}

export interface Verdict {
  ok: boolean;
  failing: Finding[];
  lines: string[];
}

/** One line per finding, most severe first, and whether the build may pass. */
export function judge(findings: readonly Finding[]): Verdict {
  const sorted = [...findings].sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity),
  );
  const failing = sorted.filter((finding) => FAILING_SEVERITIES.has(finding.severity));
  const lines = sorted.map(
    (f) =>
      `${f.severity.padEnd(13)} ${f.issue} ${f.filename}:${f.location} (${f.confidence}) ${f.description} — ${f.url}`,
  );
  return { ok: failing.length === 0, failing, lines };
}

import { describe, expect, it } from 'vitest';
import { judge, parseCsv, parseReport } from '../../security/electronegativity-report';

// Rows as electronegativity 1.10.3 writes them (header with spaces, N/A unquoted, os.EOL).
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const row = (issue: string, severity: string, sample = '"preload: options.preloadPath,"') =>
  `${issue},"${severity}","FIRM","electron/main/window.ts","30:6",${sample},"Review the use of preload scripts",https://github.com/doyensec/electronegativity/wiki/${issue}`;
const report = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('electronegativity report', () => {
  it('fails the build on a HIGH finding and names it', () => {
    const verdict = judge(parseReport(report(row('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'))));
    expect(verdict.ok).toBe(false);
    expect(verdict.failing.map((finding) => finding.issue)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
    expect(verdict.lines[0]).toMatch(
      /^HIGH +CONTEXT_ISOLATION_JS_CHECK electron\/main\/window\.ts:30:6/,
    );
  });

  it('fails the build on a MEDIUM finding', () => {
    expect(judge(parseReport(report(row('PRELOAD_JS_CHECK', 'MEDIUM')))).ok).toBe(false);
  });

  it('passes LOW and INFORMATIONAL findings, still listing them, most severe first', () => {
    const verdict = judge(
      parseReport(
        report(
          row('ELECTRON_VERSION_JSON_CHECK', 'INFORMATIONAL', 'N/A'),
          row('CSP_GLOBAL_CHECK', 'LOW', `"default-src 'none'; script-src 'self'"`),
        ),
      ),
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.lines.map((line) => line.split(/ +/)[1])).toEqual([
      'CSP_GLOBAL_CHECK',
      'ELECTRON_VERSION_JSON_CHECK',
    ]);
  });

  it('passes an empty report', () => {
    expect(judge(parseReport(`${HEADER}\r\n`))).toEqual({ ok: true, failing: [], lines: [] });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const sample = '"if (a, b) shell.openExternal(""x"")\nnext line"';
    const [finding] = parseReport(report(row('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', sample)));
    expect(finding!.sample).toBe('if (a, b) shell.openExternal("x")\nnext line');
  });

  it.each([
    ['an empty file', '', /unexpected CSV header/],
    ['SARIF instead of CSV', '{"version":"2.1.0","runs":[]}', /unexpected CSV header/],
    [
      'a missing field',
      report('AUXCLICK_JS_CHECK,"MEDIUM","FIRM"'),
      /row 2: expected 8 fields, got 3/,
    ],
    ['an unknown severity', report(row('AUXCLICK_JS_CHECK', 'CRITICAL')), /row 2: severity/],
    [
      'a bad location',
      report(row('X_CHECK', 'LOW').replace('"30:6"', '"here"')),
      /row 2: location: must be line:column/,
    ],
    ['an unterminated quote', `${HEADER}\nX_CHECK,"LOW`, /ends inside a quoted field/],
  ])('refuses %s with an error saying what is wrong', (_label, text, message) => {
    expect(() => parseReport(text)).toThrow(message);
  });
});

describe('parseCsv', () => {
  it('splits rows at LF and CRLF and keeps empty fields', () => {
    expect(parseCsv('a,,"c"\r\nd,e,f\n')).toEqual([
      ['a', '', 'c'],
      ['d', 'e', 'f'],
    ]);
  });
});

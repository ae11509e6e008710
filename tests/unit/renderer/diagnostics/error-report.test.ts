import { describe, expect, it } from 'vitest';
import { diagnosticsLogSchema } from '@shared/host/schemas';
import {
  errorReportText,
  errorSummary,
  failureLogEntry,
  type Failure,
  type FailureContext,
} from '../../../../renderer/features/diagnostics/error-report';

const context: FailureContext = {
  at: new Date('2026-12-08T09:30:00.000Z'),
  appVersion: '0.1.0',
  hostKind: 'electron',
  language: 'ru',
  route: '#/ticket/%E0',
  userAgent: 'Mozilla/5.0 Chrome/140.0.0.0 Electron/45.5.0',
};

function errorWithStack(message: string, frames: string[]): Error {
  const error = new TypeError(message);
  error.stack = [`TypeError: ${message}`, ...frames.map((frame) => `    at ${frame}`)].join('\n');
  return error;
}

const COMPONENTS = '\n    at TicketHeader (ticket.js:1:1)\n    at TicketPage (ticket.js:9:9)';

describe('errorReportText', () => {
  it('says what failed, where, in which version and host, with both stacks', () => {
    const failure: Failure = {
      kind: 'page',
      error: errorWithStack("Cannot read properties of null (reading 'map')", [
        'useTicket (a.js:1:2)',
      ]),
      componentStack: COMPONENTS,
    };
    expect(errorReportText(failure, context)).toBe(
      [
        'PROконтакт Support Desk: a page failed to render',
        'Time: 2026-12-08T09:30:00.000Z',
        'Version: 0.1.0',
        'Host: electron',
        'Language: ru',
        'Route: #/ticket/%E0',
        'Browser: Mozilla/5.0 Chrome/140.0.0.0 Electron/45.5.0',
        "Error: TypeError: Cannot read properties of null (reading 'map')",
        'Stack:',
        '  at useTicket (a.js:1:2)',
        'Components:',
        '  at TicketHeader (ticket.js:1:1)',
        '  at TicketPage (ticket.js:9:9)',
        '',
      ].join('\n'),
    );
  });

  it('redacts secrets an error message or stack quotes', () => {
    const failure: Failure = {
      kind: 'window',
      error: errorWithStack('ERP said 401 to Authorization: Bearer s3cr3t-t0ken', [
        'fetchErp (https://erp.example/api?access_token=abc123:1:1)',
      ]),
      componentStack: null,
    };
    const text = errorReportText(failure, context);
    expect(text).not.toContain('s3cr3t-t0ken');
    expect(text).not.toContain('abc123');
    expect(text).toContain('[redacted]');
  });

  it('keeps the report short: long traces are cut, with the count of what was left out', () => {
    const frames = Array.from({ length: 40 }, (_, i) => `frame${i} (x.js:${i}:1)`);
    const text = errorReportText(
      { kind: 'window', error: errorWithStack('deep', frames), componentStack: null },
      context,
    );
    expect(text).toContain('  at frame14 (x.js:14:1)\n  … 25 more');
    expect(text).not.toContain('frame15');
  });

  it('works before any host or route exists', () => {
    const text = errorReportText(
      { kind: 'start', error: 'i18n did not start', componentStack: null },
      { ...context, hostKind: null, route: '' },
    );
    expect(text).toContain('PROконтакт Support Desk: the app did not start');
    expect(text).toContain('Host: none');
    expect(text).toContain('Route: (none)');
    expect(text).toContain('Error: i18n did not start');
    expect(text).not.toContain('Stack:');
  });
});

describe('errorSummary', () => {
  it.each([
    [new RangeError('Invalid time value'), 'RangeError: Invalid time value'],
    ['a thrown string', 'a thrown string'],
    [42, '42'],
    [
      {
        toString() {
          throw new Error('no');
        },
      },
      'an unprintable value was thrown',
    ],
  ])('summarises %j', (thrown, summary) => {
    expect(errorSummary(thrown)).toBe(summary);
  });
});

describe('failureLogEntry', () => {
  it('is an entry the host accepts, however long the error', () => {
    const failure: Failure = {
      kind: 'page',
      error: errorWithStack('x'.repeat(5_000), ['y'.repeat(30_000)]),
      componentStack: `\n    at ${'z'.repeat(30_000)}`,
    };
    const entry = failureLogEntry(failure, context);
    expect(diagnosticsLogSchema.safeParse(entry).success).toBe(true);
    expect(entry).toMatchObject({ level: 'error', scope: 'render' });
    expect(entry.message).toMatch(/^a page failed to render: TypeError: x+…$/);
  });

  it('files a failed start under "boot", with the route and both stacks in the detail', () => {
    const entry = failureLogEntry(
      {
        kind: 'start',
        error: errorWithStack('no #root', ['renderApp (r.js:1:1)']),
        componentStack: COMPONENTS,
      },
      context,
    );
    expect(entry).toEqual({
      level: 'error',
      scope: 'boot',
      message: 'the app did not start: TypeError: no #root',
      detail: [
        'route: #/ticket/%E0',
        'stack:',
        '  at renderApp (r.js:1:1)',
        'components:',
        '  at TicketHeader (ticket.js:1:1)',
        '  at TicketPage (ticket.js:9:9)',
      ].join('\n'),
    });
  });
});

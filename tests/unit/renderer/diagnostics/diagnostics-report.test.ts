import { describe, expect, it } from 'vitest';
import type { SyncSnapshot } from '../../../../renderer/db/repos/sync-diagnostics';
import {
  buildDiagnosticsReport,
  REPORT_FORMAT,
  reportFileName,
  serializeReport,
  type ReportInput,
} from '../../../../renderer/features/diagnostics/diagnostics-report';
import { initialStatus, type SyncStatus } from '../../../../shared/sync/status';
import { sampleHostDiagnostics } from '../../shared/host/diagnostics-fixture';

const AT = new Date('2026-12-02T19:30:00.000Z');
const TOKEN = 'erp-tok-7Hq2Lm9Zx';

const snapshot = (patch: Partial<SyncSnapshot> = {}): SyncSnapshot => ({
  deviceId: '0190c0de-0000-7000-8000-000000000001',
  cursor: 'eyJwIjo0MiwiZSI6ImRlbW8iLCJnIjowfQ',
  previousCursors: 3,
  resyncActive: false,
  lastSuccessAt: '2026-12-02T19:25:00.000Z',
  clockOffset: { offsetMs: 1_250, rttMs: 40, measuredAt: Date.parse('2026-12-02T19:20:00Z') },
  pending: 2,
  oldestPendingAt: '2026-12-02T19:26:00.000Z',
  deadLetterCount: 1,
  deadLetters: [
    {
      commandId: 'c-1',
      ticketId: 't-1',
      type: 'pause',
      status: 'rejected',
      error: { code: 'invalid_state', message: 'The ticket is already resolved' },
      deadAt: '2026-12-02T19:10:00.000Z',
    },
  ],
  queueSize: 41,
  tickets: 120,
  ...patch,
});

const online: SyncStatus = {
  ...initialStatus(),
  connection: 'online',
  lastSuccessAt: '2026-12-02T19:25:00.000Z',
  pending: 2,
  deadLetters: 1,
};

function input(patch: Partial<ReportInput> = {}): ReportInput {
  return {
    exportedAt: AT,
    language: 'ru',
    rendererVersion: '0.1.0',
    hostKind: 'electron',
    host: { ok: true, value: sampleHostDiagnostics() },
    erpCheck: { state: 'reachable', checkedAt: '2026-12-02T19:29:59.000Z', detail: null },
    status: online,
    store: { ok: true, value: snapshot() },
    ...patch,
  };
}

const fileOf = (value: ReportInput) => JSON.parse(serializeReport(buildDiagnosticsReport(value)));

describe('the diagnostics report', () => {
  it('has every section: app, versions, OS, ERP, sync, queue, log, export time and language', () => {
    const file = fileOf(input());
    expect(file).toMatchObject({
      format: REPORT_FORMAT,
      exportedAt: '2026-12-02T19:30:00.000Z',
      language: 'ru',
      app: { name: 'PROконтакт Support Desk', version: '0.1.0', host: 'electron' },
      versions: { electron: '45.5.0', chrome: '142.0.7444.0', node: '22.20.0' },
      os: { platform: 'linux', release: '6.8.0-45-generic', arch: 'x64' },
      erp: {
        kind: 'configured',
        url: 'https://erp.example.ru/api',
        tokenPresent: true,
        reachability: { state: 'reachable' },
      },
      sync: {
        connection: 'online',
        lastSuccessAt: '2026-12-02T19:25:00.000Z',
        lastSuccessAgeMs: 5 * 60_000,
        deviceId: '0190c0de-0000-7000-8000-000000000001',
        cursor: {
          value: 'eyJwIjo0MiwiZSI6ImRlbW8iLCJnIjowfQ',
          confirmedAt: '2026-12-02T19:25:00.000Z',
          ageMs: 5 * 60_000,
        },
        clockOffset: {
          offsetMs: 1_250,
          roundTripMs: 40,
          measuredAt: '2026-12-02T19:20:00.000Z',
          ageMs: 10 * 60_000,
        },
        pending: { count: 2, oldestAt: '2026-12-02T19:26:00.000Z' },
        deadLetters: {
          count: 1,
          recent: [{ type: 'pause', error: { message: 'The ticket is already resolved' } }],
        },
      },
      queue: { open: 41, tickets: 120 },
      log: { source: 'file', lines: ['2026-12-02T19:29:58.000Z INFO  main starting'] },
      unavailable: [],
    });
  });

  it('never contains a token, wherever one slipped in, and still parses', () => {
    const host = sampleHostDiagnostics({
      erp: { kind: 'configured', url: `https://ivan:${TOKEN}@erp.example.ru/`, tokenPresent: true },
      log: {
        source: 'file',
        location: '/home/ivan/.config/app/logs/main.log',
        lines: [
          `2026-12-02T19:00:00.000Z WARN  erp GET /x?access_token=${TOKEN}: HTTP 401`,
          `2026-12-02T19:00:01.000Z ERROR ipc failed — Authorization: Bearer ${TOKEN}`,
          `2026-12-02T19:00:02.000Z WARN  erp sent "Bearer ${TOKEN}" and {"token":"${TOKEN}"}`,
        ],
        dropped: 0,
      },
    });
    const text = serializeReport(
      buildDiagnosticsReport(
        input({
          host: { ok: true, value: host },
          erpCheck: {
            state: 'error',
            checkedAt: AT.toISOString(),
            detail: `401 for Bearer ${TOKEN}`,
          },
          status: {
            ...online,
            lastError: { kind: 'unauthorized', message: `token=${TOKEN} refused`, at: '' },
          },
          store: {
            ok: true,
            value: snapshot({
              deadLetters: [
                {
                  ...snapshot().deadLetters[0]!,
                  error: { code: 'x', message: `proxy said Basic ${btoa(`ivan:${TOKEN}`)}` },
                },
              ],
            }),
          },
        }),
      ),
    );
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(btoa(`ivan:${TOKEN}`));
    const file = JSON.parse(text);
    expect(file.erp.url).toBe('https://[redacted]@erp.example.ru/');
    expect(file.log.lines).toHaveLength(3);
  });

  it('works with the ERP unreachable: everything local is there, the ERP part says so', () => {
    const file = fileOf(
      input({
        erpCheck: {
          state: 'unreachable',
          checkedAt: AT.toISOString(),
          detail: 'The ERP could not be reached: TypeError: Failed to fetch',
        },
        status: {
          ...online,
          connection: 'offline',
          lastError: { kind: 'offline', message: 'The ERP cannot be reached.', at: '' },
        },
      }),
    );
    expect(file.erp.reachability).toEqual({
      state: 'unreachable',
      checkedAt: AT.toISOString(),
      detail: 'The ERP could not be reached: TypeError: Failed to fetch',
    });
    expect(file.sync.connection).toBe('offline');
    expect(file.sync.pending.count).toBe(2);
    expect(file.sync.lastError.kind).toBe('offline');
    expect(file.app.version).toBe('0.1.0');
    expect(file.log.lines).toHaveLength(1);
  });

  it('keeps what it has when the host or the database could not be read', () => {
    const file = fileOf(
      input({
        hostKind: 'browser',
        host: { ok: false, error: 'internal: diagnostics:host failed inside the host' },
        store: { ok: false, error: 'DatabaseClosedError' },
        erpCheck: { state: 'checking', checkedAt: null, detail: null },
      }),
    );
    expect(file.app).toEqual({
      name: null,
      version: '0.1.0',
      rendererVersion: '0.1.0',
      host: 'browser',
    });
    expect(file.erp).toMatchObject({
      kind: 'unknown',
      url: null,
      reachability: { state: 'unknown' },
    });
    // The engine's own counts stand in for the database's.
    expect(file.sync.pending.count).toBe(2);
    expect(file.sync.deadLetters.count).toBe(1);
    expect(file.unavailable).toEqual([
      { section: 'host', error: 'internal: diagnostics:host failed inside the host' },
      { section: 'database', error: 'DatabaseClosedError' },
    ]);
  });

  it('says how many lines the log file missed (a disk that failed or hung)', () => {
    const sample = sampleHostDiagnostics();
    const host = sampleHostDiagnostics({ log: { ...sample.log, dropped: 3999 } });
    expect(fileOf(input({ host: { ok: true, value: host } })).log.dropped).toBe(3999);
  });

  it('says so when the browser host gave its memory log', () => {
    const host = sampleHostDiagnostics({
      host: 'browser',
      log: { source: 'memory', location: null, lines: [], dropped: null },
    });
    const file = fileOf(input({ host: { ok: true, value: host } }));
    expect(file.log.note).toMatch(/in memory/);
  });

  it('is named after the export time, with characters every file system accepts', () => {
    expect(reportFileName(AT)).toBe('prokontakt-diagnostics-2026-12-02T19-30-00Z.json');
    expect(reportFileName(AT)).not.toMatch(/[:\\/*?"<>|]/);
  });
});

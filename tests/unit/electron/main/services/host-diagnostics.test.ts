import { describe, expect, it } from 'vitest';
import { collectMainDiagnostics } from '../../../../../electron/main/services/host-diagnostics';
import { createLogFile } from '../../../../../electron/main/services/log-file';
import { hostDiagnosticsSchema } from '../../../../../shared/host/diagnostics';
import { createMemoryFiles } from './memory-files';

const TOKEN = 'tok-9f8e7d6c5b4a';

function ports(overrides: Partial<Parameters<typeof collectMainDiagnostics>[0]> = {}) {
  const { files } = createMemoryFiles();
  const log = createLogFile({
    files,
    path: '/userData/logs/main.log',
    now: () => new Date('2026-12-02T19:30:00Z'),
    console: null,
  });
  log.info('main', 'starting');
  log.warn('erp', `GET /sync/v1/changes?token=${TOKEN}: erp_unreachable`);
  return {
    appInfo: {
      name: 'PROконтакт Support Desk',
      version: '0.1.0',
      host: 'electron',
      platform: 'linux',
    },
    versions: { electron: '45.5.0', chrome: '142.0.7444.0', node: '22.20.0' },
    os: { platform: 'linux', release: '6.8.0-45-generic', arch: 'x64' },
    erp: () => ({
      mode: 'configured' as const,
      baseUrl: `https://ivan:${TOKEN}@erp.example.ru/api?token=${TOKEN}#x`,
    }),
    baseUrl: async () => `https://ivan:${TOKEN}@erp.example.ru/api?token=${TOKEN}#x`,
    tokenPresent: async () => true,
    log,
    ...overrides,
  } satisfies Parameters<typeof collectMainDiagnostics>[0];
}

describe('diagnostics:host in main', () => {
  it('answers versions, OS, the ERP without credentials and the log tail, matching the schema', async () => {
    const answer = await collectMainDiagnostics(ports());
    expect(hostDiagnosticsSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({
      app: { name: 'PROконтакт Support Desk', version: '0.1.0' },
      host: 'electron',
      versions: { electron: '45.5.0', chrome: '142.0.7444.0', node: '22.20.0' },
      os: { platform: 'linux', release: '6.8.0-45-generic', arch: 'x64' },
      erp: { kind: 'configured', url: 'https://erp.example.ru/api', tokenPresent: true },
      log: { source: 'file', location: '/userData/logs/main.log' },
    });
    expect(answer.log.lines).toHaveLength(2);
    expect(answer.log.dropped).toBe(0);
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
  });

  it('reports how many lines the log file missed', async () => {
    const answer = await collectMainDiagnostics(
      ports({
        log: { path: '/userData/logs/main.log', tail: async () => [], dropped: () => 3999 },
      }),
    );
    expect(answer.log).toEqual({
      source: 'file',
      location: '/userData/logs/main.log',
      lines: [],
      dropped: 3999,
    });
    expect(hostDiagnosticsSchema.parse(answer)).toEqual(answer);
  });

  it('names the embedded demo ERP when the demo was chosen', async () => {
    const answer = await collectMainDiagnostics(
      ports({
        erp: () => ({ mode: 'demo', baseUrl: null }),
        baseUrl: async () => 'http://127.0.0.1:41234',
      }),
    );
    expect(answer.erp).toEqual({
      kind: 'demo',
      url: 'http://127.0.0.1:41234/',
      tokenPresent: true,
    });
  });

  it('still answers when the secret store and the demo ERP fail', async () => {
    const answer = await collectMainDiagnostics(
      ports({
        erp: () => ({ mode: 'demo', baseUrl: null }),
        baseUrl: async () => {
          throw new Error('the demo ERP did not start');
        },
        tokenPresent: async () => {
          throw new Error('safeStorage unavailable');
        },
      }),
    );
    expect(answer.erp).toEqual({ kind: 'demo', url: null, tokenPresent: null });
    expect(answer.log.lines.length).toBeGreaterThan(0);
  });

  it('says no ERP is chosen yet on a first run, with no address', async () => {
    const answer = await collectMainDiagnostics(
      ports({
        erp: () => ({ mode: 'unset', baseUrl: null }),
        baseUrl: async () => null,
        tokenPresent: async () => false,
      }),
    );
    expect(answer.erp).toEqual({ kind: 'unset', url: null, tokenPresent: false });
    expect(hostDiagnosticsSchema.parse(answer)).toEqual(answer);
  });
});

import type { HostDiagnostics } from '../../../../shared/host/diagnostics';

/** A complete `diagnostics:host` answer for handler spies and report tests. */
export function sampleHostDiagnostics(patch: Partial<HostDiagnostics> = {}): HostDiagnostics {
  return {
    app: { name: 'PROконтакт Support Desk', version: '0.1.0' },
    host: 'electron',
    versions: { electron: '45.5.0', chrome: '142.0.7444.0', node: '22.20.0' },
    os: { platform: 'linux', release: '6.8.0-45-generic', arch: 'x64' },
    erp: { kind: 'configured', url: 'https://erp.example.ru/api', tokenPresent: true },
    log: {
      source: 'file',
      location: '/home/ivan/.config/PROконтакт Support Desk/logs/main.log',
      lines: ['2026-12-02T19:29:58.000Z INFO  main starting'],
      dropped: 0,
    },
    ...patch,
  };
}

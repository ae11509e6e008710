import { vi } from 'vitest';
import type { HostHandlers } from '../../../../shared/host/request-schemas';
import { ok } from '../../../../shared/host/result';
import { defaultSettings } from '../../../../shared/host/schemas';
import { sampleHostDiagnostics } from './diagnostics-fixture';

/** One spy per channel, each answering a well-formed value: for dispatcher and router tests. */
export function spyHandlers(host: 'electron' | 'browser' = 'electron') {
  const snapshot = { settings: defaultSettings(), problem: null };
  const erpAnswer = async () => ok({ status: 200, body: null, retryAfterSeconds: null });
  return {
    'app:info': vi.fn(async () => ok({ name: 'x', version: '0', host, platform: 'linux' })),
    'settings:get': vi.fn(async () => ok(snapshot)),
    'settings:set': vi.fn(async () => ok(snapshot)),
    'secrets:set-erp-token': vi.fn(async () =>
      ok({ present: true, origin: 'https://erp.example.ru', savedAt: '2027-01-12T09:30:00Z' }),
    ),
    'secrets:erp-token-status': vi.fn(async () =>
      ok({ present: false, origin: null, savedAt: null }),
    ),
    'erp:session': vi.fn(erpAnswer),
    'erp:push': vi.fn(erpAnswer),
    'erp:changes': vi.fn(erpAnswer),
    'erp:check': vi.fn(erpAnswer),
    'erp:blob-parts': vi.fn(erpAnswer),
    'erp:blob-put': vi.fn(erpAnswer),
    'erp:blob-get': vi.fn(async () =>
      ok({ status: 200, bytes: new Uint8Array([1]), contentRange: null, body: null }),
    ),
    'alerts:update': vi.fn(async () => ok({ applied: true as const, version: 1, scheduled: 0 })),
    'alerts:mute': vi.fn(async () =>
      ok({
        open: 0,
        warning: 0,
        breached: 0,
        mutedUntil: null,
        quietUntil: null,
        locale: 'ru' as const,
      }),
    ),
    'diagnostics:host': vi.fn(async () => ok(sampleHostDiagnostics())),
    'diagnostics:log': vi.fn(async () => ok({ logged: true })),
  } satisfies HostHandlers;
}

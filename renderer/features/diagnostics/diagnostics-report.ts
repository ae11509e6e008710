import type { HostDiagnostics } from '@shared/host/diagnostics';
import { redactJsonText, redactSecrets } from '@shared/host/redact';
import type { SyncStatus } from '@shared/sync/status';
import type { SyncSnapshot } from '../../db/repos/sync-diagnostics';

/*
 * The §4 "primary diagnostics" file a person attaches to an e-mail: one pretty-printed JSON
 * document. Pure: the page gathers the parts, this module arranges them. A part that could not
 * be read says so in place (and in `unavailable`) instead of failing the whole report, so an
 * export made offline still carries everything that does not need the ERP.
 */

export const REPORT_FORMAT = 'prokontakt-diagnostics/1';
const CURSOR_SHOWN = 200;

/** A part of the report that was read, or why it could not be. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: string };

/** Whether the ERP answered its health check through the host just now. */
export interface ErpCheck {
  state: 'reachable' | 'unreachable' | 'error' | 'checking';
  /** ISO instant of the answer; null while checking. */
  checkedAt: string | null;
  /** Why not reachable, in the host's words (HTTP status, network error). */
  detail: string | null;
}

export interface ReportInput {
  exportedAt: Date;
  language: string;
  /** Built into the renderer, so the version is known even when the host does not answer. */
  rendererVersion: string;
  hostKind: 'electron' | 'browser';
  host: Part<HostDiagnostics>;
  erpCheck: ErpCheck;
  /** The sync engine's own view (in memory: always available). */
  status: SyncStatus;
  store: Part<SyncSnapshot>;
}

export type DiagnosticsReport = ReturnType<typeof buildDiagnosticsReport>;

export function buildDiagnosticsReport(input: ReportInput) {
  const now = input.exportedAt.getTime();
  const ageOf = (iso: string | null) => (iso === null ? null : now - Date.parse(iso));
  const host = input.host.ok ? input.host.value : null;
  const store = input.store.ok ? input.store.value : null;
  const unavailable: Array<{ section: string; error: string }> = [];
  if (!input.host.ok) unavailable.push({ section: 'host', error: input.host.error });
  if (!input.store.ok) unavailable.push({ section: 'database', error: input.store.error });
  const lastSuccessAt = store?.lastSuccessAt ?? input.status.lastSuccessAt;
  const offset = store?.clockOffset ?? null;

  const report = {
    format: REPORT_FORMAT,
    exportedAt: input.exportedAt.toISOString(),
    language: input.language,
    app: {
      name: host?.app.name ?? null,
      version: host?.app.version ?? input.rendererVersion,
      rendererVersion: input.rendererVersion,
      host: host?.host ?? input.hostKind,
    },
    versions: host?.versions ?? null,
    os: host?.os ?? null,
    erp: {
      kind: host?.erp.kind ?? 'unknown',
      url: host?.erp.url ?? null,
      tokenPresent: host?.erp.tokenPresent ?? null,
      reachability: {
        state: input.erpCheck.state === 'checking' ? 'unknown' : input.erpCheck.state,
        checkedAt: input.erpCheck.checkedAt,
        detail: input.erpCheck.detail,
      },
    },
    sync: {
      connection: input.status.connection,
      running: input.status.running,
      lastSuccessAt,
      lastSuccessAgeMs: ageOf(lastSuccessAt),
      lastError: input.status.lastError,
      nextRetryAt: input.status.nextRetryAt,
      deviceId: store?.deviceId ?? null,
      // The cursor is opaque; it was known current at the last successful sync, hence its age.
      cursor: {
        value: store?.cursor ? store.cursor.slice(0, CURSOR_SHOWN) : null,
        confirmedAt: lastSuccessAt,
        ageMs: ageOf(lastSuccessAt),
        previousKept: store?.previousCursors ?? null,
        fullResyncRunning: store?.resyncActive ?? null,
      },
      // offsetMs = ERP clock − this computer's clock, measured by the sync engine.
      clockOffset:
        offset === null
          ? null
          : {
              offsetMs: offset.offsetMs,
              roundTripMs: offset.rttMs,
              measuredAt: new Date(offset.measuredAt).toISOString(),
              ageMs: now - offset.measuredAt,
            },
      pending: {
        count: store?.pending ?? input.status.pending,
        oldestAt: store?.oldestPendingAt ?? null,
      },
      deadLetters: {
        count: store?.deadLetterCount ?? input.status.deadLetters,
        recent: store?.deadLetters ?? [],
      },
    },
    queue: { open: store?.queueSize ?? null, tickets: store?.tickets ?? null },
    log: {
      source: host?.log.source ?? null,
      location: host?.log.location ?? null,
      note:
        host?.log.source === 'memory'
          ? 'Browser host: its own recent warnings, kept in memory; there is no log file.'
          : null,
      lines: host?.log.lines ?? [],
      dropped: host?.log.dropped ?? null,
    },
    unavailable,
  };
  return redactDeep(report);
}

/** The file's text: pretty JSON, every string redacted, then the whole text once more. */
export function serializeReport(report: DiagnosticsReport): string {
  return `${redactJsonText(JSON.stringify(report, null, 2))}\n`;
}

/** `prokontakt-diagnostics-2026-12-02T19-30-00Z.json`: sortable, and legal on every OS. */
export function reportFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return `prokontakt-diagnostics-${stamp}.json`;
}

function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactDeep(item)]),
    ) as T;
  }
  return value;
}

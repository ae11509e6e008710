import { z } from 'zod';
import { redactSecrets } from './redact';
import type { HostResult } from './result';
import type { ErpResponse } from './schemas';

/*
 * `diagnostics:host`: what the host knows about itself for the §4 "primary diagnostics" a customer
 * attaches to a request. The ERP appears as the user may see it: never the token, only whether
 * one is stored, and the address without credentials or query.
 */

/** How many log lines a host hands over (the tail of main.log, or the browser host's ring). */
export const DIAGNOSTIC_LOG_LINES = 200;
/** Longer log lines are cut: a runaway line must not make the export unreadable. */
export const DIAGNOSTIC_LINE_MAX = 4000;

const text = (max: number) => z.string().max(max);

export const hostDiagnosticsSchema = z.strictObject({
  app: z.strictObject({ name: text(200), version: text(100) }),
  host: z.enum(['electron', 'browser']),
  versions: z.strictObject({
    electron: text(100).nullable(),
    chrome: text(100).nullable(),
    node: text(100).nullable(),
  }),
  os: z.strictObject({
    platform: text(100),
    release: text(200).nullable(),
    arch: text(100).nullable(),
  }),
  erp: z.strictObject({
    /**
     * unset: no ERP chosen yet (first run); demo: the embedded demo ERP; configured: an address;
     * unknown: the host could not tell.
     */
    kind: z.enum(['unset', 'demo', 'configured', 'unknown']),
    url: text(2048).nullable(),
    /** Whether a token the user set is stored; null when the host could not tell. */
    tokenPresent: z.boolean().nullable(),
  }),
  log: z.strictObject({
    /** file: main.log in userData; memory: the browser host's own recent warnings. */
    source: z.enum(['file', 'memory']),
    location: text(4096).nullable(),
    lines: z.array(text(DIAGNOSTIC_LINE_MAX)).max(DIAGNOSTIC_LOG_LINES),
    /** Lines the log file missed since start (a failing or hung disk); null: no file to miss. */
    dropped: z.number().int().nonnegative().nullable(),
  }),
});
export type HostDiagnostics = z.output<typeof hostDiagnosticsSchema>;

// shared/ has neither DOM nor Node types, yet both runtimes have the WHATWG URL parser.
interface MutableUrl {
  username: string;
  password: string;
  search: string;
  hash: string;
  href: string;
}
const UrlParser = (globalThis as unknown as { URL: new (input: string) => MutableUrl }).URL;

/** An ERP address fit to show or export: no user:password@, no query, no fragment. */
export function displayErpUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new UrlParser(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return redactSecrets(url.split(/[?#]/)[0] ?? '');
  }
}

/** One line for the host's log when an ERP request went wrong in a way support should see. */
export function describeErpProblem(
  what: 'session' | 'push' | 'changes' | 'blob-parts' | 'blob-put' | 'blob-get',
  result: HostResult<Pick<ErpResponse, 'status'>>,
): string | null {
  if (!result.ok) return `${what}: ${result.error.code}: ${result.error.message}`;
  const { status } = result.value;
  if (status === 401 || status === 403 || status >= 500) return `${what}: HTTP ${status}`;
  return null;
}

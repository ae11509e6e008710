import { DIAGNOSTIC_LINE_MAX } from './diagnostics';
import { redactSecrets } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';

const LEVEL_TAG: Record<LogLevel, string> = { info: 'INFO ', warn: 'WARN ', error: 'ERROR' };

/**
 * `2026-12-02T19:30:00.000Z WARN  ipc refused …`: one line per event (a stack is folded onto it),
 * secrets redacted, length bounded. Both hosts log in this shape, so a report reads the same.
 */
export function formatLogLine(
  at: Date,
  level: LogLevel,
  scope: string,
  message: string,
  error?: unknown,
): string {
  const detail = error === undefined ? '' : ` — ${describeError(error)}`;
  const flat = `${message}${detail}`.replace(/\s*\r?\n\s*/g, ' ⏎ ');
  return redactSecrets(`${at.toISOString()} ${LEVEL_TAG[level]} ${scope} ${flat}`).slice(
    0,
    DIAGNOSTIC_LINE_MAX,
  );
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // The first frames say where; the rest of a deep stack is noise in a one-line log.
    const frames = (error.stack ?? '')
      .split('\n')
      .slice(1, 6)
      .map((frame) => frame.trim());
    return [`${error.name}: ${error.message}`, ...frames].join(' ⏎ ');
  }
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

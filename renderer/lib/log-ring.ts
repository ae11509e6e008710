import { formatLogLine, type LogLevel } from '@shared/host/log-line';

export interface LogRing {
  add(level: LogLevel, scope: string, message: string, error?: unknown): void;
  /** Oldest first. */
  lines(): string[];
}

/**
 * The browser host's log: its own recent warnings, in memory only (a browser has no userData to
 * keep a file in, and page storage is no place for a log). Lines are formatted and redacted as
 * main's log file is; the oldest go once `capacity` is reached.
 */
export function createLogRing(capacity: number, now: () => Date = () => new Date()): LogRing {
  const lines: string[] = [];
  return {
    add(level, scope, message, error) {
      const line = formatLogLine(now(), level, scope, message, error);
      (level === 'info' ? console.info : console.warn)(line);
      lines.push(line);
      if (lines.length > capacity) lines.splice(0, lines.length - capacity);
    },
    lines: () => [...lines],
  };
}

import { redactSecrets } from '@shared/host/redact';
import { DIAGNOSTICS_LOG_LIMITS, type DiagnosticsLogEntry } from '@shared/host/schemas';

/*
 * What a window that failed to render or to start tells support: a short plain-text report for
 * "copy diagnostics" and the matching entry for the host's log. Pure. The full export
 * (diagnostics-report.ts) needs a working app and database; this needs only the error.
 */

/** Where it failed: one page inside the shell, the whole window, or the start itself. */
export type FailureKind = 'page' | 'window' | 'start';

export interface Failure {
  kind: FailureKind;
  error: unknown;
  /** React's component stack; null outside rendering. */
  componentStack: string | null;
}

export interface FailureContext {
  at: Date;
  appVersion: string;
  /** Null when the failure came before a host was installed (or there is none). */
  hostKind: 'electron' | 'browser' | null;
  language: string;
  /** The window's hash route, as typed: a malformed one may be the cause. */
  route: string;
  userAgent: string;
}

// Enough frames to find the place while the copied text still fits in an e-mail.
const MAX_TRACE_LINES = 15;

const WHAT_FAILED: Record<FailureKind, string> = {
  page: 'a page failed to render',
  window: 'the window failed to render',
  start: 'the app did not start',
};

/** "TypeError: x is not a function", for screens and summaries. */
export function errorSummary(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return 'an unprintable value was thrown';
  }
}

// V8 starts a stack with the summary line(s); only the frames add anything.
function stackFrames(error: unknown): string | null {
  if (!(error instanceof Error) || !error.stack) return null;
  const summary = errorSummary(error);
  const frames = error.stack.startsWith(summary) ? error.stack.slice(summary.length) : error.stack;
  return firstLines(frames);
}

function firstLines(text: string | null): string | null {
  if (text === null) return null;
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return null;
  const kept = lines.slice(0, MAX_TRACE_LINES).map((line) => `  ${line}`);
  if (lines.length > MAX_TRACE_LINES) kept.push(`  … ${lines.length - MAX_TRACE_LINES} more`);
  return kept.join('\n');
}

/** The clipboard text: what, where, which version and host; secrets redacted. */
export function errorReportText(failure: Failure, context: FailureContext): string {
  const stack = stackFrames(failure.error);
  const components = firstLines(failure.componentStack);
  const lines = [
    `PROконтакт Support Desk: ${WHAT_FAILED[failure.kind]}`,
    `Time: ${context.at.toISOString()}`,
    `Version: ${context.appVersion}`,
    `Host: ${context.hostKind ?? 'none'}`,
    `Language: ${context.language}`,
    `Route: ${context.route === '' ? '(none)' : context.route}`,
    `Browser: ${context.userAgent}`,
    `Error: ${errorSummary(failure.error)}`,
    ...(stack === null ? [] : ['Stack:', stack]),
    ...(components === null ? [] : ['Components:', components]),
  ];
  return `${redactSecrets(lines.join('\n'))}\n`;
}

/** The same failure as a `diagnostics:log` entry (the host redacts what it writes). */
export function failureLogEntry(failure: Failure, context: FailureContext): DiagnosticsLogEntry {
  const stack = stackFrames(failure.error);
  const components = firstLines(failure.componentStack);
  const detail = [
    `route: ${context.route === '' ? '(none)' : context.route}`,
    ...(stack === null ? [] : ['stack:', stack]),
    ...(components === null ? [] : ['components:', components]),
  ].join('\n');
  return {
    level: 'error',
    scope: failure.kind === 'start' ? 'boot' : 'render',
    message: clip(
      `${WHAT_FAILED[failure.kind]}: ${errorSummary(failure.error)}`,
      DIAGNOSTICS_LOG_LIMITS.message,
    ),
    detail: clip(detail, DIAGNOSTICS_LOG_LIMITS.detail),
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

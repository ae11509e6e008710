import {
  errorReportText,
  failureLogEntry,
  type Failure,
  type FailureContext,
} from '../features/diagnostics/error-report';
import { findHost } from '../lib/host';

/*
 * The impure half of error-report.ts: the facts of this window at the moment of a failure, and
 * the host's log. Every step is guarded: reporting one failure must never cause another.
 */

/** The facts of this window now, for any report that goes to support. */
export function currentContext(): FailureContext {
  return {
    at: new Date(),
    appVersion: __APP_VERSION__,
    hostKind: findHost()?.kind ?? null,
    // i18n keeps <html lang> in step with the interface language, and it is there before i18n.
    language: document.documentElement.lang,
    route: window.location.hash,
    userAgent: navigator.userAgent,
  };
}

/** The "copy diagnostics" text for this failure, as of now. */
export function failureReportText(failure: Failure): string {
  return errorReportText(failure, currentContext());
}

/** Sends the failure to the host's log (main.log, or the browser host's ring), if there is a host. */
export function logFailure(failure: Failure): void {
  const host = findHost()?.host;
  if (host === undefined) return;
  try {
    void host
      .request('diagnostics:log', failureLogEntry(failure, currentContext()))
      .catch(() => undefined);
  } catch {
    // A bridge that throws on call is itself the problem; the screen still shows the failure.
  }
}

import { currentContext } from '../../app/failure-report';
import { findHost } from '../../lib/host';
import { slaErrorReportText, type SlaErrorFacts } from './sla-error-report';

/** The clipboard text for this problem, as of now. */
export function slaErrorReport(facts: SlaErrorFacts): string {
  return slaErrorReportText(facts, currentContext());
}

const logged = new Set<string>();

/**
 * Puts the problem in the host's log once per ticket and kind for this window: a row re-renders
 * every second, the log should not. Reporting must never cause another failure.
 */
export function logSlaProblemOnce(facts: SlaErrorFacts): void {
  const key = `${facts.ticketId}|${facts.problem.code}`;
  if (logged.has(key)) return;
  logged.add(key);
  const host = findHost()?.host;
  if (host === undefined) return;
  try {
    void host
      .request('diagnostics:log', {
        level: 'warn',
        scope: 'sla',
        message: `ticket ${facts.ticketId}: ${facts.problem.code}: ${facts.problem.message}`.slice(
          0,
          2_000,
        ),
      })
      .catch(() => undefined);
  } catch {
    // A bridge that throws on call: the notice on screen still says what happened.
  }
}

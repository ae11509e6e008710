import { redactSecrets } from '@shared/host/redact';
import type { SlaTicket } from '@shared/sla';
import type { ClockOffset } from '@shared/sync/ports';
import type { FailureContext } from '../diagnostics/error-report';
import type { SlaProblem } from './sla-error';

export interface SlaErrorFacts {
  ticketId: string;
  number: number | null;
  /** The engine's input as evaluated; null when there was none (no organization). */
  sla: SlaTicket | null;
  problem: SlaProblem;
  /** This computer's clock and the offset it was corrected by, when the problem was reported. */
  deviceNowMs: number;
  offset: ClockOffset | null;
}

/**
 * The "copy diagnostics" text for a ticket the SLA engine refused: enough for support to replay
 * the evaluation (the engine's code and message, the SLA input, both clocks), nothing the
 * customer wrote (event notes are replaced by their length), secrets redacted.
 */
export function slaErrorReportText(facts: SlaErrorFacts, context: FailureContext): string {
  const { offset } = facts;
  const erpNow = facts.deviceNowMs + (offset?.offsetMs ?? 0);
  const lines = [
    'PROконтакт Support Desk: the SLA engine could not evaluate a ticket',
    `Time (ERP, corrected): ${iso(erpNow)}`,
    `Device clock: ${iso(facts.deviceNowMs)}`,
    offset === null
      ? 'Clock offset: not measured yet'
      : `Clock offset: ${offset.offsetMs} ms (ERP − device), round trip ${offset.rttMs} ms, measured at ${iso(offset.measuredAt)} device time`,
    `Version: ${context.appVersion}`,
    `Host: ${context.hostKind ?? 'none'}`,
    `Language: ${context.language}`,
    `Route: ${context.route === '' ? '(none)' : context.route}`,
    `Browser: ${context.userAgent}`,
    `Ticket: ${facts.ticketId}${facts.number === null ? ' (not registered yet)' : ` №${facts.number}`}`,
    `Error: ${facts.problem.code}: ${facts.problem.message}`,
    `SLA input: ${facts.sla === null ? '(none)' : JSON.stringify(withoutNotes(facts.sla))}`,
  ];
  return `${redactSecrets(lines.join('\n'))}\n`;
}

function iso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? `invalid (${ms})` : date.toISOString();
}

function withoutNotes(sla: SlaTicket): SlaTicket {
  return {
    ...sla,
    events: sla.events.map((event) =>
      event.note === undefined ? event : { ...event, note: `(${event.note.length} characters)` },
    ),
  };
}

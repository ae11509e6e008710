import { SLA_ERROR_CODES, SlaInputError } from '@shared/sla';
import type { QueueInvalidCode } from '@shared/queue/queue-entry';

/** A ticket the SLA engine could not evaluate: the code the UI words, the message for support. */
export interface SlaProblem {
  code: QueueInvalidCode;
  message: string;
}

const KNOWN = new Set<string>([...SLA_ERROR_CODES, 'organization_unknown']);

/** What was thrown while evaluating a ticket, as a problem the window can word. */
export function slaProblemOf(error: unknown): SlaProblem {
  if (error instanceof SlaInputError) return { code: error.code, message: error.message };
  return {
    code: 'unexpected',
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

/** A stored queue line's problem; lines written before codes existed read as `unexpected`. */
export function storedSlaProblem(code: string | null | undefined, message: string): SlaProblem {
  return { code: code && KNOWN.has(code) ? (code as QueueInvalidCode) : 'unexpected', message };
}

import { findCalendar } from '../calendars/registry';
import { toSlaTicket, type Organization, type Ticket } from '../domain/ticket';
import type { UserLookup } from '../domain/user';
import { buildContext, evaluateSla } from '../sla/evaluate';
import { explainSla, type ClockExplanation } from '../sla/explain';
import { formatInstant, parseInstant } from '../sla/instants';
import type { ClockName, ClockState, SlaTicket } from '../sla/types';
import { buildTimeline } from './timeline';
import {
  EVIDENCE_PACK_FORMAT,
  type ClockEvidence,
  type EvidencePack,
  type EvidenceRequest,
  type PauseEntry,
} from './types';

export interface EvidenceInput {
  /** The ticket as this computer has it (its pending actions applied: they are listed as unsent). */
  ticket: Ticket;
  organization: Organization;
  users: UserLookup;
  /** Command ids still in this computer's outbox. */
  pendingCommandIds: ReadonlySet<string>;
  /** When the pack is made (the corrected device clock); the "as of" of a ticket not resolved. */
  generatedAt: string;
  appVersion: string;
}

/**
 * The instant the clocks are counted at. A resolved ticket is counted as of its last SLA event, so
 * its pack is the same bytes whenever it is made; an open one as of the moment the pack is made.
 */
export function evidenceAsOf(
  ticket: Pick<Ticket, 'state' | 'events'>,
  generatedAt: string,
): { asOf: string; asOfBasis: EvidencePack['asOfBasis'] } {
  const last = ticket.events.at(-1);
  if (ticket.state === 'resolved' && last)
    return { asOf: formatInstant(parseInstant(last.at)!), asOfBasis: 'resolution' };
  return { asOf: formatInstant(parseInstant(generatedAt)!), asOfBasis: 'generated' };
}

/** Builds the pack; throws the SLA engine's `SlaInputError` when the ticket's events are refused. */
export function buildEvidencePack(input: EvidenceInput): EvidencePack {
  const { ticket, organization, users } = input;
  const { asOf, asOfBasis } = evidenceAsOf(ticket, input.generatedAt);
  const sla = toSlaTicket(ticket, organization);
  const verdict = evaluateSla(sla, asOf);
  const explained = explainSla(sla, asOf);
  const calendar = findCalendar(organization.calendar);
  return {
    format: EVIDENCE_PACK_FORMAT,
    asOf,
    asOfBasis,
    software: {
      appVersion: input.appVersion,
      calendar: {
        id: organization.calendar,
        name: calendar?.name ?? organization.calendar,
        yearsWithData: calendar?.years ? [...calendar.years].sort((a, b) => a - b) : null,
      },
    },
    schedule: {
      kind: explained.schedule,
      timeZone: explained.timeZone,
      calendar: explained.calendar,
      businessHours: explained.businessHours,
      assumedYears: explained.assumedYears,
    },
    request: requestOf(ticket, organization, users),
    timeline: buildTimeline(ticket, input.pendingCommandIds),
    pauses: pausesOf(sla, asOf),
    clocks: {
      reaction: clockOf('reaction', verdict.reaction, explained.reaction),
      resolution: clockOf('resolution', verdict.resolution, explained.resolution),
    },
  };
}

function requestOf(ticket: Ticket, organization: Organization, users: UserLookup): EvidenceRequest {
  // The team list names the assignee now; the last hand-over names them as they were then.
  const assigneeName =
    ticket.assignee === null
      ? null
      : (users(ticket.assignee)?.name ?? ticket.assignments.at(-1)?.to?.name ?? ticket.assignee);
  return {
    id: ticket.id,
    number: ticket.number,
    title: ticket.title,
    organization: {
      id: organization.id,
      name: organization.name,
      timeZone: organization.timeZone,
      calendar: organization.calendar,
    },
    account: ticket.account,
    reporterEmail: ticket.reporterEmail,
    steps: ticket.steps,
    expected: ticket.expected,
    actual: ticket.actual,
    diagnostics: ticket.diagnostics,
    notUserSideConfirmed: ticket.notUserSideConfirmed,
    initialPriority: ticket.initialPriority,
    priority: ticket.priority,
    createdAt: ticket.createdAt,
    lateRegistrationReason: ticket.lateRegistrationReason ?? null,
    state: ticket.state,
    result: ticket.result,
    releaseDate: ticket.releaseDate,
    assignee:
      ticket.assignee === null || assigneeName === null
        ? null
        : { id: ticket.assignee, name: assigneeName },
    version: ticket.version,
  };
}

function clockOf(
  clock: ClockName,
  verdict: ClockState,
  explained: ClockExplanation,
): ClockEvidence {
  return {
    clock,
    verdict,
    baseTargetMs: explained.baseTargetMs,
    extensionMs: explained.extensionMs,
    countedMs: explained.counted
      .filter((interval) => !interval.projected)
      .reduce((sum, interval) => sum + interval.ms, 0),
    counted: explained.counted,
    skipped: explained.skipped.map((period) => ({
      reason: period.reason,
      from: period.from,
      to: period.to,
      fromDate: period.fromDate ?? null,
      toDate: period.toDate ?? null,
      pauseReason: period.pauseReason ?? null,
      note: period.note ?? null,
      ongoing: period.ongoing === true,
    })),
  };
}

/** Each pause up to `asOf` with the working time it kept off the resolution clock. */
function pausesOf(sla: SlaTicket, asOf: string): PauseEntry[] {
  const { schedule } = buildContext(sla, asOf);
  const asOfMs = parseInstant(asOf)!;
  const pauses: PauseEntry[] = [];
  let open: { from: number; reason: PauseEntry['reason']; note: string | null } | null = null;
  const close = (toMs: number | null, endedBy: PauseEntry['endedBy']) => {
    if (!open) return;
    const end = toMs ?? asOfMs;
    pauses.push({
      reason: open.reason,
      note: open.note,
      from: formatInstant(open.from),
      to: toMs === null ? null : formatInstant(toMs),
      endedBy,
      wallMs: end - open.from,
      uncountedWorkingMs: schedule.counted(end) - schedule.counted(open.from),
    });
    open = null;
  };
  for (const event of sla.events) {
    const at = parseInstant(event.at)!;
    if (at > asOfMs) break;
    if (event.type === 'paused')
      open = { from: at, reason: event.reason ?? 'other', note: event.note ?? null };
    else if (event.type === 'resumed' || event.type === 'resolved') close(at, event.type);
  }
  close(null, null);
  return pauses;
}

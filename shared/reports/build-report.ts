import type { Organization } from '../domain/ticket';
import { SlaInputError, type Priority, type SlaConfig } from '../sla';
import { buildCell, countedLines, pauseTotals, resolutionDistribution } from './aggregate';
import { periodBounds, periodDates, validatePeriod, type ReportPeriod } from './period';
import { ticketLine, type ReportTicket } from './ticket-line';
import type { ComplianceReport, ReportCell, TicketLine, UnevaluableTicket } from './types';
import { weekBuckets } from './weeks';

export interface ReportRequest {
  period: ReportPeriod;
  /** Empty or absent: every organization. */
  organizationIds?: readonly string[];
  /** Empty or absent: every priority. */
  priorities?: readonly Priority[];
  /** The report of a period not over yet is "as of" now. */
  now: string | Date;
  config?: SlaConfig;
}

type ReportOrganization = Pick<Organization, 'id' | 'timeZone' | 'calendar'>;

const PRIORITIES: readonly Priority[] = [1, 2, 3, 4];

/**
 * The compliance report: every verdict is `evaluateSla` replayed as of the period end (or now),
 * the engine the queue and the ticket page use, so the numbers cannot disagree with them.
 */
export function buildComplianceReport(
  tickets: Iterable<ReportTicket>,
  organizations: readonly ReportOrganization[],
  request: ReportRequest,
): ComplianceReport {
  const period = validatePeriod(request.period);
  const nowMs = new Date(request.now).getTime();
  const organizationById = new Map(organizations.map((o) => [o.id, o]));
  const wantedOrganizations = request.organizationIds?.length
    ? new Set(request.organizationIds)
    : null;
  const wantedPriorities = new Set(request.priorities?.length ? request.priorities : PRIORITIES);
  const windows = new Map<string, { startMs: number; endMs: number; asOfMs: number }>();
  const windowOf = (organization: ReportOrganization) => {
    let window = windows.get(organization.id);
    if (window === undefined) {
      const bounds = periodBounds(period, organization.timeZone);
      window = { ...bounds, asOfMs: Math.min(bounds.endMs, nowMs) };
      windows.set(organization.id, window);
    }
    return window;
  };

  const lines: Record<string, TicketLine> = {};
  const byCell = new Map<string, TicketLine[]>();
  const unevaluable: UnevaluableTicket[] = [];
  for (const ticket of tickets) {
    if (wantedOrganizations && !wantedOrganizations.has(ticket.organizationId)) continue;
    const organization = organizationById.get(ticket.organizationId);
    if (organization === undefined) {
      unevaluable.push({
        ticketId: ticket.id,
        code: 'unknown_organization',
        message: `organization ${ticket.organizationId} is not in the local copy`,
      });
      continue;
    }
    let line: TicketLine | null;
    try {
      line = ticketLine(ticket, organization, windowOf(organization), request.config);
    } catch (error) {
      if (!(error instanceof SlaInputError)) throw error;
      unevaluable.push({ ticketId: ticket.id, code: error.code, message: error.message });
      continue;
    }
    if (line === null || !wantedPriorities.has(line.priority)) continue;
    if (countedLines([line]).length === 0 && line.resolution.verdict !== 'open') continue;
    lines[line.ticketId] = line;
    const key = `${line.organizationId}|${line.priority}`;
    const cell = byCell.get(key);
    if (cell) cell.push(line);
    else byCell.set(key, [line]);
  }

  const cells: ReportCell[] = [...byCell.entries()]
    .map(([, cellLines]) => {
      const first = cellLines[0] as TicketLine;
      return buildCell(first.organizationId, first.priority, cellLines);
    })
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId) || a.priority - b.priority);
  const all = Object.values(lines);
  const zoneOf = (id: string) => organizationById.get(id)?.timeZone ?? 'UTC';
  return {
    period,
    ...periodDates(period),
    cells,
    weeks: weekBuckets(all, zoneOf),
    resolutionDistribution: resolutionDistribution(all),
    paused: pauseTotals(countedLines(all)),
    lines,
    unevaluable,
  };
}

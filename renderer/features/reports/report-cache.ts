import {
  buildComplianceReport,
  type ComplianceReport,
  type ReportRequest,
  type ReportTicket,
} from '@shared/reports';
import type { Organization } from '@shared/domain/ticket';

export interface ReportData {
  tickets: ReadonlyArray<ReportTicket & { version: number }>;
  organizations: readonly Organization[];
}

/**
 * What the data looked like: every ticket and organization carries a version the ERP raises on
 * each change, and a local (pending) action adds an event, so any change moves the stamp.
 */
export function dataStamp(data: ReportData): string {
  let sum = 0;
  for (const ticket of data.tickets) sum += ticket.version + ticket.events.length;
  for (const organization of data.organizations) sum += organization.version;
  return `${data.tickets.length}|${data.organizations.length}|${sum}`;
}

/**
 * The last report per request, valid while the data stamp is unchanged: building the same report
 * again (switching back to it, a second look) skips replaying every ticket. A report "as of now"
 * for a period not over yet is keyed by the minute, so it does not go stale for long.
 */
export class ReportCache {
  private readonly entries = new Map<string, { stamp: string; report: ComplianceReport }>();

  constructor(private readonly capacity = 8) {}

  build(
    scope: string,
    data: ReportData,
    request: ReportRequest & { now: string },
  ): { report: ComplianceReport; cached: boolean } {
    const key = JSON.stringify({ scope, ...request, now: request.now.slice(0, 16) });
    const stamp = dataStamp(data);
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) return { report: hit.report, cached: true };
    const report = buildComplianceReport(data.tickets, data.organizations, request);
    this.entries.delete(key);
    this.entries.set(key, { stamp, report });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return { report, cached: false };
  }
}

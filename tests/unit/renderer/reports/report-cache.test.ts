import { describe, expect, it } from 'vitest';
import { ReportCache } from '../../../../renderer/features/reports/report-cache';
import { FIXTURE_TICKETS, LATER, ORGANIZATIONS } from '../../shared/reports/fixtures';

const tickets = FIXTURE_TICKETS.map((ticket) => ({ ...ticket, version: 1 }));
const request = { period: { kind: 'month', year: 2027, month: 1 } as const, now: LATER };

describe('the report cache', () => {
  it('answers the same request on unchanged data from the cache, with the same numbers', () => {
    const cache = new ReportCache();
    const first = cache.build('db', { tickets, organizations: ORGANIZATIONS }, request);
    const again = cache.build('db', { tickets, organizations: ORGANIZATIONS }, request);
    expect(first.cached).toBe(false);
    expect(again).toEqual({ report: first.report, cached: true });
  });

  it('rebuilds when a ticket changed, another database or another period is asked for', () => {
    const cache = new ReportCache();
    cache.build('db', { tickets, organizations: ORGANIZATIONS }, request);
    const changed = tickets.map((t, i) => (i === 0 ? { ...t, version: 2 } : t));
    expect(
      cache.build('db', { tickets: changed, organizations: ORGANIZATIONS }, request).cached,
    ).toBe(false);
    expect(
      cache.build('other', { tickets: changed, organizations: ORGANIZATIONS }, request).cached,
    ).toBe(false);
    const february = { ...request, period: { kind: 'month', year: 2027, month: 2 } as const };
    const rebuilt = cache.build('db', { tickets: changed, organizations: ORGANIZATIONS }, february);
    expect(rebuilt.cached).toBe(false);
    expect(rebuilt.report.from).toBe('2027-02-01');
  });
});

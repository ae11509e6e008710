// The scheduler must announce exactly what planAlerts (and so the regulation) says, at exactly
// those instants: random valid tickets from the SLA oracle's generator (every priority, zones
// from UTC+2 to UTC+12, holidays, pauses, reopenings, extensions, priority changes), each run
// on the fake clock until nothing is left to fire.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFeedEntry, feedLevels } from '@shared/alerts/build-feed';
import { alertFeedSchema } from '@shared/alerts/schemas';
import { planAlerts } from '@shared/sla';
import { validCaseArb } from '../sla/oracle/arbitraries';
import { LEVELS, setup } from './alert-fixtures';

const RUNS = Number(process.env.ALERT_AGREEMENT_RUNS ?? '150');

describe('alert timing agrees with planAlerts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires every planned level of every clock once, at its instant', () => {
    fc.assert(
      fc.property(validCaseArb, ({ ticket, now }) => {
        const sla = ticket;
        const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
        vi.setSystemTime(nowMs);
        const expected = planAlerts(sla, new Date(nowMs), LEVELS).map((alert) => ({
          clock: alert.clock,
          level: alert.level,
          atMs: Date.parse(alert.at),
        }));

        const entry = buildFeedEntry(
          sla,
          { ticketId: 'T1', number: 1, organization: 'Org' },
          nowMs,
          feedLevels(LEVELS),
        );
        const { scheduler, shown } = setup();
        // What the renderer sends must pass the host's schema as it is.
        scheduler.update(alertFeedSchema.parse({ locale: 'ru', tickets: [entry] }));
        vi.runAllTimers();
        scheduler.dispose();

        const fired = shown
          .filter((notice) => notice.kind === 'ticket' && Date.parse(notice.shownAt) > nowMs)
          .map((notice) => ({
            clock: notice.clock,
            level: notice.level,
            atMs: Date.parse(notice.shownAt),
          }));
        const order = (a: { atMs: number; clock: string | null }, b: typeof a) =>
          a.atMs - b.atMs || String(a.clock).localeCompare(String(b.clock));
        expect(fired.sort(order)).toEqual(expected.sort(order));
      }),
      { numRuns: RUNS },
    );
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeskAlerts, type AlertSettingsView } from '../../../../shared/alerts/desk-alerts';
import { defaultQuietHours } from '../../../../shared/alerts/quiet-hours';
import type { AlertNotice, AlertStatus } from '../../../../shared/alerts/schemas';
import { advanceTo, feed, type TicketSpec } from './alert-fixtures';

// P1 created 09:00Z: reaction 75 % at 09:45Z, 90 % at 09:54Z, deadline 10:00Z (24×7).
const P1: TicketSpec = { number: 101, priority: 1, createdAt: '2026-11-25T09:00:00Z' };
// P2 of a Moscow organization created Wed 25.11.2026 14:00 MSK (11:00Z): 4 working hours of
// reaction end at 18:00 MSK, so 75 % is at 17:00 MSK, 90 % at 17:36 MSK. Thu 26.11 is a workday.
const P2: TicketSpec = { number: 202, priority: 2, createdAt: '2026-11-25T11:00:00Z' };

const settings = (overrides: Partial<AlertSettingsView> = {}): AlertSettingsView => ({
  enabled: true,
  levels: [0.75, 0.9, 1],
  quietHours: defaultQuietHours(),
  ...overrides,
});

/** A host around the scheduler: fake wall clock, a monotonic clock the test can split from it. */
function host(stored: string | null = null, view = settings()) {
  const shown: AlertNotice[] = [];
  const statuses: AlertStatus[] = [];
  const problems: string[] = [];
  const written: string[] = [];
  let wallOffset = 0;
  const alerts = createDeskAlerts(
    {
      now: () => Date.now(),
      monotonicNow: () => Date.now() - wallOffset,
      setTimeout: (callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      },
      setInterval: (callback, ms) => {
        const timer = setInterval(callback, ms);
        return () => clearInterval(timer);
      },
      timeZone: 'Europe/Moscow',
      storedMemory: stored,
      writeMemory: (text) => written.push(text),
      show: (notice) => shown.push(notice),
      onStatus: (status) => statuses.push(status),
      onProblem: (message) => problems.push(message),
    },
    view,
  );
  /** Someone sets the system time: the wall clock moves, the monotonic one does not. */
  const setWallClock = (iso: string) => {
    const delta = Date.parse(iso) - Date.now();
    wallOffset += delta;
    vi.setSystemTime(Date.parse(iso));
  };
  return { alerts, shown, statuses, problems, written, setWallClock };
}

describe('desk alerts in a host', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-25T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('remembers what was shown across a restart, so nothing repeats', () => {
    const first = host();
    first.alerts.update(feed(P1));
    advanceTo('2026-11-25T09:45:00Z');
    expect(first.shown.map((notice) => notice.level)).toEqual([0.75]);
    first.alerts.dispose(); // quitting writes what is pending at once
    expect(first.written).toHaveLength(1);

    advanceTo('2026-11-25T09:50:00Z');
    const second = host(first.written.at(-1));
    second.alerts.update(feed(P1));
    expect(second.shown).toEqual([]);
    advanceTo('2026-11-25T09:54:00Z');
    expect(second.shown.map((notice) => notice.level)).toEqual([0.9]);
  });

  it('summarizes what was reached while the app was closed, once', () => {
    const first = host();
    first.alerts.update(feed(P1, { ...P1, number: 102 }));
    first.alerts.dispose();

    vi.setSystemTime(Date.parse('2026-11-25T11:00:00Z'));
    const second = host(first.written.at(-1) ?? null);
    second.alerts.update(feed(P1, { ...P1, number: 102 }));
    second.alerts.update(feed(P1, { ...P1, number: 102 }));
    expect(second.shown).toHaveLength(1);
    expect(second.shown[0]).toMatchObject({ kind: 'summary', body: 'Срок истёк: №101, №102' });
  });

  it('re-plans within a minute when the wall clock jumps forward', () => {
    const { alerts, shown, setWallClock } = host();
    alerts.update(feed(P1));
    setWallClock('2026-11-25T09:50:00Z');
    vi.advanceTimersByTime(60_000);
    expect(shown.map((notice) => [notice.level, notice.shownAt])).toEqual([
      [0.75, '2026-11-25T09:51:00.000Z'],
    ]);
    expect(shown[0]!.title).toBe('П1 · №101 · 75 % срока реакции');
    // The timer armed before the jump is gone: 90 % comes at its own instant, once.
    advanceTo('2026-11-25T09:54:00Z');
    expect(shown.map((notice) => notice.level)).toEqual([0.75, 0.9]);
  });

  it('does not repeat anything when the wall clock is set back', () => {
    const { alerts, shown, setWallClock } = host();
    alerts.update(feed(P1));
    advanceTo('2026-11-25T09:55:00Z');
    setWallClock('2026-11-25T09:40:00Z');
    advanceTo('2026-11-25T09:59:00Z');
    expect(shown.map((notice) => notice.level)).toEqual([0.75, 0.9]);
  });

  it('holds P2–P4 back in quiet hours and summarizes them when the quiet hours end', () => {
    const quiet = { ...defaultQuietHours(), enabled: true, from: '17:30', to: '08:00' };
    const { alerts, shown } = host(null, settings({ quietHours: quiet }));
    advanceTo(P2.createdAt);
    alerts.update(feed(P2));
    advanceTo('2026-11-25T14:00:00Z'); // 17:00 MSK: before the quiet hours
    expect(shown.map((notice) => notice.level)).toEqual([0.75]);

    advanceTo('2026-11-26T04:59:59Z'); // 07:59:59 MSK on Thursday
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(shown.map((notice) => [notice.level, notice.shownAt])).toEqual([
      [0.75, '2026-11-25T14:00:00.000Z'],
      [1, '2026-11-26T05:00:00.000Z'],
    ]);
    expect(shown[1]!.title).toBe('П2 · №202 · срок реакции истёк');
  });

  it('lets P1 through quiet hours and a mute: it runs 24×7', () => {
    const quiet = { ...defaultQuietHours(), enabled: true, from: '00:00', to: '23:59' };
    const { alerts, shown, statuses } = host(null, settings({ quietHours: quiet }));
    alerts.mute(60);
    alerts.update(feed(P1));
    expect(statuses.at(-1)!.mutedUntil).toBe('2026-11-25T10:00:00.000Z');
    advanceTo('2026-11-25T09:45:00Z');
    expect(shown.map((notice) => notice.level)).toEqual([0.75]);
  });

  it('holds P2 back for an hour of mute and announces the breach when it ends', () => {
    const { alerts, shown, statuses } = host();
    advanceTo(P2.createdAt);
    alerts.update(feed(P2));
    advanceTo('2026-11-25T14:00:00Z');
    alerts.mute(60); // until 18:00 MSK, when the reaction deadline passes
    advanceTo('2026-11-25T14:59:59Z');
    expect(shown.map((notice) => notice.level)).toEqual([0.75]);
    vi.advanceTimersByTime(1_000);
    expect(shown.map((notice) => notice.level)).toEqual([0.75, 1]);
    expect(statuses.at(-1)!.mutedUntil).toBeNull();
  });

  it('starts afresh, and says so, when the stored memory is unreadable', () => {
    const { alerts, shown, problems } = host('{"version":1,"fired":"lots"}');
    expect(problems).toEqual([expect.stringContaining('stored alert memory ignored')]);
    alerts.update(feed(P1));
    advanceTo('2026-11-25T09:45:00Z');
    expect(shown).toHaveLength(1);
  });
});

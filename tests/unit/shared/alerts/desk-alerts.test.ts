import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDeskAlerts,
  type AlertClockView,
  type AlertSettingsView,
} from '../../../../shared/alerts/desk-alerts';
import {
  NOTHING_STORED,
  type MemoryWrite,
  type StoredMemory,
} from '../../../../shared/alerts/memory-journal';
import { defaultQuietHours } from '../../../../shared/alerts/quiet-hours';
import type { AlertNotice, AlertStatus } from '../../../../shared/alerts/schemas';
import { advanceTo, feed, feedWithOffset, type TicketSpec } from './alert-fixtures';

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
function host(before: StoredMemory | string | null = null, view = settings()) {
  const shown: AlertNotice[] = [];
  const statuses: AlertStatus[] = [];
  const problems: string[] = [];
  const written: MemoryWrite[] = [];
  const clocks: AlertClockView[] = [];
  let wallOffset = 0;
  let zone = 'Europe/Moscow';
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
      timeZone: () => zone,
      storedMemory:
        before === null
          ? NOTHING_STORED
          : typeof before === 'string'
            ? { snapshot: before, journal: [] }
            : before,
      writeMemory: (write) => written.push(write),
      show: (notice) => shown.push(notice),
      onStatus: (status, clock) => {
        statuses.push(status);
        clocks.push(clock);
      },
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
  /** The computer's zone is changed (the engineer flew somewhere); nothing announces it. */
  const setZone = (next: string) => {
    zone = next;
  };
  /** What the host's storage holds after these writes (a snapshot replaces the journal). */
  const stored = (): StoredMemory => {
    let snapshot: string | null = null;
    let journal: string[] = [];
    for (const write of written) {
      if (write.kind === 'snapshot') {
        snapshot = write.text;
        journal = [];
      } else journal.push(write.text);
    }
    return { snapshot, journal };
  };
  return { alerts, shown, statuses, clocks, problems, written, stored, setWallClock, setZone };
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
    const second = host(first.stored());
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
    const second = host(first.stored());
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

  describe('on a device whose clock is two hours behind the ERP', () => {
    const HOURS_2 = 2 * 3_600_000;
    // The ERP (and the world) is at 09:00Z; this computer's clock reads 07:00Z.
    beforeEach(() => vi.setSystemTime(Date.parse('2026-11-25T07:00:00Z')));

    it('fires the 75 % alert at the real instant, and says so in ERP time', () => {
      const { alerts, shown } = host();
      alerts.update(feedWithOffset(HOURS_2, P1)); // 75 % at 09:45Z ERP = 07:45Z on this clock
      advanceTo('2026-11-25T07:44:59Z');
      expect(shown).toEqual([]);
      vi.advanceTimersByTime(1_000);
      expect(shown.map((notice) => [notice.level, notice.shownAt])).toEqual([
        [0.75, '2026-11-25T09:45:00.000Z'],
      ]);
      expect(shown[0]!.body).toContain('срок в 13:00'); // 10:00Z in Moscow
    });

    it('mutes for an hour of ERP time and shows the tray the ERP time', () => {
      const { alerts, clocks } = host();
      alerts.update(feedWithOffset(HOURS_2, P1));
      expect(alerts.mute(60).mutedUntil).toBe('2026-11-25T10:00:00.000Z');
      expect(clocks.at(-1)).toEqual({
        nowMs: Date.parse('2026-11-25T09:00:00Z'),
        timeZone: 'Europe/Moscow',
      });
    });

    it("starts quiet hours when the engineer's real evening begins, not the clock's", () => {
      // Quiet from 13:00 Moscow: 10:00Z in ERP time, 08:00Z on this clock.
      const quiet = { ...defaultQuietHours(), enabled: true, from: '13:00', to: '08:00' };
      const { alerts, statuses } = host(null, settings({ quietHours: quiet }));
      alerts.update(feedWithOffset(HOURS_2, P1));
      expect(statuses.at(-1)!.quietUntil).toBeNull();
      advanceTo('2026-11-25T08:00:00Z');
      expect(statuses.at(-1)!.quietUntil).toBe('2026-11-26T05:00:00.000Z');
    });
  });

  describe('when the computer changes time zone (Moscow → Novosibirsk, UTC+3 → UTC+7)', () => {
    // 14:00Z is 17:00 in Moscow and 21:00 in Novosibirsk.
    const quiet = { ...defaultQuietHours(), enabled: true, from: '20:00', to: '08:00' };

    it("follows the new zone within a minute: quiet hours and the tray's times", () => {
      const { alerts, statuses, clocks, setZone } = host(null, settings({ quietHours: quiet }));
      advanceTo('2026-11-25T14:00:00Z');
      alerts.update(feed(P2));
      expect(statuses.at(-1)!.quietUntil).toBeNull();
      setZone('Asia/Novosibirsk');
      vi.advanceTimersByTime(60_000);
      // 08:00 Thursday in Novosibirsk is 01:00Z.
      expect(statuses.at(-1)!.quietUntil).toBe('2026-11-26T01:00:00.000Z');
      expect(clocks.at(-1)!.timeZone).toBe('Asia/Novosibirsk');
    });

    it('follows it at once when the system wakes up', () => {
      const { alerts, statuses, setZone } = host(null, settings({ quietHours: quiet }));
      advanceTo('2026-11-25T14:00:00Z');
      alerts.update(feed(P2));
      setZone('Asia/Novosibirsk');
      alerts.resume();
      expect(statuses.at(-1)!.quietUntil).toBe('2026-11-26T01:00:00.000Z');
    });

    it("takes the window's zone over its own reading, which Electron's main may not update", () => {
      // The host process still reads Moscow; the window (Chromium follows the system) reports
      // Novosibirsk with its feed.
      const { alerts, statuses, clocks } = host(null, settings({ quietHours: quiet }));
      advanceTo('2026-11-25T14:00:00Z');
      alerts.update({ ...feed(P2), timeZone: 'Asia/Novosibirsk' });
      expect(statuses.at(-1)!.quietUntil).toBe('2026-11-26T01:00:00.000Z');
      expect(clocks.at(-1)!.timeZone).toBe('Asia/Novosibirsk');
      // A later feed from an older window without a zone keeps the last one reported.
      alerts.update(feed(P2));
      expect(clocks.at(-1)!.timeZone).toBe('Asia/Novosibirsk');
    });

    it('names notice times in the new zone', () => {
      const { alerts, shown, setZone } = host();
      alerts.update(feed(P1));
      setZone('Asia/Novosibirsk');
      advanceTo('2026-11-25T09:45:00Z');
      // The P1 reaction deadline, 10:00Z, is 17:00 in Novosibirsk (13:00 in Moscow).
      expect(shown[0]!.body).toContain('срок в 17:00');
    });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlertScheduler } from '../../../../shared/host/alert-scheduler';
import type { PlannedNotification } from '../../../../shared/host/schemas';

const START = Date.parse('2026-11-25T09:00:00Z');

function alert(id: string, at: string): PlannedNotification {
  return { id, ticketId: id.split(':')[0]!, at, title: id, body: '' };
}

describe('alert scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  function setup() {
    const notify = vi.fn();
    const scheduler = createAlertScheduler({
      now: Date.now,
      setTimer: (callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      },
      notify,
    });
    return { notify, scheduler };
  }

  it('fires each alert at its instant', async () => {
    const { notify, scheduler } = setup();
    expect(
      scheduler.replace([
        alert('T1:reaction:0.75', '2026-11-25T09:45:00Z'),
        alert('T1:reaction:1', '2026-11-25T10:00:00Z'),
      ]),
    ).toBe(2);
    vi.advanceTimersByTime(45 * 60_000 - 1);
    expect(notify).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(notify).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(15 * 60_000);
    expect(notify.mock.calls.map(([a]) => a.id)).toEqual(['T1:reaction:0.75', 'T1:reaction:1']);
  });

  it('does not repeat an alert when the same plan arrives again', () => {
    const { notify, scheduler } = setup();
    const plan = [alert('T1:reaction:0.75', '2026-11-25T09:10:00Z')];
    scheduler.replace(plan);
    vi.advanceTimersByTime(10 * 60_000);
    scheduler.replace(plan);
    vi.advanceTimersByTime(60 * 60_000);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('drops alerts that are no longer planned and ignores past ones', () => {
    const { notify, scheduler } = setup();
    scheduler.replace([alert('T1:reaction:1', '2026-11-25T09:30:00Z')]);
    expect(scheduler.replace([alert('T2:reaction:1', '2026-11-25T08:00:00Z')])).toBe(0);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(notify).not.toHaveBeenCalled();
  });

  it('waits longer than a single timer can (≈24.8 days)', () => {
    const { notify, scheduler } = setup();
    scheduler.replace([alert('T1:resolution:1', '2027-01-10T09:00:00Z')]);
    vi.advanceTimersByTime(30 * 24 * 60 * 60_000);
    expect(notify).not.toHaveBeenCalled();
    vi.advanceTimersByTime(16 * 24 * 60 * 60_000);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('stops everything on dispose', () => {
    const { notify, scheduler } = setup();
    scheduler.replace([alert('T1:reaction:1', '2026-11-25T09:30:00Z')]);
    scheduler.dispose();
    vi.advanceTimersByTime(60 * 60_000);
    expect(notify).not.toHaveBeenCalled();
  });
});

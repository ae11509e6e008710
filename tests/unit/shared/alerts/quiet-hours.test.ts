import { describe, expect, it } from 'vitest';
import { defaultQuietHours, quietHoursEnd, quietHoursSchema } from '@shared/alerts/quiet-hours';
import { decodeSettings } from '@shared/host/settings-codec';
import { applySettingsPatch, defaultSettings, settingsPatchSchema } from '@shared/host/schemas';

// Quiet hours 20:00–08:00 in the engineer's zone plus days off of the RU production calendar.
const quiet = { ...defaultQuietHours(), enabled: true };

describe('quiet hours', () => {
  it.each([
    // Wed 25.11.2026 15:00 MSK: a working afternoon.
    ['2026-11-25T12:00:00Z', 'Europe/Moscow', null],
    // Wed 21:00 MSK → Thu 08:00 MSK.
    ['2026-11-25T18:00:00Z', 'Europe/Moscow', '2026-11-26T05:00:00.000Z'],
    // Thu 02:00 MSK, after midnight → the same morning 08:00.
    ['2026-11-25T23:00:00Z', 'Europe/Moscow', '2026-11-26T05:00:00.000Z'],
    // Fri 27.11 22:00 MSK → over the weekend → Mon 30.11 08:00 MSK.
    ['2026-11-27T19:00:00Z', 'Europe/Moscow', '2026-11-30T05:00:00.000Z'],
    // Sat 28.11 noon in Vladivostok (UTC+10) → Mon 30.11 08:00 there.
    ['2026-11-28T02:00:00Z', 'Asia/Vladivostok', '2026-11-29T22:00:00.000Z'],
    // Tue 31.12.2026 21:00 MSK: the New Year holidays run to Fri 08.01.2027; Mon 11.01 08:00.
    ['2026-12-31T18:00:00Z', 'Europe/Moscow', '2027-01-11T05:00:00.000Z'],
  ])('at %s in %s they end at %s', (at, zone, end) => {
    const ms = quietHoursEnd(quiet, zone, Date.parse(at));
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(end);
  });

  it('uses the zone set in the settings over the computer’s', () => {
    // Just before 19:00Z: 22:00 in Moscow (quiet), 19:00 in London (not yet).
    const london = { ...quiet, timeZone: 'Europe/London' };
    expect(
      quietHoursEnd(london, 'Europe/Moscow', Date.parse('2026-11-25T19:00:00Z') - 1),
    ).toBeNull();
  });

  it('keeps working days when days off are not quiet, and never ends when off', () => {
    const nightsOnly = { ...quiet, nonWorkingDays: false };
    // Sat 28.11 noon MSK: not a night.
    expect(
      quietHoursEnd(nightsOnly, 'Europe/Moscow', Date.parse('2026-11-28T09:00:00Z')),
    ).toBeNull();
    expect(
      quietHoursEnd(defaultQuietHours(), 'Europe/Moscow', Date.parse('2026-11-25T20:00:00Z')),
    ).toBeNull();
  });

  it.each([
    { ...quiet, from: '8:00' },
    { ...quiet, to: '24:00' },
    { ...quiet, timeZone: 'Mars/Olympus' },
    { ...quiet, extra: 1 },
  ])('refuses bad settings %#', (input) =>
    expect(quietHoursSchema.safeParse(input).success).toBe(false),
  );
});

describe('alert settings', () => {
  it('loads a settings file written before quiet hours and the tray existed, with them off', () => {
    const old = JSON.stringify({
      version: 1,
      erp: { baseUrl: null },
      sync: { intervalMinutes: 5 },
      alerts: { enabled: true, levels: [0.75, 1] },
    });
    const { settings, problem } = decodeSettings(old, 'settings.json');
    expect(problem).toBeNull();
    expect(settings.alerts).toEqual({
      enabled: true,
      levels: [0.75, 1],
      quietHours: defaultQuietHours(),
    });
    // Start hidden and close to the tray were what the app did before they were settings.
    expect(settings.tray).toEqual({ launchAtLogin: false, startHidden: true, closeToTray: true });
  });

  it('takes quiet hours and the login item as a patch', () => {
    const patch = settingsPatchSchema.parse({
      alerts: { quietHours: { ...quiet, from: '19:00' } },
      tray: { launchAtLogin: true },
    });
    const next = applySettingsPatch(defaultSettings(), patch);
    expect(next.alerts.quietHours.from).toBe('19:00');
    expect(next.alerts.levels).toEqual([0.75, 0.9, 1]);
    expect(next.tray.launchAtLogin).toBe(true);
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClockOffset } from '@shared/sync/ports';
import { startClockRuntime } from '../../../../renderer/features/clock/clock-runtime';
import { ZonedTime } from '../../../../renderer/features/ticket/ZonedTime';
import { createDeviceZone, installDeviceZone } from '../../../../renderer/lib/device-zone';
import { initI18n } from '../../../../renderer/lib/i18n';

// React warns unless it knows updates are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(async () => {
  await initI18n();
  await i18next.changeLanguage('ru');
});

/** A runtime on fake ports: the test moves the clocks, the zone and the window by hand. */
function runtime() {
  let zone = 'Europe/Moscow';
  let wall = Date.parse('2026-11-25T10:00:00Z');
  let mono = 0;
  const ticks: Array<() => void> = [];
  const backs: Array<() => void> = [];
  const offsets: Array<ClockOffset | null> = [];
  let pushOffset: (offset: ClockOffset | null) => void = () => undefined;
  const deviceZone = createDeviceZone(() => zone);
  const onClockSet = vi.fn();
  const stop = startClockRuntime({
    watchOffset: (onChange) => {
      pushOffset = onChange;
      return () => {
        pushOffset = () => undefined;
      };
    },
    setOffset: (offset) => offsets.push(offset),
    zone: deviceZone,
    wallNow: () => wall,
    monotonicNow: () => mono,
    setInterval: (callback) => {
      ticks.push(callback);
      return () => ticks.splice(ticks.indexOf(callback), 1);
    },
    onWindowBack: (callback) => {
      backs.push(callback);
      return () => backs.splice(backs.indexOf(callback), 1);
    },
    onClockSet,
  });
  return {
    deviceZone,
    offsets,
    onClockSet,
    stop,
    ticks,
    pushOffset: (offset: ClockOffset | null) => pushOffset(offset),
    /** A minute passes; `setBy` ms more on the wall clock than on the monotonic one. */
    minute: (setBy = 0) => {
      wall += 60_000 + setBy;
      mono += 60_000;
      for (const tick of [...ticks]) tick();
    },
    travel: (next: string) => {
      zone = next;
    },
    windowBack: () => backs.forEach((callback) => callback()),
  };
}

describe('the window clock runtime', () => {
  it('follows every offset the sync engine stores', () => {
    const r = runtime();
    const measured = { offsetMs: 7_380_000, rttMs: 40, measuredAt: 1 };
    r.pushOffset(measured);
    r.pushOffset(null);
    expect(r.offsets).toEqual([measured, null]);
  });

  it('asks for a new measurement when the device clock is set, not on an ordinary minute', () => {
    const r = runtime();
    r.minute();
    expect(r.onClockSet).not.toHaveBeenCalled();
    r.minute(2 * 3_600_000); // someone set the clock two hours forward
    expect(r.onClockSet).toHaveBeenCalledTimes(1);
  });

  it('notices a new time zone within a minute, and at once when the window comes back', () => {
    const r = runtime();
    const seen: string[] = [];
    r.deviceZone.subscribe(() => seen.push(r.deviceZone.current()));
    r.travel('Asia/Novosibirsk');
    expect(r.deviceZone.current()).toBe('Europe/Moscow'); // nothing reports it by itself
    r.minute();
    expect(seen).toEqual(['Asia/Novosibirsk']);
    r.travel('Asia/Vladivostok');
    r.windowBack();
    expect(seen).toEqual(['Asia/Novosibirsk', 'Asia/Vladivostok']);
  });

  it('stops everything it started', () => {
    const r = runtime();
    r.stop();
    expect(r.ticks).toEqual([]);
    r.travel('Asia/Novosibirsk');
    r.windowBack();
    expect(r.deviceZone.current()).toBe('Europe/Moscow');
  });
});

describe("the engineer's own reading of a customer's time", () => {
  let container: HTMLElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('moves with the engineer from Moscow to Novosibirsk without a restart', () => {
    // 2026-12-03T00:00Z is 12:00 in Kamchatka (UTC+12, МСК+9), 03:00 in Moscow, 07:00 in Novosibirsk (МСК+4).
    let zone = 'Europe/Moscow';
    const deviceZone = createDeviceZone(() => zone);
    installDeviceZone(deviceZone);
    act(() => root.render(<ZonedTime iso="2026-12-03T00:00:00Z" zone="Asia/Kamchatka" />));
    expect(container.textContent).toBe('03.12.2026, 12:00 МСК+9 · у вас 03:00 МСК');
    zone = 'Asia/Novosibirsk';
    act(() => void deviceZone.check());
    expect(container.textContent).toBe('03.12.2026, 12:00 МСК+9 · у вас 07:00 МСК+4');
  });
});

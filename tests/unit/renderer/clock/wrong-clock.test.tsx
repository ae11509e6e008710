// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '@shared/host/contract';
import { toQueueEntry } from '@shared/queue/queue-entry';
import { ClockSkewBanner } from '../../../../renderer/features/clock/ClockSkewBanner';
import { QueueClocks } from '../../../../renderer/features/queue/QueueClocks';
import { installHost } from '../../../../renderer/lib/host';
import { initI18n } from '../../../../renderer/lib/i18n';
import { setClockOffset } from '../../../../renderer/lib/window-clock';
import { MOSCOW, makeTicket } from '../queue/queue-fixtures';

// React warns unless it knows updates are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOUR = 3_600_000;
const request = vi.fn(async () => ({ ok: true as const, value: { logged: true } }));
const host = { request, on: vi.fn(() => () => undefined) } as unknown as HostBridge;
const writeText = vi.fn<(text: string) => Promise<void>>();

let container: HTMLElement;
let root: Root;

beforeAll(async () => {
  installHost(host, 'browser');
  await initI18n();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

beforeEach(async () => {
  vi.useFakeTimers();
  request.mockClear();
  writeText.mockReset();
  await i18next.changeLanguage('ru');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  act(() => setClockOffset(null));
  vi.useRealTimers();
});

function render(node: ReactNode): void {
  act(() => root.render(node));
}

/** This computer's clock reads `deviceIso`; the sync engine measured `offsetMs` (ERP − device). */
function deviceClock(deviceIso: string, offsetMs: number | null): void {
  vi.setSystemTime(Date.parse(deviceIso));
  act(() =>
    setClockOffset(
      offsetMs === null
        ? null
        : { offsetMs, rttMs: 40, measuredAt: Date.parse(deviceIso) - 60_000 },
    ),
  );
}

const text = (testId: string) =>
  container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('a queue row on a computer whose clock is wrong', () => {
  // A P1 (reaction 1 h, 24×7) created at 09:00Z: in ERP time it is 10:35Z, 35 minutes overdue.
  const overdue = toQueueEntry(makeTicket(1, '2026-11-25T09:00:00Z'), MOSCOW, 0, 0);

  it('shows the ticket 35 minutes overdue when the clock is two hours behind', () => {
    // Uncorrected, the device's 08:35Z would be before the ticket's creation.
    deviceClock('2026-11-25T08:35:00Z', 2 * HOUR);
    render(<QueueClocks entry={overdue} />);
    expect(text('reaction-clock')).toContain('−35 мин 00 с');
    expect(
      container
        .querySelector('[data-testid="reaction-clock"] .queue-clock')
        ?.getAttribute('data-status'),
    ).toBe('breached');
  });

  it('counts down from ERP time, not from the clock two hours behind', () => {
    // ERP 09:36Z: 24 minutes of the hour left. The device reads 07:36Z.
    deviceClock('2026-11-25T07:36:00Z', 2 * HOUR);
    render(<QueueClocks entry={overdue} />);
    expect(text('reaction-clock')).toContain('24 мин 00 с');
  });

  it('gives a Russian reason and copy diagnostics when a month-behind clock was never corrected', async () => {
    // No offset measured yet (no sync since), the device a month behind: the engine refuses "now
    // before createdAt", and the row says so in words instead of the engine's English.
    deviceClock('2026-10-25T10:35:00Z', null);
    render(<QueueClocks entry={overdue} />);
    const notice = container.querySelector('[data-testid="sla-error"]');
    expect(notice?.getAttribute('data-code')).toBe('now_before_created');
    expect(notice?.textContent).toContain(
      'Сроки не рассчитаны: часы компьютера показывают время раньше создания заявки',
    );
    expect(notice?.textContent).not.toMatch(/now is before/);

    writeText.mockResolvedValue(undefined);
    await act(async () => notice!.querySelector('button')!.click());
    const copied = writeText.mock.calls[0]![0];
    expect(copied).toContain('Error: now_before_created: now is before ticket.createdAt');
    expect(copied).toContain('Clock offset: not measured yet');
    expect(notice?.querySelector('button')?.textContent).toBe('Скопировано');
    expect(notice?.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Скопировать диагностику',
    );
    expect(request).toHaveBeenCalledWith('diagnostics:log', {
      level: 'warn',
      scope: 'sla',
      message: `ticket ${overdue.id}: now_before_created: now is before ticket.createdAt`,
    });
  });

  it("words a refused ticket stored in the queue in English too, never the engine's message", async () => {
    const broken = toQueueEntry(
      makeTicket(2, '2026-11-25T09:00:00Z', [{ type: 'resumed', at: '2026-11-25T09:30:00Z' }]),
      MOSCOW,
      0,
      0,
    );
    await act(async () => i18next.changeLanguage('en'));
    deviceClock('2026-11-25T10:00:00Z', 0);
    render(<QueueClocks entry={broken} />);
    expect(text('sla-error')).toContain(
      "Deadlines not calculated: the ticket's log contradicts the regulation",
    );
    expect(text('sla-error')).not.toMatch(/resume without a pause/);
  });
});

describe('the clock banner', () => {
  it.each([
    [
      'ru',
      2 * HOUR + 3 * 60_000,
      'Часы компьютера отстают на 2 ч 03 мин; сроки показаны по времени ERP.',
    ],
    [
      'ru',
      -(31 * 24 * HOUR + 4 * HOUR),
      'Часы компьютера спешат на 31 день 4 ч; сроки показаны по времени ERP.',
    ],
    [
      'en',
      2 * HOUR + 3 * 60_000,
      "This computer's clock is 2 h 03 min behind; deadlines are shown in ERP time.",
    ],
    ['en', -5 * 60_000, "This computer's clock is 5 min ahead; deadlines are shown in ERP time."],
  ])('in %s, offset %d ms: %s', async (language, offsetMs, expected) => {
    await act(async () => i18next.changeLanguage(language));
    deviceClock('2026-11-25T08:35:00Z', offsetMs);
    render(<ClockSkewBanner />);
    expect(text('clock-skew-text')).toBe(expected);
  });

  it("says when the offset was measured, in this computer's own terms", () => {
    deviceClock('2026-11-25T08:35:00Z', 2 * HOUR);
    render(<ClockSkewBanner />);
    expect(text('clock-skew-banner')).toContain(
      '(расхождение измерено 1 минуту назад при синхронизации с ERP)',
    );
  });

  it('is not there within two minutes, and goes away when the clock is right again', () => {
    deviceClock('2026-11-25T08:35:00Z', 2 * 60_000);
    render(<ClockSkewBanner />);
    expect(text('clock-skew-banner')).toBeNull();
    deviceClock('2026-11-25T08:35:00Z', 2 * 60_000 + 1_000);
    expect(text('clock-skew-banner')).not.toBeNull();
    deviceClock('2026-11-25T08:35:00Z', 400);
    expect(text('clock-skew-banner')).toBeNull();
  });

  it('collapses to one line and opens again, but cannot be dismissed', async () => {
    deviceClock('2026-11-25T08:35:00Z', 2 * HOUR + 3 * 60_000);
    render(<ClockSkewBanner />);
    const button = () => container.querySelector('[data-testid="clock-skew-banner"] button')!;
    await act(async () => (button() as HTMLButtonElement).click());
    expect(text('clock-skew-banner')).toBe('Часы отстают на 2 ч 03 минПодробнее');
    await act(async () => (button() as HTMLButtonElement).click());
    expect(text('clock-skew-text')).toContain('отстают на 2 ч 03 мин');
  });
});

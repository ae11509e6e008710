import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AlertStatus } from '../../../shared/alerts/schemas';
import { trayIconPixels, trayIconPng } from '../../../electron/main/services/tray-icon';
import { trayConditionOf, trayViewOf } from '../../../electron/main/services/tray-state';

const status = (overrides: Partial<AlertStatus> = {}): AlertStatus => ({
  open: 41,
  warning: 0,
  breached: 0,
  mutedUntil: null,
  quietUntil: null,
  locale: 'ru',
  ...overrides,
});
// Wed 25.11.2026 12:00 MSK.
const NOW = Date.parse('2026-11-25T09:00:00Z');
const ZONE = 'Europe/Moscow';

describe('tray state', () => {
  it.each([
    [{ warning: 0, breached: 0 }, 'normal'],
    [{ warning: 3, breached: 0 }, 'warning'],
    [{ warning: 0, breached: 1 }, 'breach'],
    [{ warning: 5, breached: 2 }, 'breach'],
  ] as const)('%j is %s', (counts, condition) => expect(trayConditionOf(counts)).toBe(condition));

  it('shows the counts in the tooltip and badges the tickets needing attention', () => {
    const view = trayViewOf(status({ warning: 3, breached: 2 }), NOW, ZONE);
    expect(view).toEqual({
      condition: 'breach',
      tooltip: 'PROконтакт: просрочено: 2 · на исходе: 3 · открыто: 41',
      badgeCount: 5,
      muted: false,
      labels: {
        open: 'Открыть',
        settings: 'Настройки',
        syncNow: 'Синхронизировать сейчас',
        mute: 'Без уведомлений на час',
        quit: 'Выйти',
      },
    });
  });

  it('says all is in order, with no badge, when nothing is near its deadline', () => {
    const view = trayViewOf(status(), NOW, ZONE);
    expect(view.tooltip).toBe('PROконтакт: сроки в порядке · открыто: 41');
    expect(view.badgeCount).toBe(0);
  });

  it('shows a mute in the tooltip and offers to end it', () => {
    const view = trayViewOf(status({ mutedUntil: '2026-11-25T10:00:00.000Z' }), NOW, ZONE);
    expect(view.tooltip).toBe(
      'PROконтакт: сроки в порядке · открыто: 41\nбез уведомлений до 13:00',
    );
    expect(view.muted).toBe(true);
    expect(view.labels.mute).toBe('Включить уведомления (выключены до 13:00)');
  });

  it('speaks English when the window does', () => {
    const view = trayViewOf(
      status({ locale: 'en', breached: 1, quietUntil: '2026-11-26T05:00:00.000Z' }),
      NOW,
      ZONE,
    );
    // English writes the day first too, 24 h (one date format per language, docs/ui.md).
    expect(view.tooltip).toBe(
      'PROконтакт: 1 overdue · 0 running out · 41 open\nquiet hours until 26/11 08:00',
    );
    expect(view.labels).toEqual({
      open: 'Open',
      settings: 'Settings',
      syncNow: 'Sync now',
      mute: 'Mute for an hour',
      quit: 'Quit',
    });
  });
});

describe('tray icon', () => {
  const pixel = (pixels: Uint8Array, size: number, x: number, y: number) => [
    ...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
  ];

  it('is a disc in the colour of the condition, transparent in the corners', () => {
    const red = trayIconPixels('breach', 32);
    expect(pixel(red, 32, 0, 0)[3]).toBe(0);
    expect(pixel(red, 32, 6, 16)).toEqual([0xc6, 0x28, 0x28, 255]);
    expect(pixel(trayIconPixels('warning', 32), 32, 6, 16)).toEqual([0xd9, 0x70, 0x0b, 255]);
    expect(pixel(trayIconPixels('normal', 32), 32, 6, 16)).toEqual([0x1d, 0x4f, 0x91, 255]);
    // The white mark: the centre dot, or the "!" bar.
    expect(pixel(trayIconPixels('normal', 32), 32, 16, 16)).toEqual([255, 255, 255, 255]);
    expect(pixel(red, 32, 16, 10)).toEqual([255, 255, 255, 255]);
  });

  it('encodes as a PNG whose pixels are those pixels', () => {
    const png = trayIconPng('warning', 16);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([16, 16]);
    const idatLength = view.getUint32(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const rows = Array.from({ length: 16 }, (_, y) => raw.subarray(y * 65 + 1, (y + 1) * 65));
    expect(Buffer.concat(rows)).toEqual(Buffer.from(trayIconPixels('warning', 16)));
  });
});

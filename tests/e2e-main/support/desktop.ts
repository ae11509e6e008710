import { expect, type Page } from '@playwright/test';
import type { StandInRecord } from '../../fixtures/electron-stand-in/protocol';
import { trayIconPng } from '../../../electron/main/services/tray-icon';
import type { TrayCondition } from '../../../electron/main/services/tray-state';
import type { MainProcess } from './main-process';

/* What main did to the desktop, read back from the stand-in's records. */

type NotificationShown = Extract<StandInRecord, { kind: 'notification' }>;

export function notificationTitled(title: string) {
  return (record: StandInRecord): record is NotificationShown =>
    record.kind === 'notification' && record.op === 'show' && record.options.title === title;
}

export function notificationsShown(main: MainProcess): NotificationShown[] {
  return main.records
    .map((entry) => entry.record)
    .filter(
      (record): record is NotificationShown =>
        record.kind === 'notification' && record.op === 'show',
    );
}

const ICONS = new Map(
  (['normal', 'warning', 'breach'] as const).map((condition) => [
    Buffer.from(trayIconPng(condition, 16)).toString('base64'),
    condition,
  ]),
);

export interface TrayNow {
  condition: TrayCondition | 'unknown icon' | null;
  tooltip: string | null;
  menu: string[];
  badge: number | null;
}

/** The tray as the user sees it now: the last icon, tooltip, menu and badge main set. */
export function trayNow(main: MainProcess): TrayNow {
  const now: TrayNow = { condition: null, tooltip: null, menu: [], badge: null };
  for (const { record } of main.records) {
    if (record.kind === 'tray' && (record.op === 'create' || record.op === 'setImage')) {
      now.condition = ICONS.get(record.image.pngBase64 ?? '') ?? 'unknown icon';
    } else if (record.kind === 'tray' && record.op === 'setToolTip') {
      now.tooltip = record.text;
    } else if (record.kind === 'tray' && record.op === 'setContextMenu') {
      now.menu = (record.items ?? [])
        .filter((item) => item.type !== 'separator')
        .map((item) => item.label);
    } else if (record.kind === 'app' && record.op === 'setBadgeCount') {
      now.badge = record.count;
    }
  }
  return now;
}

/** The window as the OS would show it: visible and focused, or not. */
export async function windowState(main: MainProcess) {
  const [window] = (await main.state()).windows;
  if (!window) throw new Error('main has no window');
  return { visible: window.visible, focused: window.focused, destroyed: window.destroyed };
}

/** Stores the ERP token through the real bridge, as the Settings page does. */
export async function enterErpToken(page: Page, token: string): Promise<void> {
  const answer = await page.evaluate(
    (value) => window.prokontakt!.request('secrets:set-erp-token', { token: value }),
    token,
  );
  expect(answer).toMatchObject({ ok: true, value: { present: true } });
}

/**
 * The queue's view of every open ticket: the queue opens on «Мои», and the tickets these tests
 * register belong to nobody yet.
 */
export async function showAllOpen(page: Page): Promise<void> {
  await page.getByTestId('queue-view-open').click({ timeout: 60_000 });
}

/** The queue's row for a ticket. */
export function queueRow(page: Page, ticketId: string) {
  return page.locator(`[data-testid="queue-row"][data-ticket-id="${ticketId}"]`);
}

const MINUTE = 60_000;

/** createdAt for a P1 ticket (24×7, 1 h to react) that reaches `fraction` of it at `at`. */
export function p1CreatedAt(fraction: number, at: number): string {
  return new Date(at - fraction * 60 * MINUTE).toISOString();
}

import { formatOwnTime } from '@shared/alerts/notice-text';
import type { AlertLocale, AlertStatus } from '@shared/alerts/schemas';

export type TrayCondition = 'normal' | 'warning' | 'breach';

/** Everything the tray shows, decided here so the Electron adapter only copies it over. */
export interface TrayView {
  condition: TrayCondition;
  tooltip: string;
  /** Tickets needing attention (within 90 % or breached); 0 hides the badge. */
  badgeCount: number;
  muted: boolean;
  labels: { open: string; settings: string; syncNow: string; mute: string; quit: string };
}

const TEXT = {
  ru: {
    product: 'PROконтакт',
    counts: (breached: number, warning: number, open: number) =>
      `просрочено: ${breached} · на исходе: ${warning} · открыто: ${open}`,
    allClear: (open: number) => `сроки в порядке · открыто: ${open}`,
    mutedUntil: (time: string) => `без уведомлений до ${time}`,
    quietUntil: (time: string) => `тихие часы до ${time}`,
    open: 'Открыть',
    settings: 'Настройки',
    syncNow: 'Синхронизировать сейчас',
    mute: 'Без уведомлений на час',
    unmute: (time: string) => `Включить уведомления (выключены до ${time})`,
    quit: 'Выйти',
  },
  en: {
    product: 'PROконтакт',
    counts: (breached: number, warning: number, open: number) =>
      `${breached} overdue · ${warning} running out · ${open} open`,
    allClear: (open: number) => `deadlines in order · ${open} open`,
    mutedUntil: (time: string) => `muted until ${time}`,
    quietUntil: (time: string) => `quiet hours until ${time}`,
    open: 'Open',
    settings: 'Settings',
    syncNow: 'Sync now',
    mute: 'Mute for an hour',
    unmute: (time: string) => `Unmute (muted until ${time})`,
    quit: 'Quit',
  },
} satisfies Record<AlertLocale, unknown>;

export function trayConditionOf(status: Pick<AlertStatus, 'warning' | 'breached'>): TrayCondition {
  if (status.breached > 0) return 'breach';
  if (status.warning > 0) return 'warning';
  return 'normal';
}

/** The tray for a scheduler status: worst condition, counts in the tooltip, menu labels. */
export function trayViewOf(status: AlertStatus, nowMs: number, zone: string): TrayView {
  const text = TEXT[status.locale];
  const condition = trayConditionOf(status);
  const at = (iso: string) => formatOwnTime(Date.parse(iso), nowMs, zone, status.locale);
  const lines = [
    `${text.product}: ${
      condition === 'normal'
        ? text.allClear(status.open)
        : text.counts(status.breached, status.warning, status.open)
    }`,
  ];
  if (status.mutedUntil !== null) lines.push(text.mutedUntil(at(status.mutedUntil)));
  else if (status.quietUntil !== null) lines.push(text.quietUntil(at(status.quietUntil)));
  return {
    condition,
    tooltip: lines.join('\n'),
    badgeCount: status.breached + status.warning,
    muted: status.mutedUntil !== null,
    labels: {
      open: text.open,
      settings: text.settings,
      syncNow: text.syncNow,
      mute: status.mutedUntil === null ? text.mute : text.unmute(at(status.mutedUntil)),
      quit: text.quit,
    },
  };
}

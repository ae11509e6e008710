import { useSyncExternalStore } from 'react';
import type { AlertNotice, AlertStatus } from '@shared/alerts/schemas';
import type { HostBridge } from '@shared/host/contract';

/*
 * The window's own list of recent desk notifications and the latest alert status, fed by host
 * events. UI state only (what was shown, what was dismissed): the tickets stay in Dexie.
 */

const MAX_RECENT = 50;
/** Toasts in the window at once; older ones remain in the list. */
export const MAX_TOASTS = 3;

export interface RecentAlerts {
  notices: AlertNotice[];
  /** Ids still shown as toasts. */
  toasts: string[];
  unread: number;
  status: AlertStatus | null;
}

let state: RecentAlerts = { notices: [], toasts: [], unread: 0, status: null };
const listeners = new Set<() => void>();

function set(next: RecentAlerts): void {
  state = next;
  for (const listener of listeners) listener();
}

export function recordNotice(notice: AlertNotice): void {
  // A newer notice with the same tag replaces the older one, as the OS does.
  const notices = [notice, ...state.notices.filter((n) => n.tag !== notice.tag)].slice(
    0,
    MAX_RECENT,
  );
  const replaced = state.notices.find((n) => n.tag === notice.tag)?.id;
  const kept = state.toasts.filter((id) => id !== replaced);
  // Only a ticket's notice pops up in the window; a summary (what was reached while the app was
  // closed, often what the queue shows as overdue anyway) waits in the list, counted as new.
  const toasts = notice.kind === 'ticket' ? [notice.id, ...kept].slice(0, MAX_TOASTS) : kept;
  set({ ...state, notices, toasts, unread: state.unread + 1 });
}

export function dismissToast(id: string): void {
  set({ ...state, toasts: state.toasts.filter((toast) => toast !== id) });
}

export function markAllRead(): void {
  if (state.unread !== 0) set({ ...state, unread: 0 });
}

export function clearNotices(): void {
  set({ ...state, notices: [], toasts: [], unread: 0 });
}

export function recordStatus(status: AlertStatus): void {
  set({ ...state, status });
}

/** Subscribes the store to the host's alert events; returns the unsubscribe function. */
export function connectRecentAlerts(host: HostBridge): () => void {
  const offShown = host.on('alerts:shown', recordNotice);
  const offStatus = host.on('alerts:status', recordStatus);
  return () => {
    offShown();
    offStatus();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getRecentAlerts(): RecentAlerts {
  return state;
}

export function useRecentAlerts(): RecentAlerts {
  return useSyncExternalStore(subscribe, getRecentAlerts);
}

import { createDeskAlerts } from '@shared/alerts/desk-alerts';
import type { AlertNotice } from '@shared/alerts/schemas';
import type { EventChannel, EventPayload, HostBridge, RequestChannel } from '@shared/host/contract';
import { createRequestDispatcher } from '@shared/host/dispatch';
import type { HostHandlers } from '@shared/host/request-schemas';
import { fail, ok, type HostResult } from '@shared/host/result';
import type { SyncTriggerReason } from '@shared/host/schemas';
import { createBrowserSettings } from './browser-settings';

/*
 * The host API for a plain browser: settings in localStorage, ERP over same-origin fetch, desk
 * notifications through the Web Notifications API, sync triggers from browser events. Inputs go
 * through the same dispatcher and schemas as in main, so both hosts accept and refuse alike.
 */

// The CSP allows connect-src 'self' only, so the ERP is reached through the serving process
// under this prefix (it forwards to the ERP; without one, requests fail as unreachable).
const ERP_PREFIX = '/erp';
// The token lives only as long as the tab: the browser host is for development and tests.
const TOKEN_KEY = 'prokontakt.erp-token';
// What was announced, so a reload or a new session does not repeat it (main keeps it in a file).
const ALERT_MEMORY_KEY = 'prokontakt.alerts.fired';

type Listener = (payload: unknown) => void;

export function createBrowserHost(): HostBridge {
  const listeners = new Map<EventChannel, Set<Listener>>();
  const emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const settings = createBrowserSettings(window.localStorage, () => new Date());
  const alerts = createDeskAlerts(
    {
      now: () => Date.now(),
      monotonicNow: () => performance.now(),
      setTimeout: (callback, ms) => {
        const timer = window.setTimeout(callback, ms);
        return () => window.clearTimeout(timer);
      },
      setInterval: (callback, ms) => {
        const timer = window.setInterval(callback, ms);
        return () => window.clearInterval(timer);
      },
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      storedMemory: readStorage(ALERT_MEMORY_KEY),
      writeMemory: (text) => writeStorage(ALERT_MEMORY_KEY, text),
      show: (notice) => {
        showNotification(notice, (ticketId) => emit('alerts:open-ticket', { ticketId }));
        emit('alerts:shown', notice);
      },
      onStatus: (status) => emit('alerts:status', status),
      onProblem: (message) => console.warn(`[alerts] ${message}`),
    },
    settings.current().alerts,
  );

  const fireSync = (reason: SyncTriggerReason) =>
    emit('sync:trigger', { reason, at: new Date().toISOString() });
  let syncTimer = 0;
  const scheduleSync = () => {
    window.clearInterval(syncTimer);
    syncTimer = window.setInterval(
      () => fireSync('timer'),
      settings.current().sync.intervalMinutes * 60_000,
    );
  };
  scheduleSync();
  window.addEventListener('online', () => fireSync('online'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    fireSync('resume');
    alerts.resume();
  });

  const handlers: HostHandlers = {
    'app:info': async () =>
      ok({
        name: 'PROконтакт Support Desk',
        version: __APP_VERSION__,
        host: 'browser',
        platform: navigator.platform || 'web',
      }),
    'settings:get': async () => ok(settings.snapshot()),
    'settings:set': async (patch) => {
      const snapshot = settings.update(patch);
      scheduleSync();
      alerts.applySettings(snapshot.settings.alerts);
      return ok(snapshot);
    },
    'secrets:set-erp-token': async ({ token }) => {
      if (token === null) window.sessionStorage.removeItem(TOKEN_KEY);
      else window.sessionStorage.setItem(TOKEN_KEY, token);
      return ok({ present: token !== null });
    },
    'secrets:erp-token-status': async () =>
      ok({ present: window.sessionStorage.getItem(TOKEN_KEY) !== null }),
    'erp:request': async (request) => {
      const url = new URL(`${ERP_PREFIX}${request.path}`, window.location.origin);
      for (const [key, value] of Object.entries(request.query ?? {})) {
        url.searchParams.append(key, value);
      }
      const headers: Record<string, string> = { Accept: 'application/json' };
      const token = window.sessionStorage.getItem(TOKEN_KEY);
      if (token !== null) headers['Authorization'] = `Bearer ${token}`;
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';
      try {
        const response = await fetch(url, {
          method: request.method,
          headers,
          body: request.body === undefined ? null : JSON.stringify(request.body),
          signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
          redirect: 'error',
          credentials: 'omit',
        });
        const text = await response.text();
        return ok({
          status: response.status,
          body: parseBody(text),
          retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
        });
      } catch (error) {
        return fail('erp_unreachable', `The ERP could not be reached: ${String(error)}`);
      }
    },
    'alerts:update': async (feed) => {
      // Not awaited: a prompt the user leaves open must not hold the alerts back (the window's
      // own list shows them meanwhile).
      if (feed.tickets.length > 0) void askNotificationPermission();
      return ok(alerts.update(feed));
    },
    'alerts:mute': async ({ minutes }) => ok(alerts.mute(minutes)),
  };

  const dispatch = createRequestDispatcher(handlers, {
    onHandlerError: (channel, error) => console.warn(`[host] ${channel} failed`, error),
  });

  return {
    request(channel: RequestChannel, ...args: unknown[]) {
      return dispatch(channel, args[0]) as Promise<HostResult<never>>;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

let permissionAsked = false;

// Asked once, and only once there is something to announce, never on page load.
async function askNotificationPermission(): Promise<void> {
  if (permissionAsked || !('Notification' in window) || Notification.permission !== 'default') {
    return;
  }
  permissionAsked = true;
  try {
    await Notification.requestPermission();
  } catch {
    // Older permission API or a blocked prompt: notifications simply stay off.
  }
}

function showNotification(notice: AlertNotice, onOpen: (ticketId: string) => void): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  // The same tag replaces the previous notice of that ticket clock, or the growing summary.
  let notification: Notification;
  try {
    notification = new Notification(notice.title, {
      body: notice.body,
      tag: notice.tag,
      requireInteraction: notice.severity === 'breach',
    });
  } catch (error) {
    // Some browsers allow notifications only from a service worker; the window's list remains.
    console.warn('[alerts] this browser refused a page notification', error);
    return;
  }
  notification.onclick = () => {
    window.focus();
    notification.close();
    if (notice.ticketId !== null) onOpen(notice.ticketId);
  };
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch (error) {
    // Full or disabled storage: alerts go on, a reload may repeat some of them.
    console.warn('[alerts] could not store the fired alerts', error);
  }
}

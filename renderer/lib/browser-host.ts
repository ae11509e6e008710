import { createAlertScheduler } from '@shared/host/alert-scheduler';
import type { EventChannel, EventPayload, HostBridge, RequestChannel } from '@shared/host/contract';
import { createRequestDispatcher } from '@shared/host/dispatch';
import type { HostHandlers } from '@shared/host/request-schemas';
import { fail, ok, type HostResult } from '@shared/host/result';
import type { PlannedNotification, SyncTriggerReason } from '@shared/host/schemas';
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

type Listener = (payload: unknown) => void;

export function createBrowserHost(): HostBridge {
  const listeners = new Map<EventChannel, Set<Listener>>();
  const emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const settings = createBrowserSettings(window.localStorage, () => new Date());
  const alerts = createAlertScheduler({
    now: Date.now,
    setTimer: (callback, ms) => {
      const timer = window.setTimeout(callback, ms);
      return () => window.clearTimeout(timer);
    },
    notify: (alert) =>
      showNotification(alert, (ticketId) => emit('alerts:open-ticket', { ticketId })),
  });

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
    if (document.visibilityState === 'visible') fireSync('resume');
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
    'alerts:update': async ({ alerts: planned }) => {
      if (planned.length > 0) await askNotificationPermission();
      return ok({ scheduled: alerts.replace(planned) });
    },
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

// Asked only once there is something to announce, never on page load.
async function askNotificationPermission(): Promise<void> {
  if (!('Notification' in window) || Notification.permission !== 'default') return;
  try {
    await Notification.requestPermission();
  } catch {
    // Older permission API or a blocked prompt: notifications simply stay off.
  }
}

function showNotification(alert: PlannedNotification, onOpen: (ticketId: string) => void): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const notification = new Notification(alert.title, { body: alert.body, tag: alert.id });
  notification.onclick = () => {
    window.focus();
    onOpen(alert.ticketId);
  };
}

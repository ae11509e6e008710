import { createDeskAlerts } from '@shared/alerts/desk-alerts';
import { resolvedTimeZone } from '@shared/clock/device-zone';
import type { AlertNotice } from '@shared/alerts/schemas';
import type { EventChannel, EventPayload, HostBridge, RequestChannel } from '@shared/host/contract';
import { describeErpProblem } from '@shared/host/diagnostics';
import { answerAlertsUpdate } from '@shared/host/alerts-update-answer';
import { createRequestDispatcher } from '@shared/host/dispatch';
import type { HostHandlers } from '@shared/host/request-schemas';
import { fail, ok, type HostResult } from '@shared/host/result';
import type { SettingsSnapshot, SyncTriggerReason } from '@shared/host/schemas';
import { createBrowserAlertMemory } from './browser-alert-memory';
import { createBrowserDiagnostics } from './browser-diagnostics';
import { createBrowserSettings } from './browser-settings';
import { createLogRing, type LogRing } from './log-ring';
import {
  getErpTokenStatus,
  getServedErp,
  putErpToken,
  putServedErp,
  servedBlobPort,
  servedErpCheck,
  servedErpPort,
  servedErpSession,
} from './serving-process';

/*
 * The host API for a plain browser: settings in localStorage, the ERP through the serving process
 * (the page's CSP allows its own origin only; that process runs main's ERP gateway, holds the
 * token and decides which ERP the page works with, see serving-process.ts), desk notifications through the Web Notifications API, sync
 * triggers from browser events. Inputs go through the same dispatcher and schemas as in main, so
 * both hosts accept and refuse alike.
 */
// The host's own recent warnings, for the diagnostics report (main has a log file instead).
const LOG_RING_SIZE = 200;
const APP = { name: 'PROконтакт Support Desk', version: __APP_VERSION__ };

type Listener = (payload: unknown) => void;

export function createBrowserHost(): HostBridge {
  const listeners = new Map<EventChannel, Set<Listener>>();
  const emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const log = createLogRing(LOG_RING_SIZE);
  const diagnostics = createBrowserDiagnostics(APP, log);
  const settings = createBrowserSettings(window.localStorage, () => new Date());
  const alertMemory = createBrowserAlertMemory(window.localStorage, (message, error) =>
    log.add('warn', 'alerts', message, error),
  );
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
      timeZone: resolvedTimeZone,
      storedMemory: alertMemory.load(),
      writeMemory: (write) => alertMemory.write(write),
      show: (notice) => {
        showNotification(notice, log, (ticketId) => emit('alerts:open-ticket', { ticketId }));
        emit('alerts:shown', notice);
      },
      onStatus: (status) => emit('alerts:status', status),
      onProblem: (message) => log.add('warn', 'alerts', message),
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
        ...APP,
        host: 'browser',
        platform: navigator.platform || 'web',
      }),
    'settings:get': async () => ok(await withServedErp(settings.snapshot())),
    'settings:set': async (patch) => {
      // The serving process routes the ERP requests, so the ERP choice is made there first; the
      // copy in localStorage follows only once it took it.
      if (patch.erp) {
        const answer = await putServedErp(patch.erp);
        if (!answer.ok) {
          log.add('warn', 'settings', `the ERP address was not changed: ${answer.message}`);
          return fail(
            answer.status === 400 ? 'invalid_input' : 'internal',
            `The ERP address was not changed: ${answer.message}`,
          );
        }
        diagnostics.noteTokenPresent(answer.value.tokenPresent);
      }
      const snapshot = settings.update(patch);
      scheduleSync();
      alerts.applySettings(snapshot.settings.alerts);
      return ok(await withServedErp(snapshot));
    },
    'secrets:set-erp-token': async ({ token }) => {
      const answer = await putErpToken(token);
      if (!answer.ok) {
        log.add('warn', 'secrets', `the ERP token was not stored: ${answer.message}`);
        // 409: the serving process runs the demo ERP, so there is no address to bind a token to.
        const code = answer.status === 409 ? 'erp_not_configured' : 'secure_storage_unavailable';
        return fail(code, `The token was not stored: ${answer.message}`);
      }
      diagnostics.noteTokenPresent(answer.value.present);
      return ok(answer.value);
    },
    'secrets:erp-token-status': async () => {
      const answer = await getErpTokenStatus();
      return answer.ok ? ok(answer.value) : fail('internal', answer.message);
    },
    'erp:session': async () => noted('session', await servedErpSession()),
    'erp:check': (candidate) => servedErpCheck(candidate),
    'erp:push': async (request) => noted('push', await servedErpPort.push(request)),
    'erp:changes': async (query) => noted('changes', await servedErpPort.changes(query)),
    'erp:blob-parts': async ({ sha256 }) => noted('blob-parts', await servedBlobPort.parts(sha256)),
    'erp:blob-put': async (part) => noted('blob-put', await servedBlobPort.put(part)),
    'erp:blob-get': async (range) => noted('blob-get', await servedBlobPort.get(range)),
    'alerts:update': async (update) => {
      // Not awaited: a prompt the user leaves open must not hold the alerts back (the window's
      // own list shows them meanwhile).
      if ((update.kind === 'full' ? update.tickets : update.upsert).length > 0)
        void askNotificationPermission();
      return answerAlertsUpdate(alerts, update);
    },
    'alerts:mute': async ({ minutes }) => ok(alerts.mute(minutes)),
    'diagnostics:host': async () => ok(await diagnostics.collect()),
    'diagnostics:log': async ({ level, scope, message, detail }) => {
      log.add(level, `page:${scope}`, detail === undefined ? message : `${message}\n${detail}`);
      return ok({ logged: true });
    },
  };
  /**
   * The serving process's ERP choice wins over the copy in localStorage: it is where requests go
   * (serve-web --erp sets it without the page). Unreachable: the copy, and a line in the log.
   */
  async function withServedErp(snapshot: SettingsSnapshot): Promise<SettingsSnapshot> {
    const answer = await getServedErp();
    if (!answer.ok) {
      log.add('warn', 'settings', `which ERP is in use is unknown: ${answer.message}`);
      return snapshot;
    }
    const { mode, baseUrl, kind, redmineMapping } = answer.value;
    const erp = { mode, baseUrl, kind, redmineMapping };
    return { ...snapshot, settings: { ...snapshot.settings, erp } };
  }

  function noted<T extends { status: number }>(
    what: Parameters<typeof describeErpProblem>[0],
    result: HostResult<T>,
  ) {
    const problem = describeErpProblem(what, result);
    if (problem !== null) log.add('warn', 'erp', problem);
    return result;
  }

  const dispatch = createRequestDispatcher(handlers, {
    onHandlerError: (channel, error) => log.add('warn', 'host', `${channel} failed`, error),
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

function showNotification(
  notice: AlertNotice,
  log: LogRing,
  onOpen: (ticketId: string) => void,
): void {
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
    log.add('warn', 'alerts', 'this browser refused a page notification', error);
    return;
  }
  notification.onclick = () => {
    window.focus();
    notification.close();
    if (notice.ticketId !== null) onOpen(notice.ticketId);
  };
}

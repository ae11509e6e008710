import type { AlertMute, AlertNotice, AlertStatus } from '../alerts/schemas';
import type { HostDiagnostics } from './diagnostics';
import type { HostResult } from './result';
import type {
  AlertsUpdate,
  AlertsUpdateResult,
  AppInfo,
  AppNavigate,
  ErpBlobGetInput,
  ErpBlobPartsInput,
  ErpBlobPutInput,
  ErpBlobResponse,
  DiagnosticsLogEntry,
  ErpChangesInput,
  ErpCheckInput,
  ErpPushInput,
  ErpResponse,
  ErpTokenStatus,
  SetErpToken,
  SettingsPatch,
  SettingsSnapshot,
  SyncTrigger,
} from './schemas';

/*
 * Contract 3: the host API. This module is deliberately free of runtime dependencies (types and
 * two small tables) so the sandboxed preload can import it without bundling zod.
 */

/** Request channels (renderer → host), each answered with a HostResult of `output`. */
export interface HostRequestMap {
  'app:info': { input: undefined; output: AppInfo };
  'settings:get': { input: undefined; output: SettingsSnapshot };
  'settings:set': { input: SettingsPatch; output: SettingsSnapshot };
  /**
   * Stores the token for the ERP address configured now (null clears it). The token goes one way:
   * no channel ever returns it, and it is sent only to the origin it was entered for.
   */
  'secrets:set-erp-token': { input: SetErpToken; output: ErpTokenStatus };
  'secrets:erp-token-status': { input: undefined; output: ErpTokenStatus };
  /*
   * Contract 2, one channel per endpoint. The host picks the address, method, path and token, so
   * the renderer never holds the token and the host is no general proxy.
   */
  /** GET /sync/v1/session: who the token belongs to and the server's time. */
  'erp:session': { input: undefined; output: ErpResponse };
  /** POST /sync/v1/push. */
  'erp:push': { input: ErpPushInput; output: ErpResponse };
  /** GET /sync/v1/changes. */
  'erp:changes': { input: ErpChangesInput; output: ErpResponse };
  /**
   * GET /sync/v1/session at an address not saved yet (the Settings page's «Проверить
   * подключение»): the same fixed path and method, the token given or the one stored for exactly
   * that origin.
   */
  'erp:check': { input: ErpCheckInput; output: ErpResponse };
  /** GET /sync/v1/blobs/{sha256}/parts: which parts of a blob the ERP holds. */
  'erp:blob-parts': { input: ErpBlobPartsInput; output: ErpResponse };
  /** PUT /sync/v1/blobs/{sha256}?part&parts&size: one part (at most BLOB_PART_BYTES). */
  'erp:blob-put': { input: ErpBlobPutInput; output: ErpResponse };
  /** GET /sync/v1/blobs/{sha256} (with Range when start is given): the content, as bytes. */
  'erp:blob-get': { input: ErpBlobGetInput; output: ErpBlobResponse };
  /**
   * The alert feed (every open ticket's SLA instants), whole or as a delta on the host's version;
   * answers how many alerts are pending, or that the versions disagree (then the whole feed).
   */
  'alerts:update': { input: AlertsUpdate; output: AlertsUpdateResult };
  /** Holds back P2–P4 notifications for some minutes (0 ends the mute). */
  'alerts:mute': { input: AlertMute; output: AlertStatus };
  /** Versions, OS, the ERP as the user may see it (never the token) and the host's recent log. */
  'diagnostics:host': { input: undefined; output: HostDiagnostics };
  /** A problem the page met (a render error, a failed start), written to the host's log. */
  'diagnostics:log': { input: DiagnosticsLogEntry; output: { logged: boolean } };
}

/** Event channels (host → renderer). */
export interface HostEventMap {
  /** The host decided it is time to sync (timer, back online, resume from sleep…). */
  'sync:trigger': SyncTrigger;
  /** The user clicked a desk notification. */
  'alerts:open-ticket': { ticketId: string };
  /** A desk notification was shown (the window keeps a list of recent ones). */
  'alerts:shown': AlertNotice;
  /** Counts and mute state changed (what the tray shows). */
  'alerts:status': AlertStatus;
  /** Show a page of the window (the tray menu's «Настройки»). */
  'app:navigate': AppNavigate;
}

export type RequestChannel = keyof HostRequestMap;
export type RequestInput<C extends RequestChannel> = HostRequestMap[C]['input'];
export type RequestOutput<C extends RequestChannel> = HostRequestMap[C]['output'];
export type EventChannel = keyof HostEventMap;
export type EventPayload<E extends EventChannel> = HostEventMap[E];

// The runtime allowlists. `satisfies Record<…, true>` fails the build when the map above gains a
// channel that is missing here, and object-literal checks fail it for one that is not in the map,
// so the list can never drift from the type.
const requestChannelTable = {
  'app:info': true,
  'settings:get': true,
  'settings:set': true,
  'secrets:set-erp-token': true,
  'secrets:erp-token-status': true,
  'erp:session': true,
  'erp:push': true,
  'erp:changes': true,
  'erp:check': true,
  'erp:blob-parts': true,
  'erp:blob-put': true,
  'erp:blob-get': true,
  'alerts:update': true,
  'alerts:mute': true,
  'diagnostics:host': true,
  'diagnostics:log': true,
} as const satisfies Record<RequestChannel, true>;

const eventChannelTable = {
  'sync:trigger': true,
  'alerts:open-ticket': true,
  'alerts:shown': true,
  'alerts:status': true,
  'app:navigate': true,
} as const satisfies Record<EventChannel, true>;

export const REQUEST_CHANNELS: readonly RequestChannel[] = Object.freeze(
  Object.keys(requestChannelTable) as RequestChannel[],
);
export const EVENT_CHANNELS: readonly EventChannel[] = Object.freeze(
  Object.keys(eventChannelTable) as EventChannel[],
);

// Object.hasOwn, not `in`: "toString" or "__proto__" must not pass as a channel.
export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requestChannelTable, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventChannelTable, value);
}

/** Channels without input may be called with the channel alone. */
export type RequestArgs<C extends RequestChannel> =
  undefined extends RequestInput<C> ? [input?: RequestInput<C>] : [input: RequestInput<C>];

/**
 * What the renderer sees as `window.prokontakt` (Electron) or gets from the browser host. Both
 * implement exactly this, so renderer code cannot tell them apart.
 */
export interface HostBridge {
  request<C extends RequestChannel>(
    channel: C,
    ...args: RequestArgs<C>
  ): Promise<HostResult<RequestOutput<C>>>;
  /** Returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

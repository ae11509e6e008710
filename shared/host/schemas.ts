import { z } from 'zod';
import { BLOB_PART_BYTES, partCount, sha256Hex } from '../erp/blobs';
import { MAX_PULL_LIMIT, pushRequest } from '../erp/protocol';
import {
  alertFeedUpdateSchema,
  type AlertFeedUpdateInput,
  type AlertFeedUpdateResult,
} from '../alerts/feed-update';
import { defaultQuietHours, quietHoursSchema } from '../alerts/quiet-hours';
import { DEFAULT_REDMINE_MAPPING, redmineMapping } from '../erp/redmine/mapping';

/*
 * Data shapes that cross the host boundary. Main validates every request input with these before
 * a handler runs; the browser host validates with the same schemas, so both hosts reject the same
 * payloads.
 */

// shared/ compiles without DOM or Node types, yet both runtimes have a WHATWG URL parser. Using
// it (instead of a regex) means we classify an address exactly as the network stack will.
interface ParsedUrl {
  origin: string;
  protocol: string;
  hostname: string;
  username: string;
  password: string;
}
const UrlParser = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

function parseUrl(input: string): ParsedUrl | null {
  try {
    return new UrlParser(input);
  } catch {
    return null;
  }
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The ERP carries customer data and a bearer token, so anything but this computer must be reached
 * over TLS. Credentials inside the URL are refused: the token has its own protected store.
 */
export function isAcceptableErpUrl(input: string): boolean {
  // Other parsers (a proxy's, the log reader's) split a backslash or blank differently.
  if (/[\\\s]/.test(input)) return false;
  const url = parseUrl(input);
  if (!url || url.username !== '' || url.password !== '' || url.hostname === '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/**
 * The origin (scheme, host, port) a token is bound to: the token is sent to this origin only, so
 * a changed ERP address can never take it along. null for an address that does not parse.
 */
export function erpOriginOf(baseUrl: string): string | null {
  const url = parseUrl(baseUrl);
  return url?.origin && url.origin !== 'null' ? url.origin : null;
}

export const erpBaseUrlSchema = z.string().trim().max(2048).refine(isAcceptableErpUrl, {
  message: 'ERP address must be https:// (plain http:// only for localhost), without credentials',
});

export const ALERT_LEVELS_DEFAULT: readonly number[] = [0.75, 0.9, 1];

/**
 * Which ERP the app works with. `unset`: nothing chosen yet (a new install; the first-run screen
 * asks); `demo`: the embedded demo ERP; `configured`: the address in `baseUrl`.
 */
export const ERP_MODES = ['unset', 'demo', 'configured'] as const;
export type ErpMode = (typeof ERP_MODES)[number];

/** Which protocol a configured ERP speaks: contract 2 (PROконтакт), or Redmine's REST API. */
export const ERP_KINDS = ['prokontakt', 'redmine'] as const;
export type ErpKind = (typeof ERP_KINDS)[number];

/** A copy per call, so no settings object shares (and mutates) the defaults. */
const freshDefaultMapping = () => redmineMapping.parse(DEFAULT_REDMINE_MAPPING);

const erpSettingsSchema = z
  .object({
    mode: z.enum(ERP_MODES),
    baseUrl: erpBaseUrlSchema.nullable(),
    /** Files written before Redmine existed have none: they talk contract 2. */
    kind: z.enum(ERP_KINDS).default('prokontakt'),
    /** Kept while the kind is contract 2 too, so switching back loses no one's ids. */
    redmineMapping: redmineMapping.default(() => freshDefaultMapping()),
  })
  .refine((erp) => (erp.mode === 'configured') === (erp.baseUrl !== null), {
    message: 'mode must be "configured" exactly when an ERP address is set',
  });
export type ErpSettings = z.output<typeof erpSettingsSchema>;

/**
 * A file written before the ERP choice existed has no `mode`: its user already worked with the
 * app, on the demo ERP (no address) or on their own (an address), so they never see first run.
 */
const storedErpSettingsSchema = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null || 'mode' in value) return value;
  const { baseUrl } = value as { baseUrl?: unknown };
  return { ...value, mode: baseUrl === null || baseUrl === undefined ? 'demo' : 'configured' };
}, erpSettingsSchema);

const syncSettingsSchema = z.object({
  intervalMinutes: z.number().int().min(1).max(240),
});

export const MAX_ALERT_LEVELS = 5;
/** Fractions of an SLA target at which a desk notification fires (DOMAIN: 75 %, 90 %, 100 %). */
export const alertLevelsSchema = z
  .array(z.number().gt(0).lte(1))
  .min(1)
  .max(MAX_ALERT_LEVELS)
  .refine((levels) => levels.every((level, i) => i === 0 || level > levels[i - 1]!), {
    message: 'levels must increase, each above the one before (no duplicates)',
  });

const alertSettingsSchema = z.object({
  enabled: z.boolean(),
  levels: alertLevelsSchema,
  /** Added with the tray (issue 5); older files get the default (off). */
  quietHours: quietHoursSchema.default(defaultQuietHours),
});
const traySettingsSchema = z.object({
  /** Start with the system (Windows and macOS; Linux desktops lack the API). */
  launchAtLogin: z.boolean(),
  /** A start with the system stays in the tray until opened (desk staff need alerts, not a window). */
  startHidden: z.boolean().default(true),
  /** Closing the window hides it to the tray (alerts and sync go on); false: closing quits. */
  closeToTray: z.boolean().default(true),
});

export const UI_LANGUAGES = ['ru', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
const uiSettingsSchema = z.object({
  /** null: never chosen here (Russian, or what this window chose before the setting existed). */
  language: z.enum(UI_LANGUAGES).nullable(),
});

const completeSettingsSchema = z.object({
  version: z.literal(1),
  erp: erpSettingsSchema,
  sync: syncSettingsSchema,
  alerts: alertSettingsSchema,
  tray: traySettingsSchema,
  ui: uiSettingsSchema,
});
export type Settings = z.output<typeof completeSettingsSchema>;

/** A fresh object each time, so no caller can mutate the defaults of another. */
export function defaultSettings(): Settings {
  return {
    version: 1,
    erp: {
      mode: 'unset',
      baseUrl: null,
      kind: 'prokontakt',
      redmineMapping: freshDefaultMapping(),
    },
    sync: { intervalMinutes: 5 },
    alerts: { enabled: true, levels: [...ALERT_LEVELS_DEFAULT], quietHours: defaultQuietHours() },
    tray: { launchAtLogin: false, startHidden: true, closeToTray: true },
    ui: { language: null },
  };
}

/**
 * The persisted settings. Missing sections take their defaults (a file written by an older build
 * still loads); a present value of the wrong type is an error, never silently replaced. Unknown
 * keys are dropped so a newer build's file does not count as corrupt. No file at all is
 * `defaultSettings()` (see settings-codec): only then is the ERP still to be chosen.
 */
export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  erp: storedErpSettingsSchema.default(() => ({
    mode: 'demo' as const,
    baseUrl: null,
    kind: 'prokontakt' as const,
    redmineMapping: freshDefaultMapping(),
  })),
  sync: syncSettingsSchema.default(() => defaultSettings().sync),
  alerts: alertSettingsSchema.default(() => defaultSettings().alerts),
  tray: traySettingsSchema.default(() => defaultSettings().tray),
  ui: uiSettingsSchema.default(() => defaultSettings().ui),
});

/**
 * The ERP part of a change. An address alone means "work with this ERP"; `null` (or mode demo)
 * the embedded demo; mode unset goes back to the first-run choice. Normalized so that a place
 * given is a full `{ mode, baseUrl }`, and a contradiction (demo with an address) is an error,
 * not a guess. The kind and the Redmine mapping change alone or with the place.
 */
export const erpPatchSchema = z
  .strictObject({
    mode: z.enum(ERP_MODES).optional(),
    baseUrl: erpBaseUrlSchema.nullable().optional(),
    kind: z.enum(ERP_KINDS).optional(),
    redmineMapping: redmineMapping.optional(),
  })
  .refine(
    (erp) =>
      erp.mode !== undefined ||
      erp.baseUrl !== undefined ||
      erp.kind !== undefined ||
      erp.redmineMapping !== undefined,
    { message: 'give mode, baseUrl, kind or redmineMapping' },
  )
  .refine(
    (erp) =>
      erp.mode === undefined ||
      erp.baseUrl === undefined ||
      (erp.mode === 'configured') === (erp.baseUrl !== null),
    { message: 'mode "configured" needs an address, "demo" and "unset" none' },
  )
  .refine((erp) => erp.mode !== 'configured' || typeof erp.baseUrl === 'string', {
    message: 'mode "configured" needs baseUrl',
  })
  .transform(({ mode, baseUrl, kind, redmineMapping: mapping }): ErpSettingsChange => {
    const place =
      typeof baseUrl === 'string'
        ? { mode: 'configured' as const, baseUrl }
        : mode !== undefined || baseUrl !== undefined
          ? { mode: mode ?? 'demo', baseUrl: null }
          : {};
    return {
      ...place,
      ...(kind === undefined ? {} : { kind }),
      ...(mapping === undefined ? {} : { redmineMapping: mapping }),
    };
  });
/** What a change sets; what it leaves out stays as it was. */
export type ErpSettingsChange = Partial<ErpSettings>;

/** The ERP settings after a change (the full object is validated again by the caller). */
export function applyErpChange(current: ErpSettings, change: ErpSettingsChange): ErpSettings {
  return { ...current, ...change };
}

/** Whether the stored credential still belongs to the ERP: a new origin or kind needs its own. */
export function credentialStillFits(before: ErpSettings, after: ErpSettings): boolean {
  const originOf = (erp: ErpSettings) => (erp.baseUrl === null ? null : erpOriginOf(erp.baseUrl));
  return originOf(before) === originOf(after) && before.kind === after.kind;
}

/** A change request from the renderer: strict, so a typo is an error rather than a no-op. */
export const settingsPatchSchema = z.strictObject({
  erp: erpPatchSchema.optional(),
  sync: z.strictObject({ intervalMinutes: syncSettingsSchema.shape.intervalMinutes }).optional(),
  alerts: z
    .strictObject({
      enabled: alertSettingsSchema.shape.enabled.optional(),
      levels: alertLevelsSchema.optional(),
      quietHours: quietHoursSchema.optional(),
    })
    .optional(),
  tray: z
    .strictObject({
      launchAtLogin: z.boolean().optional(),
      startHidden: z.boolean().optional(),
      closeToTray: z.boolean().optional(),
    })
    .optional(),
  ui: z.strictObject({ language: uiSettingsSchema.shape.language }).optional(),
});
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export function applySettingsPatch(
  current: Settings,
  patch: z.output<typeof settingsPatchSchema>,
): Settings {
  // The merge is complete by construction, so the strict schema applies (no defaults needed).
  return completeSettingsSchema.parse({
    ...current,
    erp: patch.erp === undefined ? current.erp : applyErpChange(current.erp, patch.erp),
    sync: { ...current.sync, ...patch.sync },
    alerts: { ...current.alerts, ...patch.alerts },
    tray: { ...current.tray, ...patch.tray },
    ui: { ...current.ui, ...patch.ui },
  });
}

/** Why the stored settings could not be used. The UI shows it; defaults apply meanwhile. */
export interface SettingsProblem {
  kind: 'corrupt';
  /** Where the settings live: a file path in Electron, a storage key in the browser. */
  source: string;
  /** What is wrong, naming the field or the parse error. */
  detail: string;
  /** Where the unreadable original was kept once new settings were saved; null until then. */
  preservedAs: string | null;
}

export interface SettingsSnapshot {
  settings: Settings;
  problem: SettingsProblem | null;
}

/** The ERP refuses bodies over 8 MiB of UTF-8; JSON text with more characters is never under it. */
export const ERP_MAX_BODY_CHARS = 8 * 1024 * 1024;

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/*
 * The ERP channels carry exactly what contract 2 has. Method, path and headers are the host's:
 * the renderer names an operation, never a URL, so a compromised page cannot make the host an
 * authenticated proxy to anything else.
 */

/** `erp:push`: a push request as contract 2 defines it. */
export const erpPushInputSchema = pushRequest.refine(
  (body) => jsonLength(body) <= ERP_MAX_BODY_CHARS,
  { message: `push body must be at most ${ERP_MAX_BODY_CHARS} characters of JSON` },
);
export type ErpPushInput = z.input<typeof erpPushInputSchema>;

/** `erp:changes`: the opaque cursor the ERP issued (null: from the beginning) and a page size. */
export const erpChangesInputSchema = z.strictObject({
  cursor: z.string().min(1).max(4096).nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT),
});
export type ErpChangesInput = z.input<typeof erpChangesInputSchema>;

/*
 * The blob channels (contract 2, "Blobs"): a file travels in parts of at most BLOB_PART_BYTES, so
 * one request never carries more than one part and a part is binary (a Uint8Array), never text.
 */

/** `erp:blob-parts`: GET /sync/v1/blobs/{sha256}/parts. */
export const erpBlobPartsInputSchema = z.strictObject({ sha256: sha256Hex });
export type ErpBlobPartsInput = z.input<typeof erpBlobPartsInputSchema>;

// Tested by tag rather than `instanceof`: a Uint8Array cloned across IPC or from another realm is
// still one, and a Buffer (a Uint8Array subclass) is fine too.
const isUint8Array = (value: unknown): value is Uint8Array =>
  ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';

/** `erp:blob-put`: PUT /sync/v1/blobs/{sha256}?part&parts&size with one part's bytes. */
export const erpBlobPutInputSchema = z
  .strictObject({
    sha256: sha256Hex,
    part: z.number().int('part must be a whole number').nonnegative('part must be 0 or more'),
    parts: z.number().int('parts must be a whole number').positive('parts must be at least 1'),
    size: z
      .number()
      .int('size must be a whole number of bytes')
      .positive('size must be at least 1 byte')
      .max(Number.MAX_SAFE_INTEGER),
    bytes: z
      .custom<Uint8Array>(isUint8Array, { message: 'bytes must be a Uint8Array' })
      .refine((bytes) => bytes.byteLength <= BLOB_PART_BYTES, {
        message: `bytes must be at most one part (${BLOB_PART_BYTES} bytes)`,
      }),
  })
  .refine((input) => input.parts === partCount(input.size), {
    message: `parts must be the size divided into parts of ${BLOB_PART_BYTES} bytes, rounded up`,
    path: ['parts'],
  })
  .refine((input) => input.part < input.parts, {
    message: 'part must be less than parts (parts are numbered from 0)',
    path: ['part'],
  });
export type ErpBlobPutInput = z.input<typeof erpBlobPutInputSchema>;

/** `erp:blob-get`: GET /sync/v1/blobs/{sha256}, the whole or the bytes start..end (inclusive). */
export const erpBlobGetInputSchema = z
  .strictObject({
    sha256: sha256Hex,
    start: z.number().int('start must be a whole number').nonnegative().optional(),
    end: z.number().int('end must be a whole number').nonnegative().optional(),
  })
  .refine((input) => input.end === undefined || input.start !== undefined, {
    message: 'end needs a start',
    path: ['end'],
  })
  .refine((input) => input.end === undefined || input.end >= (input.start ?? 0), {
    message: 'end must not be before start',
    path: ['end'],
  });
export type ErpBlobGetInput = z.input<typeof erpBlobGetInputSchema>;

/** What a blob download answered: the bytes on 200/206, the ERP's JSON error otherwise. */
export interface ErpBlobResponse {
  status: number;
  bytes: Uint8Array | null;
  /** `Content-Range` of a 206 (`bytes a-b/total`), null otherwise. */
  contentRange: string | null;
  /** The JSON (or text) of an answer without bytes; null with bytes. */
  body: unknown;
}

/** What the ERP answered: HTTP errors are answers too (the sync engine needs 409, 410, 429…). */
export interface ErpResponse {
  status: number;
  /** Parsed JSON when the ERP answered JSON, the text otherwise, null when empty. */
  body: unknown;
  /** From Retry-After on 429/503, so the sync engine can back off as the server asks. */
  retryAfterSeconds: number | null;
}

/** Whether a token is stored, and for which ERP; the token itself never crosses the boundary. */
export interface ErpTokenStatus {
  /** A token is stored for the ERP address now configured (and will be sent to it). */
  present: boolean;
  /** The origin the stored token was entered for, as the user may see it; null: none stored. */
  origin: string | null;
  /** When it was stored (ISO instant); null when none is stored or the store predates it. */
  savedAt: string | null;
}

/** Printable ASCII without spaces: what a bearer token may contain (RFC 6750 b64token and more). */
export const erpTokenSchema = z
  .string()
  .trim()
  .min(1)
  .max(8192)
  .regex(/^[\x21-\x7e]+$/, { message: 'token must be printable ASCII without spaces' });

export const setErpTokenSchema = z.strictObject({ token: erpTokenSchema.nullable() });
export type SetErpToken = z.input<typeof setErpTokenSchema>;

/**
 * `erp:check`: an address, and a token, to try with GET /sync/v1/session before they are saved,
 * so a typo never becomes the app's ERP. No token: the one stored for that address's origin, if
 * any; a stored token never goes to another origin, here either.
 */
export const erpCheckInputSchema = z
  .strictObject({
    baseUrl: erpBaseUrlSchema,
    token: erpTokenSchema.nullable(),
    /** What the address speaks; a Redmine check also compares the form's mapping (unsaved). */
    kind: z.enum(ERP_KINDS).default('prokontakt'),
    redmineMapping: redmineMapping.optional(),
  })
  .refine((input) => input.kind !== 'redmine' || input.redmineMapping !== undefined, {
    message: 'a Redmine check needs redmineMapping',
    path: ['redmineMapping'],
  });
export type ErpCheckInput = z.input<typeof erpCheckInputSchema>;

/** Pages the host may open the window on (the tray menu's «Настройки»). */
export const NAVIGABLE_PAGES = ['settings'] as const;
export interface AppNavigate {
  page: (typeof NAVIGABLE_PAGES)[number];
}

/**
 * The alert feed (shared/alerts): per open ticket, the instants its SLA levels are reached, sent
 * whole or as a delta on the version the host holds (shared/alerts/feed-update.ts).
 */
export const alertsUpdateSchema = alertFeedUpdateSchema;
export type AlertsUpdate = AlertFeedUpdateInput;
export type AlertsUpdateResult = AlertFeedUpdateResult;

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  platform: string;
}

export type SyncTriggerReason = 'startup' | 'timer' | 'online' | 'resume' | 'manual';

export interface SyncTrigger {
  reason: SyncTriggerReason;
  at: string;
}

/** What `diagnostics:log` accepts at most, so a page can cut its report to fit. */
export const DIAGNOSTICS_LOG_LIMITS = { message: 2_000, detail: 20_000 } as const;

/** `diagnostics:log`: a problem the renderer met (a render error, a failed start) for the host's log. */
export const diagnosticsLogSchema = z.strictObject({
  level: z.enum(['warn', 'error']),
  /** Where it happened, e.g. "render", "boot". */
  scope: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*$/, { message: 'scope must be a lower-case word' }),
  message: z.string().min(1).max(DIAGNOSTICS_LOG_LIMITS.message),
  /** A stack or component trace; cut by the host's log line limit. */
  detail: z.string().max(DIAGNOSTICS_LOG_LIMITS.detail).optional(),
});
export type DiagnosticsLogEntry = z.input<typeof diagnosticsLogSchema>;

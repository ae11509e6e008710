import type { ParsedRequestInput } from '@shared/host/request-schemas';
import { ok, type HostResult } from '@shared/host/result';
import { decodeSettings, encodeSettings, preservedName } from '@shared/host/settings-codec';
import {
  applySettingsPatch,
  defaultSettings,
  type Settings,
  type SettingsProblem,
  type SettingsSnapshot,
} from '@shared/host/schemas';
import type { FilePort } from './file-port';

export interface SettingsStoreOptions {
  files: FilePort;
  /** Absolute path of settings.json inside userData. */
  path: string;
  now: () => Date;
  /**
   * Asked only when there is no settings file: whether this install ran before settings were
   * saved at all (its demo ERP data exists). Such a user already works on the demo ERP and is
   * not shown first run on upgrade.
   */
  ranBefore?: () => Promise<boolean>;
}

export interface SettingsStore {
  /** Reads the file once at startup. Never throws for a bad file: it reports it. */
  load(): Promise<SettingsSnapshot>;
  snapshot(): SettingsSnapshot;
  current(): Settings;
  update(patch: ParsedRequestInput<'settings:set'>): Promise<HostResult<SettingsSnapshot>>;
}

/**
 * Settings as JSON in userData, validated on load. A file that cannot be used is reported and left
 * exactly as it was: defaults apply for this session, and only when the user saves new settings is
 * the original moved aside (settings.json.corrupt-<time>) rather than overwritten, so whatever it
 * held can still be recovered by hand.
 */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const { files, path } = options;
  let settings: Settings = defaultSettings();
  let problem: SettingsProblem | null = null;

  // Loads and updates run one after another: an update builds on the settings the previous one
  // wrote, so two saves in flight (say, quiet hours and the ERP address) cannot drop either.
  let tail: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };

  const snapshot = (): SettingsSnapshot => ({
    settings: structuredClone(settings),
    problem: problem === null ? null : { ...problem },
  });

  async function load(): Promise<SettingsSnapshot> {
    const bytes = await files.read(path);
    let text: string | null = null;
    if (bytes !== null) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        // Not UTF-8 at all: hand the parser something that fails the same, reportable way.
        text = '\uFFFD';
      }
    }
    ({ settings, problem } = decodeSettings(text, path));
    if (bytes === null && (await options.ranBefore?.())) {
      settings = { ...settings, erp: { ...settings.erp, mode: 'demo', baseUrl: null } };
    }
    return snapshot();
  }

  async function update(
    patch: ParsedRequestInput<'settings:set'>,
  ): Promise<HostResult<SettingsSnapshot>> {
    const next = applySettingsPatch(settings, patch);
    if (problem !== null && problem.preservedAs === null) {
      const preservedAs = preservedName(path, options.now());
      await files.rename(path, preservedAs);
      problem = { ...problem, preservedAs };
    }
    await files.writeAtomic(path, encodeSettings(next));
    settings = next;
    return ok(snapshot());
  }

  return {
    load: () => serialized(load),
    snapshot,
    current: () => structuredClone(settings),
    update: (patch) => serialized(() => update(patch)),
  };
}

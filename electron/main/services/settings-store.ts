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

  const snapshot = (): SettingsSnapshot => ({
    settings: structuredClone(settings),
    problem: problem === null ? null : { ...problem },
  });

  return {
    async load() {
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
      return snapshot();
    },

    snapshot,

    current: () => structuredClone(settings),

    async update(patch) {
      const next = applySettingsPatch(settings, patch);
      if (problem !== null && problem.preservedAs === null) {
        const preservedAs = preservedName(path, options.now());
        await files.rename(path, preservedAs);
        problem = { ...problem, preservedAs };
      }
      await files.writeAtomic(path, encodeSettings(next));
      settings = next;
      return ok(snapshot());
    },
  };
}

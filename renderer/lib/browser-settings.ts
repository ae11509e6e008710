import type { ParsedRequestInput } from '@shared/host/request-schemas';
import { decodeSettings, encodeSettings, preservedName } from '@shared/host/settings-codec';
import {
  applySettingsPatch,
  type Settings,
  type SettingsProblem,
  type SettingsSnapshot,
} from '@shared/host/schemas';

export const SETTINGS_KEY = 'prokontakt.settings';

/**
 * The browser host's settings: the same codec as the file store in main, over localStorage. An
 * unusable stored value is reported and kept; saving moves it to a `.corrupt-<time>` key first.
 */
export function createBrowserSettings(storage: Storage, now: () => Date) {
  let settings: Settings;
  let problem: SettingsProblem | null;
  ({ settings, problem } = decodeSettings(read(storage), `localStorage["${SETTINGS_KEY}"]`));

  const snapshot = (): SettingsSnapshot => ({
    settings: structuredClone(settings),
    problem: problem === null ? null : { ...problem },
  });

  return {
    snapshot,
    current: () => structuredClone(settings),
    update(patch: ParsedRequestInput<'settings:set'>): SettingsSnapshot {
      const next = applySettingsPatch(settings, patch);
      if (problem !== null && problem.preservedAs === null) {
        const key = preservedName(SETTINGS_KEY, now());
        storage.setItem(key, read(storage) ?? '');
        problem = { ...problem, preservedAs: `localStorage["${key}"]` };
      }
      storage.setItem(SETTINGS_KEY, encodeSettings(next));
      settings = next;
      return snapshot();
    },
  };
}

function read(storage: Storage): string | null {
  try {
    return storage.getItem(SETTINGS_KEY);
  } catch {
    return null;
  }
}

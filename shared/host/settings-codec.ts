import { describeIssues } from './request-schemas';
import { defaultSettings, settingsSchema, type Settings, type SettingsProblem } from './schemas';

export interface DecodedSettings {
  settings: Settings;
  problem: SettingsProblem | null;
}

/**
 * Stored text → settings, shared by the file store in main and the localStorage store of the
 * browser host so both judge a stored value the same way. Nothing stored: defaults. Unusable:
 * defaults plus a problem that names what is wrong; the caller must leave the original alone.
 */
export function decodeSettings(text: string | null, source: string): DecodedSettings {
  if (text === null) return { settings: defaultSettings(), problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return corrupt(source, `not valid JSON (${reason})`);
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) return corrupt(source, describeIssues(parsed.error));
  return { settings: parsed.data, problem: null };
}

export function encodeSettings(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Name for the kept original of an unusable settings value, e.g. settings.json.corrupt-2026-…Z. */
export function preservedName(original: string, at: Date): string {
  return `${original}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
}

function corrupt(source: string, detail: string): DecodedSettings {
  return {
    settings: defaultSettings(),
    problem: { kind: 'corrupt', source, detail, preservedAs: null },
  };
}

import type { UiLanguage } from '@shared/host/schemas';
import { setLocale } from '../../lib/i18n';
import { saveSettings } from './settings-source';

/**
 * The interface language: applied at once, then kept by the host (settings.ui.language), so the
 * header switch and the Settings page are one setting and the next start opens in it.
 */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  await setLocale(language);
  const saved = await saveSettings({ ui: { language } });
  if (!saved.ok) console.warn(`[settings] the language was not saved: ${saved.error.message}`);
}

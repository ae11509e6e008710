import { useTranslation } from 'react-i18next';
import { currentLocale, LOCALES } from '../../lib/i18n';
import { chooseLanguage } from './language-choice';
import { SettingsSection } from './SettingsSection';

/** The interface language: the same setting as the header's switch, applied on choosing. */
export function LanguageSection() {
  const { t, i18n } = useTranslation();
  const active = currentLocale(i18n.language);
  return (
    <SettingsSection id="language" lead={t('settings.language.lead')}>
      <div
        className="settings-languages"
        role="radiogroup"
        aria-labelledby="settings-language-title"
      >
        {LOCALES.map((locale) => (
          <label key={locale} className="settings-check" lang={locale}>
            <input
              type="radio"
              name="settings-language"
              value={locale}
              checked={locale === active}
              onChange={() => void chooseLanguage(locale)}
            />
            {t(`language.${locale}`)}
          </label>
        ))}
      </div>
    </SettingsSection>
  );
}

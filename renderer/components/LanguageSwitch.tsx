import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../features/settings/language-choice';
import { currentLocale, LOCALES } from '../lib/i18n';

/**
 * A two-state segmented control: always visible, one click, no menu to hunt through. The same
 * setting as the Settings page's language, kept by the host.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLocale(i18n.language);
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="segmented__option"
          aria-pressed={locale === active}
          title={t(`language.${locale}`)}
          onClick={() => void chooseLanguage(locale)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

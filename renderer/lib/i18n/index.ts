import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';
import { alertsEn, alertsRu } from '../../features/alerts/alerts-messages';
import { diagnosticsEn, diagnosticsRu } from '../../features/diagnostics/diagnostics-messages';
import { identityEn, identityRu } from '../../features/identity/identity-messages';
import { intakeEn, intakeRu } from '../../features/intake/intake-messages';
import { ticketEn, ticketRu } from '../../features/ticket/ticket-messages';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// The interface language is a per-computer UI preference, so it lives in localStorage (which
// both hosts have) rather than in the host settings.
const STORAGE_KEY = 'prokontakt.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'ru';
  } catch {
    return 'ru';
  }
}

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = i18next.t('app.title');
}

/** Russian unless the user chose otherwise: the regulation and the team work in Russian. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    // Features keep their own texts beside their code; one namespace, merged here.
    resources: {
      ru: {
        translation: {
          ...ru,
          ticket: ticketRu,
          intake: intakeRu,
          alerts: alertsRu,
          diagnostics: diagnosticsRu,
          identity: identityRu,
        },
      },
      en: {
        translation: {
          ...en,
          ticket: ticketEn,
          intake: intakeEn,
          alerts: alertsEn,
          diagnostics: diagnosticsEn,
          identity: identityEn,
        },
      },
    },
    lng: readStoredLocale(),
    fallbackLng: 'ru',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  applyToDocument(i18next.language as Locale);
}

export async function setLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled; the choice then lasts for this session only.
  }
  applyToDocument(locale);
}

export function currentLocale(language: string): Locale {
  return isLocale(language) ? language : 'ru';
}

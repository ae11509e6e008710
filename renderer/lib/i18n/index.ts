import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';
import { alertsEn, alertsRu } from '../../features/alerts/alerts-messages';
import { attachmentsEn, attachmentsRu } from '../../features/attachments/attachments-messages';
import { clockEn, clockRu } from '../../features/clock/clock-messages';
import { draftsEn, draftsRu } from '../../features/drafts/drafts-messages';
import { evidenceEn, evidenceRu } from '../../features/evidence/evidence-messages';
import { deadLettersEn, deadLettersRu } from '../../features/sync/dead-letter-messages';
import { diagnosticsEn, diagnosticsRu } from '../../features/diagnostics/diagnostics-messages';
import { identityEn, identityRu } from '../../features/identity/identity-messages';
import { intakeEn, intakeRu } from '../../features/intake/intake-messages';
import { maintenanceEn, maintenanceRu } from '../../features/maintenance/maintenance-messages';
import { reportsEn, reportsRu } from '../../features/reports/reports-messages';
import { settingsEn, settingsRu } from '../../features/settings/settings-messages';
import { slaErrorEn, slaErrorRu } from '../../features/sla-error/sla-error-messages';
import { ticketEn, ticketRu } from '../../features/ticket/ticket-messages';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// The host keeps the language (settings.ui.language). localStorage keeps a copy for the error
// screens, which may have no host to ask, and holds the choice made before the setting existed.
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

/**
 * Russian unless the user chose otherwise: the regulation and the team work in Russian.
 * `chosen`: the host's setting; null when never set, and then this window's earlier choice.
 */
export async function initI18n(chosen: Locale | null = null): Promise<void> {
  await i18next.use(initReactI18next).init({
    // Features keep their own texts beside their code; one namespace, merged here.
    resources: {
      ru: {
        translation: {
          ...ru,
          ticket: ticketRu,
          intake: intakeRu,
          alerts: alertsRu,
          clock: clockRu,
          slaError: slaErrorRu,
          diagnostics: diagnosticsRu,
          settings: settingsRu,
          identity: identityRu,
          drafts: draftsRu,
          deadLetters: deadLettersRu,
          attachments: attachmentsRu,
          reports: reportsRu,
          maintenance: maintenanceRu,
          evidence: evidenceRu,
        },
      },
      en: {
        translation: {
          ...en,
          ticket: ticketEn,
          intake: intakeEn,
          alerts: alertsEn,
          clock: clockEn,
          slaError: slaErrorEn,
          diagnostics: diagnosticsEn,
          settings: settingsEn,
          identity: identityEn,
          drafts: draftsEn,
          deadLetters: deadLettersEn,
          attachments: attachmentsEn,
          reports: reportsEn,
          maintenance: maintenanceEn,
          evidence: evidenceEn,
        },
      },
    },
    lng: chosen ?? readStoredLocale(),
    fallbackLng: 'ru',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  if (chosen !== null) keepLocalCopy(chosen);
  applyToDocument(i18next.language as Locale);
}

export async function setLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  keepLocalCopy(locale);
  applyToDocument(locale);
}

function keepLocalCopy(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled; the error screens then speak Russian.
  }
}

export function currentLocale(language: string): Locale {
  return isLocale(language) ? language : 'ru';
}

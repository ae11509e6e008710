import type { UiLanguage } from '@shared/host/schemas';

/** The question Electron asks for the page when it holds unsaved edits (its beforeunload said so). */
export interface LeavePrompt {
  title: string;
  message: string;
  detail: string;
  leave: string;
  stay: string;
}

const PROMPTS: Record<UiLanguage, LeavePrompt> = {
  ru: {
    title: 'PROконтакт',
    message: 'Есть несохранённые изменения настроек',
    detail: 'Если закрыть окно сейчас, они будут потеряны.',
    leave: 'Закрыть без сохранения',
    stay: 'Остаться',
  },
  en: {
    title: 'PROконтакт',
    message: 'Some settings are not saved',
    detail: 'If you close the window now, those changes are lost.',
    leave: 'Close without saving',
    stay: 'Stay',
  },
};

export function leavePromptFor(language: UiLanguage | null): LeavePrompt {
  return PROMPTS[language ?? 'ru'];
}

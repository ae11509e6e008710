/*
 * Texts of the error screens. They are read directly, never through i18next: the failure being
 * shown may be i18next's own, or happen before it started. Russian first; English mirrors it.
 */
export const failureRu = {
  page: {
    title: 'Эту страницу не удалось показать',
    body: 'При её отображении произошла ошибка. Остальное приложение работает: синхронизация и уведомления о сроках продолжаются. Откройте другую страницу или перезагрузите окно; если ошибка повторяется, скопируйте диагностику и отправьте её в службу поддержки.',
  },
  window: {
    title: 'Окно приложения не удалось показать',
    body: 'При отображении окна произошла ошибка. Сохранённые изменения хранятся на этом компьютере и не потеряются. Перезагрузите окно; если ошибка повторяется, скопируйте диагностику и отправьте её в службу поддержки.',
  },
  start: {
    title: 'Приложение не запустилось',
    body: 'При запуске произошла ошибка. Сохранённые изменения хранятся на этом компьютере и не потеряются. Перезагрузите окно; если ошибка повторяется, скопируйте диагностику и отправьте её в службу поддержки.',
  },
  bridge: {
    title: 'Приложение запущено без связи с системой',
    body: 'Окно открылось, но модуль связи с настольной частью приложения (preload) не загрузился: без него нет доступа к ERP, настройкам и уведомлениям. Перезагрузите окно или перезапустите приложение; если не поможет, переустановите его и отправьте диагностику в службу поддержки.',
  },
  reload: 'Перезагрузить окно',
  copy: 'Скопировать диагностику',
  copied: 'Диагностика скопирована: вставьте её в письмо в службу поддержки.',
  copyRefused:
    'Скопировать не удалось: доступ к буферу обмена не разрешён. Выделите текст ниже и скопируйте его вручную.',
  report: 'Диагностика',
  toQueue: 'К очереди заявок',
};

export type FailureTexts = typeof failureRu;

export const failureEn: FailureTexts = {
  page: {
    title: 'This page could not be shown',
    body: 'An error occurred while showing it. The rest of the app keeps working: sync and deadline alerts go on. Open another page or reload the window; if the error comes back, copy the diagnostics and send them to support.',
  },
  window: {
    title: 'The app window could not be shown',
    body: 'An error occurred while showing the window. Saved changes are kept on this computer and will not be lost. Reload the window; if the error comes back, copy the diagnostics and send them to support.',
  },
  start: {
    title: 'The app did not start',
    body: 'An error occurred while starting. Saved changes are kept on this computer and will not be lost. Reload the window; if the error comes back, copy the diagnostics and send them to support.',
  },
  bridge: {
    title: 'The app started without its link to the system',
    body: 'The window opened, but the module that links it to the desktop part of the app (preload) did not load: without it there is no ERP, no settings and no alerts. Reload the window or restart the app; if that does not help, reinstall it and send the diagnostics to support.',
  },
  reload: 'Reload window',
  copy: 'Copy diagnostics',
  copied: 'Diagnostics copied: paste them into an e-mail to support.',
  copyRefused:
    'Could not copy: clipboard access is not allowed. Select the text below and copy it by hand.',
  report: 'Diagnostics',
  toQueue: 'To the ticket queue',
};

/** The texts in the window's language (i18n keeps `<html lang>` in step), Russian otherwise. */
export function failureTexts(language: string): FailureTexts {
  return language === 'en' ? failureEn : failureRu;
}

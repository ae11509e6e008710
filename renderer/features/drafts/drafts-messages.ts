/** Texts about kept drafts (Russian first; `draftsEn` mirrors the keys). */
export const draftsRu = {
  discardTitle: 'Удалить введённый текст?',
  discardBody:
    'Черновик хранится на этом компьютере и переживёт перезагрузку. Если удалить его, введённое пропадёт.',
  keep: 'Продолжить ввод',
  discard: 'Удалить черновик',
  restored: 'Восстановлен черновик: текст, введённый ранее, не был отправлен.',
  badge: 'черновик',
};

export const draftsEn: typeof draftsRu = {
  discardTitle: 'Discard what you typed?',
  discardBody:
    'The draft is kept on this computer and survives a reload. Discard it and what you typed is gone.',
  keep: 'Keep editing',
  discard: 'Discard draft',
  restored: 'Draft restored: text typed earlier that was never sent.',
  badge: 'draft',
};

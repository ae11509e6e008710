/** Texts of the intake form (Russian first; `intakeEn` mirrors the keys). */
export const intakeRu = {
  title: 'Новая заявка',
};

export const intakeEn: typeof intakeRu = {
  title: 'New request',
};

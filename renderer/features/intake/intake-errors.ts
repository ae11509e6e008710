import type { TFunction } from 'i18next';
import type { FieldError, IntakeField } from './intake-form';

/** Ids that tie a control to its hint and error, and let the summary jump to it. */
export const controlId = (field: IntakeField) => `intake-${field}`;
export const hintId = (field: IntakeField) => `intake-${field}-hint`;
export const errorId = (field: IntakeField) => `intake-${field}-error`;

/** What is wrong with a field, in the interface language. */
export function errorText(
  t: TFunction,
  locale: string,
  field: IntakeField,
  error: FieldError,
): string {
  switch (error.code) {
    case 'required':
      return t(`intake.errors.required.${field}`);
    case 'tooLong':
      return t('intake.errors.tooLong', { limit: (error.limit ?? 0).toLocaleString(locale) });
    case 'lateUnconfirmed':
      return t('intake.errors.lateUnconfirmed', { count: error.limit ?? 0 });
    case 'createdAtYear':
      return t('intake.errors.createdAtYear', { year: error.limit ?? 0 });
    default:
      return t(`intake.errors.${error.code}`);
  }
}

import type { TFunction } from 'i18next';
import type { ClosedOverlap } from '@shared/maintenance';
import { reasonOf } from '../sync/refused-action';
import type { WindowField, WindowFieldError } from './window-form';
import { overlapWords } from './window-text';

/** The order errors are listed and focused in: the form's order. */
export const WINDOW_FIELDS: readonly WindowField[] = [
  'organizationId',
  'startsAt',
  'endsAt',
  'hours',
  'unavailable',
  'mode',
  'override',
  'overrideReason',
];

export const windowControlId = (field: WindowField) => `window-${field}`;
export const windowErrorId = (field: WindowField) => `window-${field}-error`;

export function windowErrorText(t: TFunction, error: WindowFieldError): string {
  const { field, code, ...params } = error;
  return t(`maintenance.errors.${field}.${code}`, params);
}

/** More than this many closed days make the sentence a list nobody reads. */
const LISTED_OVERLAPS = 3;

/**
 * «Окно задевает рабочее время заказчика: пн 11.01.2027 с 07:00 до 08:00 по времени заказчика
 * (UTC+3). Техработы допускаются …». A DST change between the days gives each its own offset.
 */
export function refusalText(
  t: TFunction,
  overlaps: readonly ClosedOverlap[],
  timeZone: string,
  language: string,
): string {
  const words = overlaps.map((overlap) => overlapWords(overlap, timeZone, language));
  const oneOffset = words.every((w) => w.offset === words[0]?.offset);
  const shown = words.slice(0, LISTED_OVERLAPS).map((w) => {
    const hours = t('maintenance.refusal.overlap', { ...w });
    return oneOffset ? hours : t('maintenance.refusal.inZone', { list: hours, offset: w.offset });
  });
  if (words.length > LISTED_OVERLAPS)
    shown.push(t('maintenance.refusal.more', { count: words.length - LISTED_OVERLAPS }));
  const list = shown.join(', ');
  const overlapsText =
    oneOffset && words[0]
      ? t('maintenance.refusal.inZone', { list, offset: words[0].offset })
      : list;
  return `${t('maintenance.refusal.lead', { overlaps: overlapsText })} ${t('maintenance.refusal.rule')}`;
}

/**
 * A refusal of a window command (by the ERP, or by this device before queueing) in words: the
 * same wording the refused-actions list uses for its code.
 */
export function windowRefusalWords(
  t: TFunction,
  refusal: { code: string; message: string },
): string {
  const { key } = reasonOf({ type: 'plan_window', error: refusal }, null);
  return t(`deadLetters.reasons.${key}`, { code: refusal.code });
}

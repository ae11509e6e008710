import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from './file-size';

/** `formatFileSize` in the current language. */
export function useFileSize(): (bytes: number) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (bytes: number) =>
      formatFileSize(bytes, i18n.language, {
        B: t('attachments.units.B'),
        KB: t('attachments.units.KB'),
        MB: t('attachments.units.MB'),
        GB: t('attachments.units.GB'),
      }),
    [t, i18n.language],
  );
}

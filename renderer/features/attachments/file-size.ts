import { displayLocale } from '@shared/format/instant-text';

/**
 * A file size in words: "12 байт", "340 КБ", "1,2 МБ" / "12 bytes", "340 KB", "1.2 MB".
 * Units of 1024, as the file managers on these machines count; one decimal below 10.
 */
export function formatFileSize(
  bytes: number,
  language: string,
  units: { B: string; KB: string; MB: string; GB: string },
): string {
  const locale = displayLocale(language);
  if (bytes < 1024) return `${bytes} ${units.B}`;
  const steps = [
    [1024 ** 3, units.GB],
    [1024 ** 2, units.MB],
    [1024, units.KB],
  ] as const;
  const [size, unit] = steps.find(([step]) => bytes >= step)!;
  const value = bytes / size;
  const digits = value < 10 && !Number.isInteger(value) ? 1 : 0;
  const text = new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
  return `${text} ${unit}`;
}

import type { ReportPeriod } from '@shared/reports';
import { exportLabels, fill, type ExportLanguage } from './export-labels';

const ROMAN = ['I', 'II', 'III', 'IV'];

function civil(date: string, language: ExportLanguage): string {
  const [year, month, day] = date.split('-');
  return language === 'ru' ? `${day}.${month}.${year}` : date;
}

/** The civil date before `date` (the last day of a period whose `to` is exclusive). */
function dayBefore(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - 1);
  return at.toISOString().slice(0, 10);
}

/** «ноябрь 2026 г.», «IV квартал 2026 г.», «с 01.11.2026 по 15.11.2026 включительно». */
export function periodLabel(period: ReportPeriod, language: ExportLanguage): string {
  const labels = exportLabels(language);
  switch (period.kind) {
    case 'month':
      return fill(labels.month, { month: labels.months[period.month - 1]!, year: period.year });
    case 'quarter':
      return fill(labels.quarter, {
        n: ROMAN[period.quarter - 1]!,
        q: period.quarter,
        year: period.year,
      });
    case 'custom':
      return fill(labels.custom, {
        from: civil(period.from, language),
        to: civil(dayBefore(period.to), language),
      });
  }
}

/** The period in a file name: `2026-11`, `2026-Q4`, `2026-11-01_2026-11-15` (inclusive). */
export function periodSlug(period: ReportPeriod): string {
  switch (period.kind) {
    case 'month':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'custom':
      return `${period.from}_${dayBefore(period.to)}`;
  }
}

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * A name as a file-name part a mail server, a zip tool and every OS accept: Latin letters,
 * digits and dashes only (Cyrillic transliterated, everything else a dash), at most 40 characters.
 */
export function latinSlug(name: string): string {
  const latin = Array.from(name.toLowerCase())
    .map((char) => CYRILLIC[char] ?? char)
    .join('')
    // Accented Latin letters lose their accents (é → e) rather than becoming dashes.
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return latin === '' ? 'org' : latin;
}

/** `sla-otchet_2026-11_gbu-gorodskoy-kontakt-tsentr.xlsx`; several organizations: `…_3-org`. */
export function exportFileName(
  period: ReportPeriod,
  organizationNames: readonly string[],
  extension: 'xlsx' | 'csv' | 'pdf' | 'eml',
): string {
  const who =
    organizationNames.length === 1
      ? latinSlug(organizationNames[0]!)
      : organizationNames.length === 0
        ? 'all'
        : `${organizationNames.length}-org`;
  return `sla-otchet_${periodSlug(period)}_${who}.${extension}`;
}

import { describe, expect, test } from 'vitest';
import { renderPdf } from '../../../../renderer/lib/pdf/render-pdf';
import { extractPdfText } from '../../../fixtures/pdf-text';

describe('renderPdf', () => {
  test('writes Cyrillic and Russian quotes that read back as text on an A4 page', async () => {
    const bytes = await renderPdf({
      content: [
        { text: 'Отчёт о соблюдении сроков — ноябрь 2026', bold: true },
        'Заявка № 1042 «Не формируется отчёт „Остатки“»',
      ],
    });
    const pages = await extractPdfText(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(595.28, 1);
    expect(pages[0]!.height).toBeCloseTo(841.89, 1);
    expect(pages[0]!.text).toContain('Отчёт о соблюдении сроков — ноябрь 2026');
    expect(pages[0]!.text).toContain('«Не формируется отчёт „Остатки“»');
  });

  test('a long table breaks onto further pages instead of being cut off', async () => {
    const rows = Array.from({ length: 120 }, (_, index) => [`строка ${index + 1}`, String(index)]);
    const pages = await extractPdfText(
      await renderPdf({
        content: [{ table: { headerRows: 1, body: [['Поле', 'Значение'], ...rows] } }],
      }),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)!.text).toContain('строка 120');
    // The header row repeats on every page, so a printed page is readable on its own.
    expect(pages.every((page) => page.text.startsWith('Поле Значение'))).toBe(true);
  });
});

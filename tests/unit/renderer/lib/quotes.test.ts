import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeQuotes, quote } from '../../../../renderer/lib/quotes';

// Russian typography: «ёлочки» outside, „лапки“ inside, ‚…‘ one level deeper.
// English: “double” outside, ‘single’ inside, alternating further down.
describe('quote', () => {
  it.each([
    ['plain title', 'Не формируется отчёт', '«Не формируется отчёт»'],
    [
      'a title quoting a form name',
      'Не открывается карточка «Обращение»',
      '«Не открывается карточка „Обращение“»',
    ],
    [
      'an organization name with its own two levels',
      'ГБУ «Городской контакт-центр “Столица”»',
      '«ГБУ „Городской контакт-центр ‚Столица‘“»',
    ],
    [
      'straight quotes typed on a keyboard',
      'Кнопка "Сохранить" не работает',
      '«Кнопка „Сохранить“ не работает»',
    ],
    ['already „лапки“ inside', '„Отчёт“ пустой', '«„Отчёт“ пустой»'],
    ['two quoted words', '«Печать» и «Экспорт» недоступны', '«„Печать“ и „Экспорт“ недоступны»'],
    ['the inch sign pairs with nothing', 'Монитор 24" мерцает', '«Монитор 24" мерцает»'],
    ['a stray opener is left as typed', 'Ошибка «PK-1042', '«Ошибка «PK-1042»'],
    ['an apostrophe is not a quote', 'Д’Артаньян не видит отчёт', '«Д’Артаньян не видит отчёт»'],
  ])('ru: %s', (_case, text, expected) => {
    expect(quote(text, 'ru')).toBe(expected);
  });

  it.each([
    ['plain title', 'Report is empty', '“Report is empty”'],
    ['a quoted form name', 'Form «Calls» fails', '“Form ‘Calls’ fails”'],
    ['straight quotes', 'Button "Save" fails', '“Button ‘Save’ fails”'],
    ['an apostrophe stays', 'Don’t save “Draft”', '“Don’t save ‘Draft’”'],
    [
      'three levels alternate',
      'ГБУ «Городской контакт-центр “Столица”»',
      '“ГБУ ‘Городской контакт-центр “Столица”’”',
    ],
  ])('en: %s', (_case, text, expected) => {
    expect(quote(text, 'en')).toBe(expected);
  });
});

describe('normalizeQuotes', () => {
  it.each([
    [
      'an organization name as written in the ERP',
      'ГБУ «Городской контакт-центр “Столица”»',
      'ru',
      'ГБУ «Городской контакт-центр „Столица“»',
    ],
    ['straight quotes', 'ООО "Янтарь-Терминал"', 'ru', 'ООО «Янтарь-Терминал»'],
    ['English', 'LLC «Yantar»', 'en', 'LLC “Yantar”'],
  ] as const)('%s', (_case, text, language, expected) => {
    expect(normalizeQuotes(text, language)).toBe(expected);
  });
});

describe('invariants', () => {
  const pieces = fc.constantFrom('«', '»', '“', '”', '„', '"', ' ', 'а', 'б', '1', '’');
  const text = fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(''));

  it('never nests «…» directly in «…» when the text pairs its quotes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('слово', ' '), { maxLength: 4 }), (words) => {
        const inner = `«${words.join('')}»`;
        const result = quote(`А ${inner} и ${inner}`, 'ru');
        expect(result.slice(1, -1)).not.toMatch(/[«»]/u);
      }),
    );
  });

  it('changes only quotation marks: letters, digits and spaces stay where they were', () => {
    fc.assert(
      fc.property(text, (value) => {
        const result = quote(value, 'ru');
        const strip = (s: string) => s.replace(/[«»“”„"‚‘’]/gu, '');
        expect(strip(result)).toBe(strip(value));
        expect(Array.from(result)).toHaveLength(Array.from(value).length + 2);
      }),
    );
  });
});

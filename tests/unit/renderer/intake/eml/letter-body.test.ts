import { describe, expect, it } from 'vitest';
import { describeLetter, ownText } from '../../../../../renderer/features/intake/eml/letter-body';

/*
 * How a letter's text becomes the §4 description. Headings the regulation's template uses split
 * it; without them, everything goes to «Фактический результат» and nothing is guessed.
 */
describe('describeLetter', () => {
  const table: Array<[string, string, ReturnType<typeof describeLetter>]> = [
    [
      'headings with a colon and text on the same line',
      'Шаги: открыть отчёт\nОжидаемый результат: таблица\nФактический результат: пусто\nДиагностика: на всех ПК',
      {
        steps: 'открыть отчёт',
        expected: 'таблица',
        actual: 'пусто',
        diagnostics: 'на всех ПК',
        mapping: 'headings',
      },
    ],
    [
      'numbered headings on their own lines, text below; a preamble joins «actual»',
      'Добрый день!\nНе печатается журнал.\n\n1. Действия пользователя\nОткрыть журнал\nНажать «Печать»\n2) Ожидалось —\nпредпросмотр\n3. Что произошло:\nничего',
      {
        steps: 'Открыть журнал\nНажать «Печать»',
        expected: 'предпросмотр',
        actual: 'Не печатается журнал.\n\nничего',
        diagnostics: '',
        mapping: 'headings',
      },
    ],
    [
      '«Фактический результат» is not taken for a bare «Результат»; English headings work too',
      'Steps to reproduce: open the log\nExpected result: a preview\nActual: nothing happens',
      {
        steps: 'open the log',
        expected: 'a preview',
        actual: 'nothing happens',
        diagnostics: '',
        mapping: 'headings',
      },
    ],
    [
      'free text: all of it in «actual», greeting, quote and signature dropped',
      'Здравствуйте!\n\nНе открывается карточка.\nПерезапуск не помог.\n\n> старое письмо\n--\nИванов',
      {
        steps: '',
        expected: '',
        actual: 'Не открывается карточка.\nПерезапуск не помог.',
        diagnostics: '',
        mapping: 'whole',
      },
    ],
    [
      'a word that only starts like a heading is text («Шагимарданов», «Действиями»)',
      'Шагимарданов сообщил об ошибке.\nДействиями оператора не воспроизводится.',
      {
        steps: '',
        expected: '',
        actual: 'Шагимарданов сообщил об ошибке.\nДействиями оператора не воспроизводится.',
        diagnostics: '',
        mapping: 'whole',
      },
    ],
    [
      'only a greeting and a signature: no text',
      'Добрый день,\n\nС уважением, Иванов',
      { steps: '', expected: '', actual: '', diagnostics: '', mapping: 'empty' },
    ],
  ];
  it.each(table)('%s', (_, text, expected) => {
    expect(describeLetter(text)).toEqual(expected);
  });
});

describe('ownText', () => {
  it.each([
    ['an Outlook original message', 'Ошибка.\n-----Original Message-----\nFrom: a@b.ru'],
    ['a Russian Outlook one', 'Ошибка.\n-----Исходное сообщение-----\nОт: a@b.ru'],
    ['a Thunderbird attribution', 'Ошибка.\nOn 15.11.2026 18:02, Служба поддержки wrote:\n> x'],
    [
      'a Gmail attribution in Russian',
      'Ошибка.\nВ пн, 16 нояб. 2026 г. в 10:00, Иван <a@b.ru> написал:',
    ],
    ['a signature separator', 'Ошибка.\n-- \nИван'],
    ['a sign-off', 'Ошибка.\nС уважением,\nИван'],
  ])('stops at %s', (_, text) => {
    expect(ownText(text)).toEqual(['Ошибка.']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_LETTER_BYTES,
  readLetter,
  type LetterResult,
} from '../../../../../renderer/features/intake/eml/read-letter';

/*
 * Real-world letters written for these tests (tests/fixtures/eml): the headers and encodings
 * Outlook, Thunderbird, Gmail and Yandex produce, and the broken and hostile files a support
 * mailbox also receives. "Now" is 2026-12-07T10:00:00Z, after every sample's Date.
 */
const NOW = Date.parse('2026-12-07T10:00:00Z');
const dir = new URL('../../../../fixtures/eml/', import.meta.url);

function fileOf(name: string) {
  const bytes = readFileSync(new URL(name, dir));
  return {
    name,
    size: bytes.byteLength,
    arrayBuffer: () =>
      Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
  };
}

async function letterOf(name: string) {
  const result = await readLetter(fileOf(name), NOW);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problem)}`);
  return result.letter;
}

describe('readLetter on real-world letters', () => {
  it('Outlook: windows-1251 quoted-printable, B-encoded Subject and name, template headings', async () => {
    const letter = await letterOf('outlook-cp1251-qp.eml');
    expect(letter.fromAddress).toBe('support@kc-stolitsa.ru');
    expect(letter.fromName).toBe('Иванов Иван');
    expect(letter.subject).toBe('Зависает печать акта сверки');
    // Date: Mon, 16 Nov 2026 10:15:42 +0300 is 07:15:42 UTC, seconds kept.
    expect(letter.sentAt).toBe('2026-11-16T07:15:42Z');
    expect(letter.description.mapping).toBe('headings');
    expect(letter.description.steps).toBe(
      '1. Открыть «Документы» > «Акты сверки».\n2. Выбрать контрагента «ООО Ромашка» и период ноябрь 2026.\n3. Нажать «Печать».',
    );
    expect(letter.description.expected).toBe('открывается предпросмотр печатной формы.');
    expect(letter.description.actual).toBe(
      'При печати акта сверки система зависает.\n\nокно «Формирование…» висит больше 10 минут, затем ошибка «Превышено время ожидания».',
    );
    expect(letter.description.diagnostics).toContain('перезагрузка сервера печати не помогла');
    // The signature is not part of any field.
    expect(JSON.stringify(letter.description)).not.toContain('С уважением');
    expect(letter.attachments).toEqual([]);
  });

  it('Thunderbird: KOI8-R 8bit body, Q-encoded Subject, free text with a quoted reply', async () => {
    const letter = await letterOf('thunderbird-koi8r-8bit.eml');
    expect(letter.fromAddress).toBe('orlova.tn@spz-samara.ru');
    expect(letter.fromName).toBe('Орлова Татьяна');
    expect(letter.subject).toBe('Re: Не открывается карточка обращения');
    // +0400 (Samara): 09:40 local is 05:40 UTC.
    expect(letter.sentAt).toBe('2026-11-17T05:40:00Z');
    expect(letter.description).toEqual({
      steps: '',
      expected: '',
      actual:
        'Со вчерашнего вечера у операторов не открывается карточка обращения:\nпосле нажатия на номер появляется пустое окно. Перезапуск браузера не\nпомогает, у руководителя смены то же самое.',
      diagnostics: '',
      mapping: 'whole',
    });
  });

  it('Gmail: UTF-8 base64 text, QP html alternative, an attachment with an RFC 2231 Russian name', async () => {
    const letter = await letterOf('gmail-utf8-base64-attachment.eml');
    expect(letter.subject).toBe('Пустой сводный отчёт за неделю');
    expect(letter.fromAddress).toBe('morozova.ov@uralmed.ru');
    // +0500 (Yekaterinburg): 11:05 local is 06:05 UTC.
    expect(letter.sentAt).toBe('2026-12-01T06:05:00Z');
    expect(letter.description.steps).toContain('«Сводный отчёт по обращениям»');
    expect(letter.description.expected).toBe('таблица за неделю.');
    expect(letter.description.actual).toContain('«Нет данных»');
    expect(letter.description.diagnostics).toBe('за один день отчёт строится; скриншот приложен.');
    expect(letter.attachments).toEqual([
      { name: 'ошибка отчёта.png', mimeType: 'image/png', bytes: expect.any(Number) as number },
    ]);
    expect(letter.attachments[0]!.bytes).toBeGreaterThan(0);
  });

  it("carries the attachments' contents for the request's files, in the letter's order", async () => {
    const result = await readLetter(fileOf('gmail-utf8-base64-attachment.eml'), NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.files.map((file) => [file.name, file.size])).toEqual([
      ['ошибка отчёта.png', result.letter.attachments[0]!.bytes],
    ]);
    // The decoded base64 is the PNG itself: its signature, not the transfer encoding.
    const head = new Uint8Array(await result.files[0]!.slice(0, 8).arrayBuffer());
    expect(Array.from(head)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('Yandex: an HTML-only base64 body becomes text, the stylesheet and tags gone', async () => {
    const letter = await letterOf('yandex-html-only.eml');
    expect(letter.fromAddress).toBe('dispatch@primport.ru');
    expect(letter.subject).toBe('Реестр контейнеров не принимается');
    // +1000 (Vladivostok): 21:20:11 local is 11:20:11 UTC.
    expect(letter.sentAt).toBe('2026-12-02T11:20:11Z');
    expect(letter.description.mapping).toBe('headings');
    expect(letter.description.expected).toContain('статус меняется на «Принят»');
    expect(letter.description.actual).toContain('ошибка E-1042');
    expect(letter.description.steps).toContain('загрузка реестра через «Импорт»');
    const all = Object.values(letter.description).join('\n');
    expect(all).not.toMatch(/<|color:red|&nbsp;/);
  });
});

describe('readLetter refuses broken and hostile files, saying why', () => {
  const cases: Array<[string, LetterResult]> = [
    ['no-date.eml', { ok: false, problem: { code: 'noDate' } }],
    // "16.11.2026 10:15" is no RFC 5322 date: day and month could be read either way round.
    ['bad-date.eml', { ok: false, problem: { code: 'badDate', value: '16.11.2026 10:15' } }],
    // 2100-01-01 10:00 +0300 lies after NOW.
    [
      'future-date.eml',
      { ok: false, problem: { code: 'futureDate', sentAt: '2100-01-01T07:00:00Z' } },
    ],
    ['hostile-script.eml', { ok: false, problem: { code: 'scripts' } }],
    // A .docx (a zip) renamed to .eml.
    ['not-an-email.eml', { ok: false, problem: { code: 'notEmail' } }],
  ];
  it.each(cases)('%s', async (name, expected) => {
    expect(await readLetter(fileOf(name), NOW)).toEqual(expected);
  });

  it('refuses a 30 MB file without reading it', async () => {
    let read = false;
    const result = await readLetter(
      {
        name: 'huge.eml',
        size: 30 * 1024 * 1024,
        arrayBuffer: () => {
          read = true;
          return Promise.resolve(new ArrayBuffer(0));
        },
      },
      NOW,
    );
    expect(result).toEqual({ ok: false, problem: { code: 'tooLarge', limitMb: 25 } });
    expect(read).toBe(false);
    expect(MAX_LETTER_BYTES).toBe(25 * 1024 * 1024);
  });

  it('refuses an empty file and a letter without a sender', async () => {
    const empty = {
      name: 'e.eml',
      size: 0,
      arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)),
    };
    expect(await readLetter(empty, NOW)).toEqual({ ok: false, problem: { code: 'empty' } });
    const text = 'Date: Mon, 16 Nov 2026 10:15:42 +0300\r\nSubject: x\r\n\r\nbody';
    const bytes = new TextEncoder().encode(text);
    const noFrom = {
      name: 'n.eml',
      size: bytes.byteLength,
      arrayBuffer: () => Promise.resolve(bytes.buffer),
    };
    expect(await readLetter(noFrom, NOW)).toEqual({ ok: false, problem: { code: 'noFrom' } });
  });
});

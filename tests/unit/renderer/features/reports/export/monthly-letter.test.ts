import PostalMime from 'postal-mime';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  letterOrganizationOf,
  monthlyLetter,
} from '../../../../../../renderer/features/reports/export/monthly-letter';
import {
  encodeHeader,
  writeEml,
} from '../../../../../../renderer/features/reports/export/write-eml';
import { novemberReport } from './report-fixture';

const ORGANIZATION = {
  id: 'org-msk',
  name: 'ГБУ «Городской контакт-центр "Столица"»',
  timeZone: 'Europe/Moscow',
  contactEmails: ['it@stolica.example', 'boss@stolica.example'],
};

describe('monthlyLetter', () => {
  test('subject names the month; the body has the numbers per priority and the signature', () => {
    const letter = monthlyLetter(novemberReport(), ORGANIZATION);
    expect(letter.to).toBe('it@stolica.example, boss@stolica.example');
    expect(letter.subject).toBe('Отчёт о соблюдении сроков поддержки за ноябрь 2026 г.');
    expect(letter.body).toContain('для организации ГБУ «Городской контакт-центр „Столица“».');
    expect(letter.body).toContain(
      '— приоритет P1: заявок — 2; реакция в срок: 2 из 2 (100\u00a0%); решение в срок: 1 из 2 (50\u00a0%).',
    );
    expect(letter.body).not.toContain('P3');
    expect(letter.body.endsWith('служба технической поддержки «Digit PROконтакт»')).toBe(true);
    expect(letter.href.startsWith('mailto:it@stolica.example')).toBe(true);
  });

  test('a quarter and a custom period read as Russian says them', () => {
    const quarter = {
      ...novemberReport(),
      period: { kind: 'quarter', year: 2026, quarter: 4 },
    } as const;
    expect(monthlyLetter(quarter, ORGANIZATION).subject).toBe(
      'Отчёт о соблюдении сроков поддержки за IV квартал 2026 г.',
    );
    const custom = {
      ...novemberReport(),
      period: { kind: 'custom', from: '2026-11-01', to: '2026-11-16' },
    } as const;
    expect(monthlyLetter(custom, ORGANIZATION).subject).toBe(
      'Отчёт о соблюдении сроков поддержки за период с 01.11.2026 по 15.11.2026 включительно',
    );
  });
});

describe('letterOrganizationOf', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  test.each([
    [['a'], [a, b], a],
    [[], [a], a],
    [[], [a, b], null],
    [['a', 'b'], [a, b], null],
    // Ticked but gone from the local copy: no letter to a stranger.
    [['c'], [a, b], null],
  ])('ticked %j of %j → %j', (ids, organizations, expected) => {
    expect(letterOrganizationOf(ids, organizations)).toEqual(expected);
  });
});

describe('writeEml', () => {
  // Bytes across the whole range, including ones that are not valid UTF-8.
  const pdf = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31 + 7) % 256);
  const xlsx = Uint8Array.from({ length: 1_234 }, (_, i) => (i * 17) % 256);

  test('parses back into the same subject, recipients, text and byte-identical attachments', async () => {
    const letter = monthlyLetter(novemberReport(), ORGANIZATION);
    const eml = writeEml({
      to: ORGANIZATION.contactEmails,
      subject: letter.subject,
      text: letter.body,
      attachments: [
        { name: 'sla-otchet_2026-11_gbu.pdf', type: 'application/pdf', bytes: pdf },
        {
          name: 'sla-otchet_2026-11_gbu.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: xlsx,
        },
      ],
      // 2026-12-01T09:30Z was a Tuesday.
      date: new Date('2026-12-01T09:30:00Z'),
    });
    expect(eml.startsWith('X-Unsent: 1\r\n')).toBe(true);
    expect(eml).toContain('Date: Tue, 01 Dec 2026 09:30:00 +0000\r\n');
    // Every line ends in CRLF, none is longer than RFC 5322's 78 characters, all of it is ASCII.
    expect(eml.split('\r\n').filter((line) => line.length > 78 || line.includes('\n'))).toEqual([]);
    expect([...eml].every((char) => char.charCodeAt(0) < 128)).toBe(true);

    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toBe(letter.subject);
    expect(parsed.to?.map((a) => ('address' in a ? a.address : ''))).toEqual(
      ORGANIZATION.contactEmails,
    );
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(letter.body);
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      ['sla-otchet_2026-11_gbu.pdf', 'application/pdf'],
      [
        'sla-otchet_2026-11_gbu.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ]);
    expect(new Uint8Array(parsed.attachments[0]!.content as ArrayBuffer)).toEqual(pdf);
    expect(new Uint8Array(parsed.attachments[1]!.content as ArrayBuffer)).toEqual(xlsx);
  });

  test('any subject survives RFC 2047 encoding, in words no longer than 75 characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
        async (subject) => {
          const clean = subject.replace(/[\r\n]/g, ' ').trim();
          fc.pre(clean !== '');
          const encoded = encodeHeader(clean);
          expect(encoded.split('\r\n ').every((word) => word.length <= 75)).toBe(true);
          const parsed = await PostalMime.parse(
            writeEml({ to: [], subject: clean, text: 'x', attachments: [], date: new Date(0) }),
          );
          expect(parsed.subject).toBe(clean);
        },
      ),
      { numRuns: 200 },
    );
  });
});

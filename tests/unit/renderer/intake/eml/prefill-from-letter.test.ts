import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../../shared/domain/ticket';
import { instantOfWallTime } from '../../../../../renderer/features/intake/created-at';
import {
  keepLetterTime,
  letterWallTime,
  matchOrganization,
  prefillFromLetter,
} from '../../../../../renderer/features/intake/eml/prefill-from-letter';
import type { Letter } from '../../../../../renderer/features/intake/eml/read-letter';
import { EMPTY_INTAKE } from '../../../../../renderer/features/intake/intake-form';

const org = (
  id: string,
  name: string,
  timeZone: string,
  contactEmails: string[],
): Organization => ({
  id,
  name,
  timeZone,
  calendar: 'RU',
  accounts: ['operator01'],
  contactEmails,
  version: 1,
});
const STOLITSA = org('org-msk', 'ГБУ «Столица»', 'Europe/Moscow', ['it@kc-stolitsa.ru']);
const KAMCHATKA = org('org-pkc', 'ООО «Камчатрыба»', 'Asia/Kamchatka', ['IT@Kamryba41.ru']);
const POCHTA = org('org-rf', 'АО «Почта»', 'Asia/Yekaterinburg', ['ivanov@почта.рф']);
// Two customers who write from a public mail service.
const MAILRU_A = org('org-a', 'Б-клиент', 'Europe/Samara', ['a.client@mail.ru']);
const MAILRU_B = org('org-b', 'А-клиент', 'Europe/Samara', ['b.client@mail.ru']);
const ORGS = [STOLITSA, KAMCHATKA, POCHTA, MAILRU_A, MAILRU_B];

describe('matchOrganization by the sender’s domain', () => {
  it.each([
    [
      'another mailbox of a known domain',
      'petrov@kc-stolitsa.ru',
      { kind: 'one', organizationId: 'org-msk' },
    ],
    ['case does not matter', 'dispatch@KAMRYBA41.RU', { kind: 'one', organizationId: 'org-pkc' }],
    // почта.рф is xn--80a1acny.xn--p1ai in DNS: both spellings are the same domain.
    [
      'a Cyrillic domain typed as punycode',
      'x@xn--80a1acny.xn--p1ai',
      { kind: 'one', organizationId: 'org-rf' },
    ],
    [
      'a public mail service shared by two',
      'c@mail.ru',
      { kind: 'many', names: ['А-клиент', 'Б-клиент'] },
    ],
    ['an unknown domain', 'x@example.org', { kind: 'none', domain: 'example.org' }],
  ])('%s', (_, address, expected) => {
    expect(matchOrganization(address, ORGS)).toEqual(expected);
  });
});

describe('letterWallTime: the Date as the customer’s wall clock, to the second', () => {
  it.each([
    // Moscow is UTC+3 all year (no DST since 2014).
    ['2026-11-16T07:15:42Z', 'Europe/Moscow', '2026-11-16T10:15:42'],
    // Kamchatka is UTC+12: the same instant is already the evening.
    ['2026-11-16T07:15:42Z', 'Asia/Kamchatka', '2026-11-16T19:15:42'],
    // Whole minutes drop the seconds, as the datetime-local input writes them.
    ['2026-12-01T06:05:00Z', 'Asia/Yekaterinburg', '2026-12-01T11:05'],
    // 23:30Z on 31 Dec is already 1 January 2027 in Vladivostok (UTC+10).
    ['2026-12-31T23:30:00Z', 'Asia/Vladivostok', '2027-01-01T09:30'],
  ])('%s in %s reads %s', (sentAt, zone, wall) => {
    expect(letterWallTime(sentAt, zone)).toBe(wall);
  });

  it('reads back to the same instant in any Russian zone (property)', () => {
    const zones = ['Europe/Kaliningrad', 'Europe/Moscow', 'Asia/Omsk', 'Asia/Kamchatka'];
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2020-01-01T00:00:00Z'),
          max: Date.parse('2030-01-01T00:00:00Z'),
        }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const sentAt = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, {
            zone: 'utc',
          }).toISO()!;
          const wall = instantOfWallTime(letterWallTime(sentAt, zone), zone);
          expect(wall).toEqual({ ok: true, ms: Date.parse(sentAt) });
        },
      ),
    );
  });
});

const LETTER: Letter = {
  fileName: 'a.eml',
  fromAddress: 'dispatch@kamryba41.ru',
  fromName: 'Диспетчер',
  subject: 'Не формируется журнал',
  sentAt: '2026-11-16T07:15:42Z',
  description: { steps: 's', expected: 'e', actual: 'a', diagnostics: 'd', mapping: 'headings' },
  attachments: [],
};

describe('prefillFromLetter', () => {
  it('starts a new request from the letter and leaves what a letter cannot say', () => {
    const { form, match } = prefillFromLetter(LETTER, ORGS, 'Europe/Moscow');
    expect(match).toEqual({ kind: 'one', organizationId: 'org-pkc' });
    expect(form).toEqual({
      ...EMPTY_INTAKE,
      organizationId: 'org-pkc',
      reporterEmail: 'dispatch@kamryba41.ru',
      title: 'Не формируется журнал',
      steps: 's',
      expected: 'e',
      actual: 'a',
      diagnostics: 'd',
      // 07:15:42Z on Kamchatka's clock (UTC+12).
      createdAtLocal: '2026-11-16T19:15:42',
    });
    // Account, priority and the user's confirmation stay for the engineer.
    expect([form.account, form.priority, form.notUserSideConfirmed]).toEqual(['', '', false]);
  });

  it('without a matching organization, shows the time on the engineer’s clock', () => {
    const { form } = prefillFromLetter(
      { ...LETTER, fromAddress: 'x@example.org' },
      ORGS,
      'Europe/Moscow',
    );
    expect(form.organizationId).toBe('');
    expect(form.createdAtLocal).toBe('2026-11-16T10:15:42');
  });
});

describe('keepLetterTime when the organization changes', () => {
  const form = { ...EMPTY_INTAKE, createdAtLocal: '2026-11-16T10:15:42' };
  it('moves the letter’s time to the new zone, so the instant stays the Date', () => {
    expect(
      keepLetterTime(form, LETTER.sentAt, 'Europe/Moscow', 'Asia/Kamchatka').createdAtLocal,
    ).toBe('2026-11-16T19:15:42');
  });
  it('leaves a time the engineer typed over', () => {
    const typed = { ...form, createdAtLocal: '2026-11-16T09:00' };
    expect(keepLetterTime(typed, LETTER.sentAt, 'Europe/Moscow', 'Asia/Kamchatka')).toBe(typed);
  });
  it('leaves a form without a letter', () => {
    expect(keepLetterTime(form, null, 'Europe/Moscow', 'Asia/Kamchatka')).toBe(form);
  });
});

import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../shared/domain/ticket';
import {
  EMPTY_INTAKE,
  validateIntake,
  withOrganization,
  type IntakeForm,
} from '../../../../renderer/features/intake/intake-form';

const org = (id: string, timeZone: string, accounts: string[], contactEmails: string[]) =>
  ({
    id,
    name: id,
    timeZone,
    calendar: 'RU',
    accounts,
    contactEmails,
    version: 1,
  }) satisfies Organization;

// Russia has had no DST since 26 Oct 2014: Kamchatka is UTC+12 and Kaliningrad UTC+2 all year.
const KAMCHATKA = org(
  'org-pkc',
  'Asia/Kamchatka',
  ['dispatcher', 'admin'],
  ['it@pkc.ru', 'boss@pkc.ru'],
);
const KALININGRAD = org('org-kgd', 'Europe/Kaliningrad', ['petrova.ai'], ['it@kgd.ru']);
const ORGS = [KAMCHATKA, KALININGRAD];

const NOW = Date.parse('2026-03-10T06:30:00Z'); // Tue 18:30 in Kamchatka, 08:30 in Kaliningrad

const filled: IntakeForm = {
  ...EMPTY_INTAKE,
  organizationId: KAMCHATKA.id,
  account: 'dispatcher',
  reporterEmail: ' it@pkc.ru ',
  priority: '2',
  title: 'Не формируется отчёт',
  steps: 'Открыть журнал, нажать «Сформировать».',
  expected: 'Отчёт сформирован.',
  actual: 'Ошибка PK-1042.',
  diagnostics: 'Повторяется на двух рабочих местах.',
  notUserSideConfirmed: true,
  createdAtLocal: null,
};

const validate = (form: IntakeForm, now = NOW) =>
  validateIntake(form, { now, organizations: ORGS });

describe('validateIntake', () => {
  it('turns a complete form into the create input, trimmed, priority as a number', () => {
    expect(validate(filled)).toEqual({
      ok: true,
      input: {
        organizationId: KAMCHATKA.id,
        account: 'dispatcher',
        reporterEmail: 'it@pkc.ru',
        priority: 2,
        title: 'Не формируется отчёт',
        steps: 'Открыть журнал, нажать «Сформировать».',
        expected: 'Отчёт сформирован.',
        actual: 'Ошибка PK-1042.',
        diagnostics: 'Повторяется на двух рабочих местах.',
        notUserSideConfirmed: true,
      },
    });
  });

  it('names every missing §4 field of an empty form', () => {
    const result = validate(EMPTY_INTAKE);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual({
      organizationId: { code: 'required' },
      account: { code: 'required' },
      reporterEmail: { code: 'required' },
      priority: { code: 'priority' },
      title: { code: 'required' },
      steps: { code: 'required' },
      expected: { code: 'required' },
      actual: { code: 'required' },
      diagnostics: { code: 'required' },
      notUserSideConfirmed: { code: 'confirm' },
    });
  });

  it.each([
    ['only spaces in a text', { steps: '   \n ' }, 'steps', { code: 'required' }],
    ['a malformed e-mail', { reporterEmail: 'it@pkc' }, 'reporterEmail', { code: 'email' }],
    ['an e-mail with two "@"', { reporterEmail: 'it@@pkc.ru' }, 'reporterEmail', { code: 'email' }],
    ['an e-mail with a space', { reporterEmail: 'it @pkc.ru' }, 'reporterEmail', { code: 'email' }],
    [
      'an e-mail with a Cyrillic mailbox',
      { reporterEmail: 'иванов@почта.рф' },
      'reporterEmail',
      { code: 'emailMailbox' },
    ],
    [
      'an e-mail whose domain ends in a hyphen',
      { reporterEmail: 'ivanov@почта-.рф' },
      'reporterEmail',
      { code: 'email' },
    ],
    ['a too long title', { title: 'x'.repeat(301) }, 'title', { code: 'tooLong', limit: 300 }],
    [
      'an organization this computer does not know',
      { organizationId: 'org-gone' },
      'organizationId',
      { code: 'unknownOrganization' },
    ],
    [
      'an unconfirmed user-side check',
      { notUserSideConfirmed: false },
      'notUserSideConfirmed',
      { code: 'confirm' },
    ],
  ] as const)('refuses %s', (_, change, field, error) => {
    const result = validate({ ...filled, ...change });
    expect(!result.ok && result.errors).toEqual({ [field]: error });
  });

  it.each(['ivanov@почта.рф', 'info@пример.испытание', 'Ivanov@ПОЧТА.РФ'])(
    'accepts the internationalised domain of %s, as typed',
    (reporterEmail) => {
      const result = validate({ ...filled, reporterEmail });
      expect(result.ok && result.input.reporterEmail).toBe(reporterEmail);
    },
  );
});

describe('the reported time is the organization’s wall time', () => {
  it.each([
    // 2026-03-10 16:30 in Kamchatka (UTC+12) is 04:30 UTC.
    [KAMCHATKA.id, '2026-03-10T16:30', '2026-03-10T04:30:00.000Z'],
    // The same wall time in Kaliningrad (UTC+2) is ten hours later: 14:30 UTC, which is after NOW.
    [KALININGRAD.id, '2026-03-10T06:30', '2026-03-10T04:30:00.000Z'],
    // Midnight in Kaliningrad is still the previous day in UTC.
    [KALININGRAD.id, '2026-03-01T00:00', '2026-02-28T22:00:00.000Z'],
  ])('%s at %s is %s', (organizationId, local, iso) => {
    const result = validate({ ...filled, organizationId, createdAtLocal: local });
    expect(result.ok && result.input.createdAt).toBe(iso);
  });

  it('left at "now", the repo stamps the registration moment', () => {
    const result = validate(filled);
    expect(result.ok && 'createdAt' in result.input).toBe(false);
  });

  it.each([
    // 16:30 in Kaliningrad is 14:30 UTC: eight hours after NOW, though only 08:30 has passed there.
    ['a time in the future', KALININGRAD.id, '2026-03-10T16:30', { code: 'createdAtFuture' }],
    // NOW is 18:30 in Kamchatka; one minute later is the future.
    ['one minute ahead', KAMCHATKA.id, '2026-03-10T18:31', { code: 'createdAtFuture' }],
    // Year 0026 is a typo for 2026: instants before 2000 are refused outright.
    ['a mistyped year', KAMCHATKA.id, '0026-03-10T10:00', { code: 'createdAtYear', limit: 2000 }],
    ['a half-typed value', KAMCHATKA.id, '2026-03-10T1', { code: 'createdAtFormat' }],
    ['a cleared input', KAMCHATKA.id, '', { code: 'createdAtFormat' }],
    ['an impossible date', KAMCHATKA.id, '2026-02-30T10:00', { code: 'createdAtFormat' }],
    [
      'no organization to read it in',
      '',
      '2026-03-10T10:00',
      { code: 'createdAtNeedsOrganization' },
    ],
  ])('refuses %s', (_, organizationId, local, error) => {
    const result = validate({ ...filled, organizationId, createdAtLocal: local });
    expect(!result.ok && result.errors.createdAt).toEqual(error);
  });

  it('accepts exactly 30 days back and the current minute', () => {
    expect(validate({ ...filled, createdAtLocal: '2026-02-08T18:30' }).ok).toBe(true);
    expect(validate({ ...filled, createdAtLocal: '2026-03-10T18:30' }).ok).toBe(true);
  });
});

// NOW is Tue 2026-03-10 18:30 in Kamchatka (UTC+12): 30 × 24 h earlier is Sun 2026-02-08 18:30.
describe('a request reported more than 30 days ago is registered late, on purpose', () => {
  const old = { ...filled, createdAtLocal: '2026-02-08T18:29' };
  const reason = 'Письмо лежало в общем ящике, заметили при сверке.';

  it('asks for the confirmation, naming the field', () => {
    const result = validate(old);
    expect(!result.ok && result.errors).toEqual({
      lateRegistration: { code: 'lateUnconfirmed', limit: 30 },
    });
  });

  it.each([
    ['empty', '', { code: 'required' }],
    ['only spaces', '  \n ', { code: 'required' }],
    ['too long', 'x'.repeat(2_001), { code: 'tooLong', limit: 2_000 }],
  ])('confirmed, it needs a reason: refuses one %s', (_, lateReason, error) => {
    const result = validate({ ...old, lateConfirmed: true, lateReason });
    expect(!result.ok && result.errors).toEqual({ lateRegistrationReason: error });
  });

  it('confirmed with a reason, it carries the reason in the create input', () => {
    const result = validate({ ...old, lateConfirmed: true, lateReason: ` ${reason} ` });
    expect(result.ok && result.input).toMatchObject({
      createdAt: '2026-02-08T06:29:00.000Z',
      lateRegistrationReason: reason,
    });
  });

  it('a year back is just as possible', () => {
    const result = validate({
      ...filled,
      createdAtLocal: '2025-03-10T10:00',
      lateConfirmed: true,
      lateReason: reason,
    });
    expect(result.ok).toBe(true);
  });

  it('does not send a confirmation left over from a date since corrected', () => {
    const result = validate({
      ...filled,
      createdAtLocal: '2026-03-09T10:00',
      lateConfirmed: true,
      lateReason: reason,
    });
    expect(result.ok && 'lateRegistrationReason' in result.input).toBe(false);
  });

  it('refuses a wall time the zone skips', () => {
    // Berlin skipped 02:00–03:00 on Sun 29 Mar 2026 (CET → CEST).
    const berlin = org('org-ber', 'Europe/Berlin', ['a'], ['a@b.de']);
    const result = validateIntake(
      { ...filled, organizationId: berlin.id, account: 'a', createdAtLocal: '2026-03-29T02:30' },
      { now: Date.parse('2026-03-30T00:00:00Z'), organizations: [berlin] },
    );
    expect(!result.ok && result.errors.createdAt).toEqual({ code: 'createdAtNonexistent' });
  });
});

describe('withOrganization', () => {
  it('suggests the first contact e-mail of the chosen organization', () => {
    const form = withOrganization(EMPTY_INTAKE, KAMCHATKA, undefined);
    expect(form).toMatchObject({
      organizationId: KAMCHATKA.id,
      reporterEmail: 'it@pkc.ru',
      account: '',
    });
  });

  it('replaces the previous organization’s suggestions but keeps what was typed by hand', () => {
    const chosen = {
      ...EMPTY_INTAKE,
      organizationId: KAMCHATKA.id,
      account: 'admin',
      reporterEmail: 'boss@pkc.ru',
    };
    expect(withOrganization(chosen, KALININGRAD, KAMCHATKA)).toMatchObject({
      organizationId: KALININGRAD.id,
      account: '',
      reporterEmail: 'it@kgd.ru',
    });
    const typed = { ...chosen, account: 'new.operator', reporterEmail: 'ivanov@mail.ru' };
    expect(withOrganization(typed, KALININGRAD, KAMCHATKA)).toMatchObject({
      account: 'new.operator',
      reporterEmail: 'ivanov@mail.ru',
    });
  });

  it('keeps an account both organizations have', () => {
    const other = org('org-x', 'Europe/Moscow', ['admin'], []);
    const chosen = { ...EMPTY_INTAKE, organizationId: KAMCHATKA.id, account: 'admin' };
    expect(withOrganization(chosen, other, KAMCHATKA)).toMatchObject({
      account: 'admin',
      reporterEmail: '',
    });
  });
});

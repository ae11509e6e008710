import { describe, expect, it } from 'vitest';
import type { Organization } from '@shared/domain/ticket';
import {
  EMPTY_WINDOW_FORM,
  validateWindowForm,
  type WindowForm,
} from '../../../../renderer/features/maintenance/window-form';

const org = (id: string, timeZone: string, calendar = 'RU'): Organization => ({
  id,
  name: `ООО «${id}»`,
  timeZone,
  calendar,
  accounts: [],
  contactEmails: [],
  version: 1,
});
const organizations = [org('msk', 'Europe/Moscow'), org('vvo', 'Asia/Vladivostok')];
// Sunday 2027-01-10 12:00 in Moscow: "now" for every case.
const now = Date.parse('2027-01-10T12:00:00+03:00');
const valid: WindowForm = {
  ...EMPTY_WINDOW_FORM,
  organizationId: 'msk',
  // Tuesday 2027-01-12, a working day: 19:00–23:00 is open.
  startsAt: '2027-01-12T19:00',
  endsAt: '2027-01-12T23:00',
  unavailable: 'Отчёты по звонкам',
  mode: 'normal',
};
const check = (patch: Partial<WindowForm>) =>
  validateWindowForm({ ...valid, ...patch }, { now, organizations });

describe('validateWindowForm', () => {
  it('reads the times on the customer’s clock, not the laptop’s', () => {
    // 19:00 in Moscow (+3) is 16:00Z; the same wall time in Vladivostok (+10) is 09:00Z.
    expect(check({})).toMatchObject({
      ok: true,
      payload: { startsAt: '2027-01-12T16:00:00.000Z', endsAt: '2027-01-12T20:00:00.000Z' },
    });
    expect(check({ organizationId: 'vvo' })).toMatchObject({
      ok: true,
      payload: { organizationId: 'vvo', startsAt: '2027-01-12T09:00:00.000Z' },
    });
  });

  it.each<[string, Partial<WindowForm>, string, string]>([
    ['no organization', { organizationId: '' }, 'organizationId', 'required'],
    [
      'an organization this computer does not know',
      { organizationId: 'gone' },
      'organizationId',
      'unknown',
    ],
    ['no start', { startsAt: '' }, 'startsAt', 'required'],
    ['half a start', { startsAt: '2027-01-12T1' }, 'startsAt', 'format'],
    // 2027-01-10 11:00 Moscow is an hour before "now".
    ['a start in the past', { startsAt: '2027-01-10T11:00' }, 'startsAt', 'past'],
    ['no end', { endsAt: '' }, 'endsAt', 'required'],
    ['an end before the start', { endsAt: '2027-01-12T18:30' }, 'endsAt', 'not_after_start'],
    ['an end equal to the start', { endsAt: '2027-01-12T19:00' }, 'endsAt', 'not_after_start'],
    // 2027-01-12 19:00 → 2027-01-26 19:01: 14 days and a minute (MAX_WINDOW_DAYS is 14).
    ['longer than 14 days', { endsAt: '2027-01-26T19:01' }, 'endsAt', 'too_long'],
    ['nothing said about what is unavailable', { unavailable: '   ' }, 'unavailable', 'required'],
    ['no mode', { mode: '' }, 'mode', 'required'],
    [
      'an override without a reason',
      { override: true, overrideReason: ' ' },
      'overrideReason',
      'required',
    ],
  ])('%s is named', (_name, patch, field, code) => {
    const result = check(patch);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[field as keyof typeof result.errors]).toMatchObject({ field, code });
  });

  it('a DST gap on the customer’s clock is refused, not shifted', () => {
    // Berlin 2027-03-28 02:30 does not exist (02:00 CET → 03:00 CEST); calendar none, Sunday.
    const berlin = org('ber', 'Europe/Berlin', 'none');
    const result = validateWindowForm(
      { ...valid, organizationId: 'ber', startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T05:00' },
      { now, organizations: [berlin] },
    );
    expect(result).toMatchObject({ ok: false, errors: { startsAt: { code: 'nonexistent' } } });
  });

  it('a window in working hours is refused with the overlaps until an override with a reason', () => {
    // Monday 2027-01-11 (working): 06:00–08:00 touches 07:00–08:00.
    const working = { startsAt: '2027-01-11T06:00', endsAt: '2027-01-11T08:00' };
    const refused = check(working);
    expect(refused).toEqual({
      ok: false,
      errors: {},
      closed: [
        {
          date: '2027-01-11',
          dayKind: 'workday',
          startsAt: '2027-01-11T04:00:00.000Z',
          endsAt: '2027-01-11T05:00:00.000Z',
        },
      ],
    });
    expect(
      check({ ...working, override: true, overrideReason: '  Авария на АТС  ' }),
    ).toMatchObject({
      ok: true,
      payload: { overrideReason: 'Авария на АТС' },
    });
  });

  it('an override on a window that needs none is refused: it must mean something', () => {
    expect(check({ override: true, overrideReason: 'на всякий случай' })).toMatchObject({
      ok: false,
      errors: { override: { code: 'not_needed' } },
    });
  });

  it('a year the calendar does not cover is named', () => {
    // The RU calendar has data for 2024–2027; 2028-01-03 is a Monday.
    expect(check({ startsAt: '2028-01-03T19:00', endsAt: '2028-01-03T23:00' })).toMatchObject({
      ok: false,
      errors: { hours: { code: 'calendar_not_covered', year: 2028 } },
    });
  });

  it('sends no override field when none is asked for, and trims the texts', () => {
    const result = check({ unavailable: '  Отчёты  ', overrideReason: 'left from before' });
    expect(result.ok && result.payload).toEqual({
      organizationId: 'msk',
      startsAt: '2027-01-12T16:00:00.000Z',
      endsAt: '2027-01-12T20:00:00.000Z',
      unavailable: 'Отчёты',
      mode: 'normal',
    });
  });
});

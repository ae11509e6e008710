import { describe, expect, it } from 'vitest';
import {
  isoDateOf,
  lastMonthForm,
  periodOfForm,
  type PeriodForm,
} from '../../../../renderer/features/reports/period-form';

const base: PeriodForm = {
  kind: 'month',
  year: '2027',
  month: '1',
  quarter: '1',
  from: '',
  to: '',
};

describe('the period picker’s form', () => {
  it('opens on last month, December of last year in January', () => {
    expect(lastMonthForm(new Date(2027, 0, 15))).toMatchObject({ year: '2026', month: '12' });
    expect(lastMonthForm(new Date(2027, 4, 1))).toMatchObject({ year: '2027', month: '4' });
  });

  it.each([
    ['31.01.2027', '2027-01-31'],
    ['1.2.2027', '2027-02-01'],
    [' 2027-03-10 ', '2027-03-10'],
    ['31/01/2027', '31/01/2027'],
  ])('reads %j as %j', (typed, iso) => {
    expect(isoDateOf(typed)).toBe(iso);
  });

  it.each<[Partial<PeriodForm>, string]>([
    [{ year: '20a7' }, 'invalid_year'],
    [{ year: '' }, 'invalid_year'],
    [{ kind: 'custom', from: '', to: '01.02.2027' }, 'invalid_from'],
    // 31 November does not exist.
    [{ kind: 'custom', from: '31.11.2026', to: '01.12.2026' }, 'invalid_from'],
    [{ kind: 'custom', from: '01.02.2027', to: '01.01.2027' }, 'to_not_after_from'],
    [{ kind: 'custom', from: '01.01.2026', to: '01.03.2027' }, 'period_too_long'],
  ])('refuses %j with %s', (patch, code) => {
    expect(periodOfForm({ ...base, ...patch })).toEqual({ ok: false, code });
  });

  it('gives the period a valid form names', () => {
    expect(periodOfForm({ ...base, kind: 'quarter', quarter: '4' })).toEqual({
      ok: true,
      period: { kind: 'quarter', year: 2027, quarter: 4 },
    });
    expect(periodOfForm({ ...base, kind: 'custom', from: '11.01.2027', to: '2027-01-18' })).toEqual(
      {
        ok: true,
        period: { kind: 'custom', from: '2027-01-11', to: '2027-01-18' },
      },
    );
  });
});

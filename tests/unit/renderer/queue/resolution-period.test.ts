import { describe, expect, it } from 'vitest';
import {
  inPeriod,
  periodBounds,
  type ResolutionPeriod,
} from '../../../../renderer/features/queue/resolution-period';

// Asia/Yekaterinburg is UTC+5 all year (Russia has had no DST since 2014), so a calendar day there
// runs from 19:00Z of the day before to 19:00Z. Europe/Moscow is UTC+3: its days start at 21:00Z.
const YEKT = 'Asia/Yekaterinburg';
// Mon 2026-12-07 10:00 in Yekaterinburg.
const NOW = Date.parse('2026-12-07T05:00:00Z');

const bounds = (period: ResolutionPeriod, zone = YEKT) => {
  const result = periodBounds(period, NOW, zone);
  if (!result.ok) throw new Error(result.problem);
  return result.bounds;
};

describe('periodBounds', () => {
  it.each([
    // The last 7 days are today and the 6 before it: from Tue 1 Dec 00:00 YEKT.
    ['last 7 days', { kind: 'last', days: 7 }, YEKT, '2026-11-30T19:00:00.000Z', null],
    ['last 30 days', { kind: 'last', days: 30 }, YEKT, '2026-11-07T19:00:00.000Z', null],
    // The same dates for an engineer in Moscow start two hours later.
    [
      '1–30 Nov in Moscow',
      { kind: 'range', from: '2026-11-01', to: '2026-11-30' },
      'Europe/Moscow',
      '2026-10-31T21:00:00.000Z',
      '2026-11-30T21:00:00.000Z',
    ],
    [
      '1–30 Nov in Yekaterinburg',
      { kind: 'range', from: '2026-11-01', to: '2026-11-30' },
      YEKT,
      '2026-10-31T19:00:00.000Z',
      '2026-11-30T19:00:00.000Z',
    ],
    [
      'one day',
      { kind: 'range', from: '2026-12-01', to: '2026-12-01' },
      YEKT,
      '2026-11-30T19:00:00.000Z',
      '2026-12-01T19:00:00.000Z',
    ],
    [
      'from a date on',
      { kind: 'range', from: '2026-12-01', to: '' },
      YEKT,
      '2026-11-30T19:00:00.000Z',
      null,
    ],
    [
      'up to a date',
      { kind: 'range', from: '', to: '2026-11-30' },
      YEKT,
      null,
      '2026-11-30T19:00:00.000Z',
    ],
  ] as const)('%s', (_name, period, zone, from, to) => {
    const { fromMs, toMs } = bounds(period, zone);
    expect(fromMs).toBe(from === null ? -Infinity : Date.parse(from));
    expect(toMs).toBe(to === null ? Infinity : Date.parse(to));
  });

  it('holds a resolution on its first instant and not on the first instant of the next day', () => {
    const november = bounds({ kind: 'range', from: '2026-11-01', to: '2026-11-30' });
    // 00:00 YEKT on 1 Nov is in; 23:59:59 YEKT on 31 Oct is not; 00:00 YEKT on 1 Dec is not.
    expect(inPeriod(Date.parse('2026-10-31T19:00:00Z'), november)).toBe(true);
    expect(inPeriod(Date.parse('2026-10-31T18:59:59Z'), november)).toBe(false);
    expect(inPeriod(Date.parse('2026-11-30T18:59:59Z'), november)).toBe(true);
    expect(inPeriod(Date.parse('2026-11-30T19:00:00Z'), november)).toBe(false);
  });

  it('all time holds every instant', () => {
    const all = bounds({ kind: 'all' });
    expect(inPeriod(0, all)).toBe(true);
    expect(inPeriod(NOW, all)).toBe(true);
  });

  it.each([
    ['a date that does not exist', { from: '2026-02-30', to: '' }, 'invalidFrom'],
    ['garbage in "to"', { from: '', to: '30.11.2026' }, 'invalidTo'],
    ['"from" after "to"', { from: '2026-12-02', to: '2026-12-01' }, 'fromAfterTo'],
  ] as const)('refuses %s, naming which date to fix', (_name, dates, problem) => {
    expect(periodBounds({ kind: 'range', ...dates }, NOW, YEKT)).toEqual({ ok: false, problem });
  });
});

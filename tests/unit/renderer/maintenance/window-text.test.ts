import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  maintenanceEn,
  maintenanceRu,
} from '../../../../renderer/features/maintenance/maintenance-messages';
import { refusalText } from '../../../../renderer/features/maintenance/window-errors';
import {
  intervalText,
  spanText,
  untilText,
  utcOffsetText,
} from '../../../../renderer/features/maintenance/window-text';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: {
      ru: { translation: { maintenance: maintenanceRu } },
      en: { translation: { maintenance: maintenanceEn } },
    },
    lng: 'ru',
    interpolation: { escapeValue: false },
  });
});

describe('window times on the customer’s clock', () => {
  it.each([
    // Moscow is UTC+3 all year; India UTC+5:30; Berlin UTC+1 in January, UTC+2 in July.
    ['2027-01-11T04:00:00Z', 'Europe/Moscow', 'UTC+3'],
    ['2027-01-11T04:00:00Z', 'Asia/Kolkata', 'UTC+5:30'],
    ['2027-01-11T04:00:00Z', 'Europe/Berlin', 'UTC+1'],
    ['2027-07-11T04:00:00Z', 'Europe/Berlin', 'UTC+2'],
    ['2027-07-11T04:00:00Z', 'UTC', 'UTC+0'],
    ['2027-07-11T04:00:00Z', 'America/New_York', 'UTC−4'],
  ])('%s in %s is %s', (iso, zone, label) => {
    expect(utcOffsetText(iso, zone)).toBe(label);
  });

  it('an interval within a day, across midnight, and across a DST change', () => {
    // 2027-01-12T16:00Z–20:00Z is 19:00–23:00 in Moscow.
    const evening = { startsAt: '2027-01-12T16:00:00Z', endsAt: '2027-01-12T20:00:00Z' };
    expect(intervalText(evening, 'Europe/Moscow', 'ru')).toBe(
      '12.01.2027 с 19:00 до 23:00 (UTC+3)',
    );
    expect(intervalText(evening, 'Europe/Moscow', 'en')).toBe(
      '12/01/2027 from 19:00 to 23:00 (UTC+3)',
    );
    // Ending at the customer's midnight stays one day: "до 24:00".
    const toMidnight = { startsAt: '2027-01-12T16:00:00Z', endsAt: '2027-01-12T21:00:00Z' };
    expect(intervalText(toMidnight, 'Europe/Moscow', 'ru')).toBe(
      '12.01.2027 с 19:00 до 24:00 (UTC+3)',
    );
    const night = { startsAt: '2027-01-12T16:00:00Z', endsAt: '2027-01-13T03:00:00Z' };
    expect(intervalText(night, 'Europe/Moscow', 'ru')).toBe(
      'с 12.01.2027 19:00 до 13.01.2027 06:00 (UTC+3)',
    );
    // Berlin 2027-03-28: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z).
    const dst = { startsAt: '2027-03-28T00:00:00Z', endsAt: '2027-03-28T02:00:00Z' };
    expect(intervalText(dst, 'Europe/Berlin', 'ru')).toBe(
      '28.03.2027 с 01:00 до 04:00 (UTC+1 / UTC+2)',
    );
  });

  it('an open span names its days with the weekday', () => {
    // 2027-01-11 is a Monday, 2027-01-12 a Tuesday (Moscow, UTC+3).
    const span = { startsAt: '2027-01-11T15:00:00Z', endsAt: '2027-01-12T04:00:00Z' };
    expect(spanText(span, 'Europe/Moscow', 'ru')).toBe('пн 11.01.2027 18:00 – вт 12.01.2027 07:00');
    expect(spanText(span, 'Europe/Moscow', 'en')).toBe(
      'Mon 11/01/2027 18:00 – Tue 12/01/2027 07:00',
    );
    const morning = { startsAt: '2027-01-10T21:00:00Z', endsAt: '2027-01-11T04:00:00Z' };
    expect(spanText(morning, 'Europe/Moscow', 'ru')).toBe('пн 11.01.2027 00:00 – 07:00');
  });

  it('a running window ends “06:00” today, with the date on another day', () => {
    // now: 2027-01-12 22:00 Moscow; ends 2027-01-12 23:30 / 2027-01-13 06:00 Moscow.
    const now = Date.parse('2027-01-12T19:00:00Z');
    expect(untilText('2027-01-12T20:30:00Z', now, 'Europe/Moscow', 'ru')).toBe('23:30');
    expect(untilText('2027-01-13T03:00:00Z', now, 'Europe/Moscow', 'ru')).toBe('13.01.2027 06:00');
  });
});

describe('refusalText', () => {
  it('says which working hours the window touches and what §5 allows', async () => {
    await i18n.changeLanguage('ru');
    // Monday 2027-01-11 07:00–08:00 Moscow (04:00Z–05:00Z).
    const overlaps = [
      {
        date: '2027-01-11',
        dayKind: 'workday' as const,
        startsAt: '2027-01-11T04:00:00.000Z',
        endsAt: '2027-01-11T05:00:00.000Z',
      },
    ];
    expect(refusalText(i18n.t, overlaps, 'Europe/Moscow', 'ru')).toBe(
      'Окно задевает рабочее время заказчика: пн 11.01.2027 с 07:00 до 08:00 по времени заказчика (UTC+3). Техработы допускаются в рабочие дни с 18:00 до 07:00, в выходные и праздники — круглосуточно (регламент, §5).',
    );
    await i18n.changeLanguage('en');
    expect(refusalText(i18n.t, overlaps, 'Europe/Moscow', 'en')).toBe(
      "The window touches the customer's working hours: Mon 11/01/2027 from 07:00 to 08:00 on the customer's clock (UTC+3). Maintenance is allowed on working days from 18:00 to 07:00 and all day on weekends and holidays (regulation §5).",
    );
  });

  it('lists three days and counts the rest', async () => {
    await i18n.changeLanguage('ru');
    // 2027-01-11…15 are Monday to Friday, all working (Moscow).
    const overlaps = [11, 12, 13, 14, 15].map((day) => ({
      date: `2027-01-${day}`,
      dayKind: 'workday' as const,
      startsAt: `2027-01-${day}T04:00:00.000Z`,
      endsAt: `2027-01-${day}T15:00:00.000Z`,
    }));
    expect(refusalText(i18n.t, overlaps, 'Europe/Moscow', 'ru')).toContain(
      'пн 11.01.2027 с 07:00 до 18:00, вт 12.01.2027 с 07:00 до 18:00, ср 13.01.2027 с 07:00 до 18:00, и ещё 2 по времени заказчика (UTC+3).',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  customerInstantText,
  dateTimeText,
  dayTimeText,
  displayLocale,
  zoneLabel,
} from '@shared/format/instant-text';

const at = (iso: string) => Date.parse(iso);

describe('one date format per language', () => {
  // 2026-11-16T20:09Z is 16.11 23:09 in Moscow (UTC+3 all year since 2014) and 17.11 04:09 in
  // Irkutsk (UTC+8, МСК+5). Both languages write the day first and a 24-hour clock.
  it.each([
    ['ru', 'Europe/Moscow', '16.11.2026, 23:09', '16.11 23:09'],
    ['en', 'Europe/Moscow', '16/11/2026, 23:09', '16/11 23:09'],
    ['en-US', 'Europe/Moscow', '16/11/2026, 23:09', '16/11 23:09'],
    ['ru', 'Asia/Irkutsk', '17.11.2026, 04:09', '17.11 04:09'],
    ['en', 'Asia/Irkutsk', '17/11/2026, 04:09', '17/11 04:09'],
  ])('%s in %s: %s, short %s', (language, zone, full, short) => {
    expect(dateTimeText(at('2026-11-16T20:09:00Z'), zone, language)).toBe(full);
    expect(dayTimeText(at('2026-11-16T20:09:00Z'), zone, language)).toBe(short);
  });

  it('never writes AM or PM, whatever English the browser reports', () => {
    // 11:24 MSK and 23:24 MSK on 16.11.2026: the afternoon one is where a 12-hour clock shows.
    for (const language of ['en', 'en-US', 'en-GB']) {
      expect(dayTimeText(at('2026-11-16T20:24:00Z'), 'Europe/Moscow', language)).toBe(
        '16/11 23:24',
      );
    }
    expect(displayLocale('en-US')).toBe('en-GB');
    expect(displayLocale('ru')).toBe('ru-RU');
  });
});

describe('one zone style per language', () => {
  // Zone facts (no DST in any of them in 2026): Moscow UTC+3, Kaliningrad UTC+2, Samara UTC+4,
  // Irkutsk UTC+8, Kamchatka UTC+12, Kolkata UTC+5:30, New York UTC−5 in January.
  it.each([
    ['Europe/Moscow', '2026-01-15T12:00:00Z', 'МСК', 'UTC+3'],
    ['Europe/Kaliningrad', '2026-01-15T12:00:00Z', 'МСК−1', 'UTC+2'],
    ['Europe/Samara', '2026-01-15T12:00:00Z', 'МСК+1', 'UTC+4'],
    ['Asia/Irkutsk', '2026-01-15T12:00:00Z', 'МСК+5', 'UTC+8'],
    ['Asia/Kamchatka', '2026-01-15T12:00:00Z', 'МСК+9', 'UTC+12'],
    ['Asia/Kolkata', '2026-01-15T12:00:00Z', 'МСК+2:30', 'UTC+5:30'],
    ['America/New_York', '2026-01-15T12:00:00Z', 'МСК−8', 'UTC−5'],
    ['UTC', '2026-01-15T12:00:00Z', 'МСК−3', 'UTC'],
  ])('%s at %s: %s in Russian, %s in English', (zone, iso, ru, en) => {
    expect(zoneLabel(at(iso), zone, 'ru')).toBe(ru);
    expect(zoneLabel(at(iso), zone, 'en')).toBe(en);
  });

  it("follows a zone's own offset change (New York moves to UTC−4 in summer)", () => {
    // DST in the USA 2026: from 8 March to 1 November.
    expect(zoneLabel(at('2026-07-01T12:00:00Z'), 'America/New_York', 'en')).toBe('UTC−4');
    expect(zoneLabel(at('2026-07-01T12:00:00Z'), 'America/New_York', 'ru')).toBe('МСК−7');
  });
});

describe('a customer instant, led by the customer zone', () => {
  // 2026-12-07T01:00Z is 07.12 09:00 in Irkutsk (UTC+8) and 07.12 04:00 in Moscow (UTC+3).
  const due = at('2026-12-07T01:00:00Z');

  it.each([
    ['ru', { customer: '09:00 МСК+5', own: '04:00' }],
    ['en', { customer: '09:00 UTC+8', own: '04:00' }],
  ])('read in Moscow the same day, in %s', (language, expected) => {
    expect(customerInstantText(due, 'Asia/Irkutsk', language, 'Europe/Moscow', due)).toEqual(
      expected,
    );
  });

  it('dates each reading that is not on its own zone’s today', () => {
    // Read on 06.12 at 12:00Z (06.12 20:00 in Irkutsk, 06.12 15:00 in Moscow).
    const dayBefore = at('2026-12-06T12:00:00Z');
    expect(customerInstantText(due, 'Asia/Irkutsk', 'en', 'Europe/Moscow', dayBefore)).toEqual({
      customer: '07/12 09:00 UTC+8',
      own: '07/12 04:00',
    });
  });

  it('gives no second reading where both clocks agree', () => {
    // Minsk and Moscow are both UTC+3.
    expect(customerInstantText(due, 'Europe/Minsk', 'ru', 'Europe/Moscow', due)).toEqual({
      customer: '04:00 МСК',
      own: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  clockRelation,
  formatDurationShort,
  formatSavedDay,
} from '../../../../renderer/features/settings/settings-format';

describe('a clock difference in words', () => {
  it.each([
    [0, 'ru', '0 с'],
    [999, 'ru', '0 с'],
    [95_000, 'ru', '1 мин 35 с'],
    [-95_000, 'ru', '1 мин 35 с'],
    [120_000, 'ru', '2 мин'],
    [3_600_000 + 5 * 60_000 + 7_000, 'ru', '1 ч 5 мин'],
    [3 * 86_400_000 + 4 * 3_600_000, 'ru', '3 дн. 4 ч'],
    [86_400_000 + 30_000, 'ru', '1 дн.'],
    [95_000, 'en', '1 min 35 sec'],
  ])('%i ms in %s is %j', (ms, locale, text) => {
    expect(formatDurationShort(ms, locale)).toBe(text);
  });

  it.each([
    [999, 'same'],
    [-999, 'same'],
    [1_000, 'ahead'],
    [-1_000, 'behind'],
  ] as const)('%i ms: the ERP is %s', (ms, relation) => {
    expect(clockRelation(ms)).toBe(relation);
  });
});

describe('the day a token was saved', () => {
  // 09:30Z on 12 January 2027 is the 12th in every zone from UTC−9 to UTC+14.
  it.each([
    ['2027-01-12T09:30:00.000Z', 'ru', '12.01.2027'],
    // English is day first too (one date format per language, docs/ui.md), never the US month first.
    ['2027-01-12T09:30:00.000Z', 'en', '12/01/2027'],
  ])('%s in %s reads %j', (iso, locale, text) => {
    expect(formatSavedDay(iso, locale)).toBe(text);
  });
});

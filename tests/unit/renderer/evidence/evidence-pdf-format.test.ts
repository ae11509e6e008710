import { describe, expect, test } from 'vitest';
import {
  durationText,
  groupedHash,
  instantText,
} from '../../../../renderer/features/evidence/evidence-pdf-format';

const plain = (text: string) => text.replace(/\u00a0/g, '·');

describe('evidence PDF formats', () => {
  test.each([
    // Kaliningrad is UTC+2, Yekaterinburg UTC+5, Kamchatka UTC+12, none with DST since 2014.
    ['2026-12-31T21:30:00Z', 'Europe/Kaliningrad', '31.12.2026·23:30:00 UTC+02:00'],
    ['2026-12-31T21:30:00Z', 'Asia/Yekaterinburg', '01.01.2027·02:30:00 UTC+05:00'],
    ['2026-12-31T21:30:05Z', 'Asia/Kamchatka', '01.01.2027·09:30:05 UTC+12:00'],
    // New York is UTC−5 in winter: the minus sign is typographic.
    ['2026-12-31T21:30:00Z', 'America/New_York', '31.12.2026·16:30:00 UTC−05:00'],
  ])('%s in %s reads %s', (iso, zone, expected) => {
    expect(plain(instantText(iso, zone))).toBe(expected);
  });

  test.each([
    [0, '0·мин'],
    [52 * 60_000 + 29_000, '52·мин·29·с'],
    [25 * 3_600_000, '25·ч·00·мин'],
    [-(3 * 3_600_000 + 10 * 60_000), '−3·ч·10·мин'],
  ])('%d ms is %s, never days', (ms, expected) => {
    expect(plain(durationText(ms))).toBe(expected);
  });

  test('a hash is cut into four groups a cell can wrap, nothing lost', () => {
    const hex = '0123456789abcdef'.repeat(4);
    expect(groupedHash(hex).split(' ')).toEqual(Array(4).fill('0123456789abcdef'));
  });
});

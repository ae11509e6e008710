import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '@shared/sla/instants';

describe('instant parsing and formatting', () => {
  it.each([
    ['2025-11-05T10:00:00+03:00', '2025-11-05T07:00:00.000Z'],
    ['2025-11-05T10:00+03:00', '2025-11-05T07:00:00.000Z'],
    ['2025-11-05T10:00:00.5Z', '2025-11-05T10:00:00.500Z'],
    ['2025-11-05T10:00:00.123456789Z', '2025-11-05T10:00:00.123Z'],
    ['2025-11-05T10:00:00-0930', '2025-11-05T19:30:00.000Z'],
    ['2024-02-29T23:59:59+12:00', '2024-02-29T11:59:59.000Z'], // 2024 is a leap year
  ])('parses %s', (text, expected) => {
    expect(formatInstant(parseInstant(text)!)).toBe(expected);
  });

  it.each([
    '2025-02-29T10:00:00Z', // 2025 is not a leap year
    '2025-11-31T10:00:00Z',
    '2025-11-05T24:00:00Z',
    '2025-11-05T10:60:00Z',
    '2025-11-05T10:00:00', // no offset: ambiguous
    '2025-11-05 10:00:00 MSK',
    '2025-11-05T10:00:00Zjunk',
    '2025-11-05T10:00:00+3:00',
    '2025-11-05',
    '',
  ])('rejects %s', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('agrees with Date for any instant in 1970–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.parse('2199-12-31T23:59:59.999Z') }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(formatInstant(ms)).toBe(iso);
        expect(parseInstant(iso)).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds a fractional instant up to the first whole millisecond', () => {
    expect(formatInstant(1000.2)).toBe('1970-01-01T00:00:01.001Z');
  });
});

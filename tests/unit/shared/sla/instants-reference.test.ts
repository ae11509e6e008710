// The engine reads and writes instants by hand (shared/sla/instants.ts) because luxon and Date cost
// most of an evaluation. Its results are contractual (byte-identical for every input), so this
// compares the hand-written path with the straightforward one, written here with a regular
// expression for the accepted shapes and luxon for the arithmetic, on random and mangled input.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '@shared/sla/instants';

const SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[Zz]|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch ms of an instant in one of the accepted shapes, by regex and luxon, or null. */
function referenceParse(text: string): number | null {
  const m = SHAPE.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  // luxon takes 24:00 as the next day's midnight; the engine's grammar stops at 23:59:59.
  if (hour! > 23 || minute! > 59 || second > 59 || offsetHours > 18 || offsetMinutes > 59)
    return null;
  const local = DateTime.utc(year!, month!, day!, hour!, minute!, second, millisecond);
  if (!local.isValid) return null; // month 13, 30 February, 29 February of a common year
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return local.toMillis() - offset * 60_000;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Parts of an instant in the accepted grammar, with values a little beyond every valid range. */
const instantText = fc
  .record({
    // Years 0000–9999; 1900 and 2000 are the century cases of the leap-year rule.
    year: fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(1900, 1970, 1999, 2000, 2024, 2025, 2100, 2199),
    ),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31)),
    separator: fc.constantFrom('T', 't', ' ', 'T', 'T'),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
    fractionMark: fc.constantFrom('.', ','),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z', '+05:45', '-09:30', '+14:00', '-12:00', '+00:00', '-00:00'),
      fc
        .record({
          sign: fc.constantFrom('+', '-'),
          hours: fc.integer({ min: 0, max: 19 }),
          minutes: fc.integer({ min: 0, max: 60 }),
          colon: fc.boolean(),
        })
        .map((z) => `${z.sign}${pad(z.hours, 2)}${z.colon ? ':' : ''}${pad(z.minutes, 2)}`),
    ),
  })
  .map((p) => {
    let text = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.separator}${pad(p.hour, 2)}:${pad(p.minute, 2)}`;
    if (p.second !== undefined) {
      text += `:${pad(p.second, 2)}`;
      if (p.fraction !== undefined) text += `${p.fractionMark}${p.fraction}`;
    }
    return text + p.zone;
  });

/** A valid instant with one character replaced, inserted or removed: what a hurried edit leaves. */
const mangledText = fc
  .tuple(
    instantText,
    fc.nat(),
    fc.constantFrom('0', '9', '-', ':', 'T', 'Z', '+', '.', ',', ' ', 'x', '٣', ''),
    fc.constantFrom('replace', 'insert', 'remove'),
  )
  .map(([text, at, char, edit]) => {
    const i = at % (text.length + 1);
    if (edit === 'insert') return text.slice(0, i) + char + text.slice(i);
    return text.slice(0, i) + (edit === 'replace' ? char : '') + text.slice(i + 1);
  });

describe('hand-written instants vs the regex-and-luxon path', () => {
  it('parses every generated instant exactly as the reference does (or rejects it alike)', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        expect(parseInstant(text)).toBe(referenceParse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('rejects or reads every mangled instant exactly as the reference does', () => {
    fc.assert(
      fc.property(mangledText, (text) => {
        expect(parseInstant(text)).toBe(referenceParse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('formats every instant of years 0000–9999 as luxon does, fractions rounded up', () => {
    const first = Date.parse('0000-01-01T00:00:00Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: first, max: last }),
          // 1970–2199 carries the engine's tables; also fractional instants.
          fc.integer({ min: 0, max: Date.parse('2200-01-01T00:00:00Z') }),
          fc.double({ min: first, max: last - 1, noNaN: true }),
        ),
        (ms) => {
          const expected = DateTime.fromMillis(Math.ceil(ms), { zone: 'utc' }).toISO();
          expect(formatInstant(ms)).toBe(expected);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    // Literal instants at the edges the caches key on: day, year and leap-day boundaries.
    ['2024-02-29T23:59:59.999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)], // 2024 is a leap year
    ['2024-12-31T23:59:59.999Z', Date.UTC(2024, 11, 31, 23, 59, 59, 999)], // last ms of a year
    ['2025-01-01T00:00:00.000Z', Date.UTC(2025, 0, 1)],
    ['1969-12-31T23:59:59.999Z', -1], // before 1970: outside the fast tables
    ['2000-02-29T12:00:00.000Z', Date.UTC(2000, 1, 29, 12)], // 2000 is a leap year (÷400)
  ])('formats %s', (text, ms) => {
    expect(formatInstant(ms)).toBe(text);
    expect(parseInstant(text)).toBe(ms);
  });

  it('refuses to format NaN, and a later 1970-01-01 is still right', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('formats the same instant the same way however often it is asked (no stale cache)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: Date.parse('2199-12-31T23:59:59.999Z') }), {
          minLength: 1,
          maxLength: 50,
        }),
        (instants) => {
          const first = instants.map(formatInstant);
          // Interleaved with nearby days so that a direct-mapped cache slot is reused.
          const again = instants.map((ms, i) => {
            formatInstant(ms + (i + 1) * 4096 * 86_400_000);
            return formatInstant(ms);
          });
          expect(again).toEqual(first);
          expect(first).toEqual(instants.map((ms) => new Date(ms).toISOString()));
        },
      ),
      { numRuns: 500 },
    );
  });
});

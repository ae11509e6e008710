import { describe, expect, it } from 'vitest';
import {
  instantToLocal,
  localToInstant,
  validateChangePriority,
  validateComment,
  validateExtend,
  validateLogWork,
  validatePause,
  validateReopen,
  validateResolve,
  validateScheduleFix,
} from '../../../../renderer/features/ticket/action-forms';

const errorsOf = (result: { ok: boolean; errors?: Record<string, { key: string }> }) =>
  result.ok ? {} : Object.fromEntries(Object.entries(result.errors!).map(([f, e]) => [f, e.key]));

describe('pause form', () => {
  it('needs one of the eight reasons; a note only for "other"', () => {
    expect(errorsOf(validatePause({ reason: '', note: '' }))).toEqual({ reason: 'pauseReason' });
    expect(errorsOf(validatePause({ reason: 'other', note: '  ' }))).toEqual({
      note: 'pauseNoteForOther',
    });
    expect(validatePause({ reason: 'awaiting_user_info', note: '' })).toEqual({
      ok: true,
      payload: { reason: 'awaiting_user_info' },
    });
    expect(validatePause({ reason: 'other', note: ' ждём пропуск на объект ' })).toEqual({
      ok: true,
      payload: { reason: 'other', note: 'ждём пропуск на объект' },
    });
  });
});

describe('the other forms', () => {
  it('resolve needs a result, comment a text', () => {
    expect(errorsOf(validateResolve({ result: ' ' }))).toEqual({ result: 'resultRequired' });
    expect(errorsOf(validateComment({ text: '' }))).toEqual({ text: 'commentRequired' });
    expect(validateComment({ text: 'x'.repeat(20_001) })).toMatchObject({
      ok: false,
      errors: { text: { key: 'tooLong', values: { max: 20_000 } } },
    });
  });

  // Krasnoyarsk is UTC+7 all year. The ticket was created Mon 2026-01-12 10:00 there (03:00Z).
  const krasnoyarsk = { createdAt: '2026-01-12T03:00:00.000Z', timeZone: 'Asia/Krasnoyarsk' };

  it('schedule_fix needs a real calendar date', () => {
    const times = { ...krasnoyarsk, now: Date.parse('2026-01-13T03:00:00Z') };
    expect(errorsOf(validateScheduleFix({ releaseDate: '' }, times))).toEqual({
      releaseDate: 'releaseDate',
    });
    expect(errorsOf(validateScheduleFix({ releaseDate: '2026-02-30' }, times))).toEqual({
      releaseDate: 'releaseDate',
    });
    expect(validateScheduleFix({ releaseDate: '2026-02-27' }, times)).toEqual({
      ok: true,
      payload: { releaseDate: '2026-02-27' },
    });
  });

  it.each([
    // Now is Tue 2026-01-13 10:00 in Krasnoyarsk: today there is the earliest release date.
    ['2026-01-13T03:00:00Z', '2026-01-13', null],
    ['2026-01-13T03:00:00Z', '2026-01-12', '2026-01-13'],
    // Before the ticket even existed.
    ['2026-01-13T03:00:00Z', '2025-12-31', '2026-01-13'],
    // 2026-01-13T17:30Z is already Wed 2026-01-14 00:30 in Krasnoyarsk: the UTC date is past there.
    ['2026-01-13T17:30:00Z', '2026-01-13', '2026-01-14'],
    ['2026-01-13T17:30:00Z', '2026-01-14', null],
  ])('schedule_fix at %s: release date %s', (now, releaseDate, earliest) => {
    const result = validateScheduleFix({ releaseDate }, { ...krasnoyarsk, now: Date.parse(now) });
    if (earliest === null) expect(result.ok).toBe(true);
    else
      expect(result).toEqual({
        ok: false,
        errors: { releaseDate: { key: 'releaseDatePast', dates: { earliest } } },
      });
  });

  it('extend needs positive hours (a decimal comma is fine) and the agreement', () => {
    expect(errorsOf(validateExtend({ hours: '', note: '' }))).toEqual({
      hours: 'extendHours',
      note: 'agreementNote',
    });
    expect(errorsOf(validateExtend({ hours: '0', note: 'согласовано' }))).toEqual({
      hours: 'extendHours',
    });
    expect(errorsOf(validateExtend({ hours: '20000', note: 'согласовано' }))).toEqual({
      hours: 'extendHoursTooMany',
    });
    expect(validateExtend({ hours: '16,5', note: 'письмо заказчика от 12.01' })).toEqual({
      ok: true,
      payload: { hours: 16.5, note: 'письмо заказчика от 12.01' },
    });
  });

  it('change_priority refuses the current priority and nothing chosen', () => {
    expect(errorsOf(validateChangePriority({ to: '3', current: 3 }))).toEqual({
      to: 'prioritySame',
    });
    expect(errorsOf(validateChangePriority({ to: '', current: 3 }))).toEqual({
      to: 'priorityChoose',
    });
    expect(validateChangePriority({ to: '2', current: 3 })).toEqual({
      ok: true,
      payload: { to: 2 },
    });
  });

  it('reopen takes an optional reason', () => {
    expect(validateReopen({ reason: '' })).toEqual({ ok: true, payload: {} });
    expect(validateReopen({ reason: 'снова падает' })).toEqual({
      ok: true,
      payload: { reason: 'снова падает' },
    });
  });
});

describe('on-site visit form', () => {
  // Krasnoyarsk is UTC+7 all year. The ticket was created Mon 2026-01-12 09:30:20 there
  // (02:30:20Z); the form is checked Mon 14:00 there (07:00Z).
  const times = {
    createdAt: '2026-01-12T02:30:20.000Z',
    timeZone: 'Asia/Krasnoyarsk',
    now: Date.parse('2026-01-12T07:00:00Z'),
  };
  const visit = (startedLocal: string, endedLocal: string, note = 'замена блока питания') =>
    validateLogWork({ startedLocal, endedLocal, note }, times);

  it('reads the times on the customer wall clock', () => {
    expect(visit('2026-01-12T10:00', '2026-01-12T13:30')).toEqual({
      ok: true,
      payload: {
        startedAt: '2026-01-12T03:00:00.000Z',
        endedAt: '2026-01-12T06:30:00.000Z',
        note: 'замена блока питания',
      },
    });
  });

  it.each([
    [
      'nothing entered (nothing is prefilled)',
      '',
      '',
      '',
      { startedAt: 'visitStart', endedAt: 'visitEnd', note: 'visitNote' },
    ],
    ['no start', '', '2026-01-12T10:00', 'x', { startedAt: 'visitStart' }],
    [
      'an end before the start',
      '2026-01-12T10:00',
      '2026-01-12T09:45',
      'x',
      { endedAt: 'visitOrder' },
    ],
    [
      'a description of spaces',
      '2026-01-12T10:00',
      '2026-01-12T11:00',
      ' \n ',
      { note: 'visitNote' },
    ],
    // The ticket was created at 09:30:20 local: 09:30 is its minute, 09:29 is before it.
    [
      'a start before the ticket existed',
      '2026-01-12T09:29',
      '2026-01-12T11:00',
      'x',
      { startedAt: 'visitBeforeTicket' },
    ],
    // Now is 14:00 local; 5 minutes of clock difference are allowed.
    [
      'an end 6 minutes from now',
      '2026-01-12T13:00',
      '2026-01-12T14:06',
      'x',
      { endedAt: 'visitInFuture' },
    ],
    ['a visit tomorrow', '2026-01-13T10:00', '2026-01-13T11:00', 'x', { endedAt: 'visitInFuture' }],
  ])('names the field: %s', (_, startedLocal, endedLocal, note, expected) => {
    expect(errorsOf(visit(startedLocal, endedLocal, note))).toEqual(expected);
  });

  it.each([
    ['starting in the minute the ticket was created', '2026-01-12T09:30', '2026-01-12T10:00'],
    ['ending now', '2026-01-12T13:00', '2026-01-12T14:00'],
    ['ending 5 minutes from now (clock difference)', '2026-01-12T13:00', '2026-01-12T14:05'],
  ])('accepts a visit %s', (_, startedLocal, endedLocal) => {
    expect(visit(startedLocal, endedLocal).ok).toBe(true);
  });

  it('names both ends when both are out of the ticket’s lifetime', () => {
    expect(errorsOf(visit('2026-01-11T10:00', '2026-01-13T10:00'))).toEqual({
      startedAt: 'visitBeforeTicket',
      endedAt: 'visitInFuture',
    });
  });

  it('says which instants bound the visit, for the message', () => {
    expect(visit('2026-01-12T09:00', '2026-01-12T10:00')).toMatchObject({
      errors: { startedAt: { instants: { created: '2026-01-12T02:30:20.000Z' } } },
    });
    expect(visit('2026-01-12T13:00', '2026-01-12T15:00')).toMatchObject({
      errors: { endedAt: { instants: { now: '2026-01-12T07:00:00.000Z' } } },
    });
  });

  it('round-trips a datetime-local value', () => {
    expect(localToInstant('2025-12-30T15:00', 'Europe/Moscow')).toBe('2025-12-30T12:00:00.000Z');
    expect(instantToLocal('2025-12-30T12:00:00.000Z', 'Europe/Moscow')).toBe('2025-12-30T15:00');
    expect(localToInstant('30.12.2025 15:00', 'Europe/Moscow')).toBeNull();
  });
});

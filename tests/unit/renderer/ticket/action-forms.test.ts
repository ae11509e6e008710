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

  it('schedule_fix needs a real calendar date', () => {
    expect(errorsOf(validateScheduleFix({ releaseDate: '' }))).toEqual({
      releaseDate: 'releaseDate',
    });
    expect(errorsOf(validateScheduleFix({ releaseDate: '2026-02-30' }))).toEqual({
      releaseDate: 'releaseDate',
    });
    expect(validateScheduleFix({ releaseDate: '2026-02-27' })).toEqual({
      ok: true,
      payload: { releaseDate: '2026-02-27' },
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
  it('reads the times on the customer wall clock', () => {
    // Krasnoyarsk is UTC+7 all year: 10:00 there is 03:00Z.
    expect(
      validateLogWork({
        startedLocal: '2026-01-12T10:00',
        endedLocal: '2026-01-12T13:30',
        note: 'замена блока питания',
        timeZone: 'Asia/Krasnoyarsk',
      }),
    ).toEqual({
      ok: true,
      payload: {
        startedAt: '2026-01-12T03:00:00.000Z',
        endedAt: '2026-01-12T06:30:00.000Z',
        note: 'замена блока питания',
      },
    });
  });

  it('names the missing or out-of-order time', () => {
    const base = { note: '', timeZone: 'Europe/Moscow' };
    expect(
      errorsOf(validateLogWork({ ...base, startedLocal: '', endedLocal: '2026-01-12T10:00' })),
    ).toEqual({
      startedAt: 'visitStart',
    });
    expect(
      errorsOf(
        validateLogWork({
          ...base,
          startedLocal: '2026-01-12T10:00',
          endedLocal: '2026-01-12T09:00',
        }),
      ),
    ).toEqual({ endedAt: 'visitOrder' });
  });

  it('round-trips a datetime-local value', () => {
    expect(localToInstant('2025-12-30T15:00', 'Europe/Moscow')).toBe('2025-12-30T12:00:00.000Z');
    expect(instantToLocal('2025-12-30T12:00:00.000Z', 'Europe/Moscow')).toBe('2025-12-30T15:00');
    expect(localToInstant('30.12.2025 15:00', 'Europe/Moscow')).toBeNull();
  });
});

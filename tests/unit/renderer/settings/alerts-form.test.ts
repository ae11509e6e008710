import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultQuietHours } from '../../../../shared/alerts/quiet-hours';
import { requestInputSchemas } from '../../../../shared/host/request-schemas';
import { defaultSettings } from '../../../../shared/host/schemas';
import {
  alertsFormOf,
  parseAlertsForm,
  type AlertsFormInput,
} from '../../../../renderer/features/settings/alerts-form';

const base = defaultQuietHours();
const form = (overrides: Partial<AlertsFormInput> = {}): AlertsFormInput => ({
  ...alertsFormOf(defaultSettings().alerts),
  ...overrides,
});
const quiet = (from: string, to: string, enabled = true) => ({
  enabled,
  from,
  to,
  nonWorkingDays: true,
});

describe('alert levels as typed', () => {
  it('shows the regulation’s default levels as 75, 90 and 100 %', () => {
    expect(form().levels).toEqual(['75', '90', '100']);
  });

  it.each([
    [
      ['75', '90', '100'],
      [0.75, 0.9, 1],
    ],
    [['50'], [0.5]],
    [
      [' 60 ', '80%', '95 %'],
      [0.6, 0.8, 0.95],
    ],
    [
      ['1', '2', '3', '4', '100'],
      [0.01, 0.02, 0.03, 0.04, 1],
    ],
  ])('takes %j as %j', (levels, expected) => {
    const parsed = parseAlertsForm(form({ levels }), base);
    expect(parsed).toMatchObject({ ok: true, patch: { levels: expected } });
  });

  it.each([
    [['75', '', '100'], 1, { code: 'levelEmpty' }],
    [['75', '9o'], 1, { code: 'levelNotNumber', values: { text: '9o' } }],
    [['75,5'], 0, { code: 'levelNotNumber', values: { text: '75,5' } }],
    [['-5'], 0, { code: 'levelNotNumber', values: { text: '-5' } }],
    [['0'], 0, { code: 'levelRange', values: { value: '0' } }],
    [['75', '150'], 1, { code: 'levelRange', values: { value: '150' } }],
    [['90', '75'], 1, { code: 'levelOrder', values: { value: '75', previous: '90' } }],
    [['75', '75', '100'], 1, { code: 'levelOrder', values: { value: '75', previous: '75' } }],
  ])('refuses %j at level %i', (levels, index, error) => {
    const parsed = parseAlertsForm(form({ levels }), base);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.levels[index]).toEqual(error);
  });

  it.each([[[]], [['10', '20', '30', '40', '50', '60']]])('refuses %j levels in all', (levels) => {
    const parsed = parseAlertsForm(form({ levels }), base);
    expect(parsed).toMatchObject({ ok: false, errors: { levelsCount: { code: 'levelsCount' } } });
  });

  it('produces only levels the host accepts, for any increasing whole percents', () => {
    const percents = fc
      .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 })
      .map((values) => [...values].sort((a, b) => a - b));
    fc.assert(
      fc.property(percents, (values) => {
        const parsed = parseAlertsForm(form({ levels: values.map(String) }), base);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const patch = requestInputSchemas['settings:set'].safeParse({ alerts: parsed.patch });
        expect(patch.success).toBe(true);
        // And back: the form shows what was saved.
        expect(alertsFormOf({ ...parsed.patch }).levels).toEqual(values.map(String));
      }),
    );
  });
});

describe('quiet hours as typed', () => {
  it.each([
    ['20:00', '08:00', '20:00', '08:00'],
    ['8:30', '9:05', '08:30', '09:05'],
    [' 22:15 ', '06:00', '22:15', '06:00'],
    ['00:00', '23:59', '00:00', '23:59'],
  ])('takes %j–%j as %s–%s', (from, to, savedFrom, savedTo) => {
    const parsed = parseAlertsForm(form({ quiet: quiet(from, to) }), base);
    expect(parsed).toMatchObject({
      ok: true,
      patch: { quietHours: { enabled: true, from: savedFrom, to: savedTo, calendar: 'RU' } },
    });
  });

  it.each([
    ['', '08:00', 'from', { code: 'timeEmpty' }],
    ['20.00', '08:00', 'from', { code: 'timeFormat', values: { text: '20.00' } }],
    ['2000', '08:00', 'from', { code: 'timeFormat', values: { text: '2000' } }],
    ['20:00', '8', 'to', { code: 'timeFormat', values: { text: '8' } }],
    ['24:00', '08:00', 'from', { code: 'timeRange', values: { text: '24:00' } }],
    ['20:00', '07:60', 'to', { code: 'timeRange', values: { text: '07:60' } }],
    ['20:00', '20:00', 'to', { code: 'quietSame' }],
    ['8:00', '08:00', 'to', { code: 'quietSame' }],
  ] as const)('refuses %j–%j, naming the %s field', (from, to, field, error) => {
    const parsed = parseAlertsForm(form({ quiet: quiet(from, to) }), base);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[field]).toEqual(error);
  });

  it('keeps the stored times when quiet hours are off, whatever half-typed text is left', () => {
    const parsed = parseAlertsForm(form({ quiet: quiet('2', '', false) }), base);
    expect(parsed).toMatchObject({
      ok: true,
      patch: { quietHours: { enabled: false, from: '20:00', to: '08:00' } },
    });
  });
});

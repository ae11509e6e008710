import { describe, expect, it } from 'vitest';
import { EMPTY_INTAKE, validateIntake } from '../../../../renderer/features/intake/intake-form';
import {
  intakeFromRefused,
  intakeHasInput,
} from '../../../../renderer/features/intake/intake-from-refused';

const payload = {
  organizationId: 'org-kam',
  account: 'dispatcher02',
  reporterEmail: 'it@kamchatka.ru',
  priority: 2,
  title: 'Не открывается модуль «Диспетчер»',
  steps: 'Открыть модуль',
  expected: 'Модуль открыт',
  actual: 'Ошибка 500',
  diagnostics: 'Сеть в норме',
  notUserSideConfirmed: true,
  // Kamchatka is UTC+12 all year: 2026-12-07T22:30Z is 8 Dec 10:30 there.
  createdAt: '2026-12-07T22:30:00.000Z',
};

describe('a refused registration back in the intake form', () => {
  it('fills every field as it was sent, the creation time on the customer’s wall clock', () => {
    expect(intakeFromRefused(payload, 'Asia/Kamchatka')).toEqual({
      organizationId: 'org-kam',
      account: 'dispatcher02',
      reporterEmail: 'it@kamchatka.ru',
      priority: '2',
      title: 'Не открывается модуль «Диспетчер»',
      steps: 'Открыть модуль',
      expected: 'Модуль открыт',
      actual: 'Ошибка 500',
      diagnostics: 'Сеть в норме',
      notUserSideConfirmed: true,
      createdAtLocal: '2026-12-08T10:30',
      lateConfirmed: false,
      lateReason: '',
    });
  });

  it('keeps a late registration’s reason, confirmed', () => {
    const form = intakeFromRefused(
      { ...payload, lateRegistrationReason: 'Письмо нашлось в папке «Спам».' },
      'Asia/Kamchatka',
    );
    expect(form).toMatchObject({
      lateConfirmed: true,
      lateReason: 'Письмо нашлось в папке «Спам».',
    });
  });

  it('without the organization’s zone, leaves the time to the moment of registration', () => {
    expect(intakeFromRefused(payload, null).createdAtLocal).toBeNull();
  });

  it('validates like the form it came from, against the same organizations', () => {
    const result = validateIntake(intakeFromRefused(payload, 'Asia/Kamchatka'), {
      now: Date.parse('2026-12-08T00:00:00Z'),
      organizations: [
        {
          id: 'org-kam',
          name: 'ГБУЗ «Камчатская краевая больница»',
          timeZone: 'Asia/Kamchatka',
          calendar: 'RU',
          accounts: ['dispatcher02'],
          contactEmails: ['it@kamchatka.ru'],
          version: 1,
        },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('tells an empty intake from one with something typed', () => {
    expect(intakeHasInput(EMPTY_INTAKE)).toBe(false);
    expect(intakeHasInput({ ...EMPTY_INTAKE, title: 'x' })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  EMPTY_INTAKE,
  validateIntake,
  type IntakeForm,
} from '../../../../renderer/features/intake/intake-form';
import { intake } from '../../../fixtures/sync/inputs';
import { ORG, T0, seededDb } from '../db/db-fixture';

const form: IntakeForm = {
  ...EMPTY_INTAKE,
  organizationId: ORG.id,
  account: 'operator01',
  reporterEmail: 'it@example.ru',
  priority: '3',
  title: 'Не приходят уведомления',
  steps: 'Создать обращение.',
  expected: 'Уведомление ответственному.',
  actual: 'Уведомление не приходит.',
  diagnostics: 'Почтовый сервер доступен.',
  notUserSideConfirmed: true,
};

// The form's output goes straight into the repo: what it validates must be what `create` accepts.
describe('a validated intake', () => {
  it('is registered with the wall time read in the organization’s zone', async () => {
    const { db, actions } = await seededDb();
    const result = validateIntake(
      {
        ...EMPTY_INTAKE,
        organizationId: ORG.id,
        account: 'operator01',
        reporterEmail: 'it@example.ru',
        priority: '1',
        title: 'Система недоступна',
        steps: 'Открыть веб-клиент.',
        expected: 'Открывается рабочий стол оператора.',
        actual: 'Ошибка 502 у всех пользователей.',
        diagnostics: 'Сеть и рабочие места в норме, сервер не отвечает.',
        notUserSideConfirmed: true,
        // T0 is 2026-11-25 07:00 UTC = 10:00 in Moscow (UTC+3); the customer called at 08:00.
        createdAtLocal: '2026-11-25T08:00',
      },
      { now: T0, organizations: [ORG] },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const created = await actions.create(result.input);
    expect(created.ok).toBe(true);
    const row = await db.tickets.get(created.ok ? created.ticketId : '');
    expect(row?.view).toMatchObject({ createdAt: '2026-11-25T05:00:00.000Z', priority: 1 });
  });

  it('keeps an internationalised reply address exactly as typed', async () => {
    const { db, actions } = await seededDb();
    const result = validateIntake(
      { ...form, reporterEmail: ' Ivanov@Почта.рф ' },
      { now: T0, organizations: [ORG] },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const created = await actions.create(result.input);
    expect(created.ok).toBe(true);
    const row = await db.tickets.get(created.ok ? created.ticketId : '');
    expect(row?.view?.reporterEmail).toBe('Ivanov@Почта.рф');
  });

  it('registers a request older than 30 days late, with the reason on the ticket', async () => {
    const { db, actions } = await seededDb();
    // T0 is Wed 2026-11-25 10:00 in Moscow; 2026-10-01 10:00 there is 55 days earlier.
    const late = { ...form, createdAtLocal: '2026-10-01T10:00' };
    const refused = validateIntake(late, { now: T0, organizations: [ORG] });
    expect(!refused.ok && refused.errors).toEqual({
      lateRegistration: { code: 'lateUnconfirmed', limit: 30 },
    });
    const reason = 'Письмо заказчика нашлось в папке «Спам» при разборе почты.';
    const result = validateIntake(
      { ...late, lateConfirmed: true, lateReason: reason },
      { now: T0, organizations: [ORG] },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const created = await actions.create(result.input);
    expect(created.ok).toBe(true);
    const row = await db.tickets.get(created.ok ? created.ticketId : '');
    expect(row?.view).toMatchObject({
      createdAt: '2026-10-01T07:00:00.000Z',
      lateRegistrationReason: reason,
    });
    expect((await db.outbox.toArray())[0]?.payload).toMatchObject({
      lateRegistrationReason: reason,
    });
  });

  it('a late request without a reason is refused by the shared rules too', async () => {
    const { db, actions } = await seededDb();
    const input = { ...intake(ORG.id, 'Старое письмо'), createdAt: '2026-10-01T07:00:00.000Z' };
    expect(await actions.create(input)).toMatchObject({
      ok: false,
      error: { code: 'late_registration_reason_required' },
    });
    expect(await db.outbox.count()).toBe(0);
  });
});

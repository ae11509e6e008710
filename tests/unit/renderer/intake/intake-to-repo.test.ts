import { describe, expect, it } from 'vitest';
import { validateIntake } from '../../../../renderer/features/intake/intake-form';
import { ORG, T0, seededDb } from '../db/db-fixture';

// The form's output goes straight into the repo: what it validates must be what `create` accepts.
describe('a validated intake', () => {
  it('is registered with the wall time read in the organization’s zone', async () => {
    const { db, actions } = await seededDb();
    const result = validateIntake(
      {
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
});

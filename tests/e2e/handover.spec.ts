import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startDemoErpCli, type TeamMember } from './support/demo-erp-cli';
import { startServeWeb } from './support/serve-web';
import {
  engineerAt,
  goOffline,
  goOnline,
  registerTicket as registerAs,
  shot,
  syncNow,
  type SignedMember,
} from './support/team-erp';

// Two engineers at two computers (two browser profiles, each with its own serving process, as
// each desktop app has its own main) share one standalone demo ERP: each is signed in as
// themself, takes tickets, hands them over, and is told in words when a colleague was first.

const TEAM: Array<TeamMember & { active?: boolean }> = [
  { id: 'andreev', name: 'Андреев Павел', token: `andreev-${randomUUID()}` },
  { id: 'belova', name: 'Белова Марина', token: `belova-${randomUUID()}` },
  { id: 'gusev', name: 'Гусев Константин', active: false },
];
const [ANDREEV, BELOVA] = TEAM as [SignedMember, SignedMember];
const registerTicket = (erpUrl: string, title: string) => registerAs(erpUrl, ANDREEV, title);

const row = (page: Page, ticketId: string) =>
  page.locator(`[data-testid="queue-row"][data-ticket-id="${ticketId}"]`);

test.describe('two engineers, one ERP', () => {
  test.setTimeout(240_000);

  test('A takes a ticket and hands it to B; B finds it under «Мои» with A in the timeline', async ({
    browser,
  }, testInfo) => {
    const erp = await startDemoErpCli(TEAM, ['--seed-tickets', '0']);
    const webA = await startServeWeb(['--erp', erp.url]);
    const webB = await startServeWeb(['--erp', erp.url]);
    try {
      const ticket = await registerTicket(erp.url, 'ПЕРЕДАЧА-E2E не сохраняется карточка');
      const a = await engineerAt(browser, webA.url, ANDREEV);
      const b = await engineerAt(browser, webB.url, BELOVA);

      // A's queue opens on «Мои»: nothing of his yet. The new ticket waits under «Не назначены».
      await expect(a.getByTestId('queue-view-mine')).toHaveAttribute('aria-pressed', 'true');
      await expect(a.getByTestId('queue-view-empty')).toContainText('У вас нет открытых заявок');
      await a.getByTestId('queue-view-unassigned').click();
      await expect(row(a, ticket.id)).toContainText('Не назначен');
      await shot(a, testInfo, 'queue-unassigned-ru');
      await row(a, ticket.id).getByRole('link').click();
      await expect(a.getByTestId('ticket-state')).toHaveText('Новая');

      // He takes it: it is his, in work.
      await a.getByRole('button', { name: 'Взять в работу' }).click();
      await expect(a.getByTestId('ticket-state')).toHaveText('В работе');
      await expect(a.getByTestId('ticket-assignee')).toHaveText('вы');

      // And hands it to Белова. Nobody chosen yet: the form says so instead of sending.
      await a.getByRole('button', { name: 'Передать', exact: true }).click();
      const form = a.getByRole('form', { name: 'Передать заявку коллеге' });
      const to = form.getByLabel('Кому');
      // The deactivated colleague is not offered, nor the one who has the ticket.
      await expect(to.locator('option')).toHaveText(['Выберите исполнителя', 'Белова Марина']);
      await form.getByRole('button', { name: 'Передать' }).click();
      await expect(form).toContainText('Выберите, кому передать заявку.');
      await to.selectOption({ label: 'Белова Марина' });
      await shot(a, testInfo, 'handover-form-ru');
      await form.getByRole('button', { name: 'Передать' }).click();
      await expect(a.getByTestId('ticket-assignee')).toHaveText('Белова Марина');
      await expect(a.getByTestId('ticket-timeline')).toContainText('Передана: вы → Белова Марина');
      await syncNow(a);
      await expect(a.getByTestId('ticket-pending')).toHaveCount(0, { timeout: 20_000 });

      // B, after her next sync: under «Мои», hers, with Андреев named in the timeline.
      await syncNow(b);
      await b.getByTestId('queue-view-mine').click();
      await expect(row(b, ticket.id)).toBeVisible({ timeout: 20_000 });
      await expect(row(b, ticket.id)).toContainText('вы');
      await shot(b, testInfo, 'queue-mine-ru');
      await row(b, ticket.id).getByRole('link').click();
      await expect(b.getByTestId('ticket-assignee')).toHaveText('вы');
      const handedOver = b
        .getByTestId('timeline-entry')
        .filter({ hasText: 'Передана: Андреев Павел → вы' });
      await expect(handedOver).toContainText('Андреев Павел');
      await expect(
        b.getByTestId('timeline-entry').filter({ hasText: 'Взята в работу' }),
      ).toContainText('Андреев Павел');
      await shot(b, testInfo, 'ticket-handed-over-ru');

      // The same in English.
      await b.getByRole('button', { name: 'EN', exact: true }).click();
      await expect(b.getByTestId('ticket-timeline')).toContainText(
        'Handed over: Андреев Павел → you',
      );
      await b.getByRole('link', { name: /Back to the queue/ }).click();
      await expect(b.getByTestId('queue-view-mine')).toContainText('Mine');
      await shot(b, testInfo, 'queue-mine-en');
      await a.getByRole('button', { name: 'EN', exact: true }).click();
      await a.getByRole('button', { name: 'Hand over', exact: true }).click();
      await a
        .getByRole('form', { name: 'Hand the ticket over to a colleague' })
        .getByRole('button', { name: 'Hand over' })
        .click();
      await expect(a.getByText('Choose whom to hand the ticket to.')).toBeVisible();
      await shot(a, testInfo, 'handover-form-en');

      await a.context().close();
      await b.context().close();
    } finally {
      await webA.stop();
      await webB.stop();
      await erp.stop();
    }
  });

  test('both take one ticket offline: the second is told who has it, and keeps what she typed', async ({
    browser,
  }, testInfo) => {
    const erp = await startDemoErpCli(TEAM, ['--seed-tickets', '0']);
    const webA = await startServeWeb(['--erp', erp.url]);
    const webB = await startServeWeb(['--erp', erp.url]);
    try {
      const ticket = await registerTicket(erp.url, 'КОНФЛИКТ-E2E не печатается направление');
      const a = await engineerAt(browser, webA.url, ANDREEV);
      const b = await engineerAt(browser, webB.url, BELOVA);

      // Белова without a network: she takes the ticket and writes what she found.
      await goOffline(b);
      await b.goto(`${webB.url}/#/ticket/${ticket.id}`);
      await b.getByRole('button', { name: 'Взять в работу' }).click();
      await expect(b.getByTestId('ticket-assignee')).toHaveText('вы');
      await b.getByRole('button', { name: 'Комментарий', exact: true }).click();
      await b.getByLabel('Текст комментария').fill('Принтер в регистратуре, выезжаю на объект.');
      await b.getByRole('button', { name: 'Добавить' }).click();

      // Андреев, online, takes it first.
      await a.goto(`${webA.url}/#/ticket/${ticket.id}`);
      await a.getByRole('button', { name: 'Взять в работу' }).click();
      await syncNow(a);

      // Back online, Белова syncs: her take is refused, in words that name Андреев.
      await goOnline(b);
      await syncNow(b);
      await expect(b.getByTestId('ticket-assignee')).toHaveText('Андреев Павел', {
        timeout: 20_000,
      });
      // Her comment went through, as hers.
      await expect(
        b.getByTestId('timeline-entry').filter({ hasText: 'выезжаю на объект' }),
      ).toContainText('вы');
      await b.goto(`${webB.url}/#/`);
      await expect(b.getByTestId('dead-letter-reason')).toHaveText(
        'Заявку уже взял(а) в работу Андреев Павел.',
      );
      await shot(b, testInfo, 'conflict-named-ru');
      // Sending it again could only be refused again: not offered. Nothing was typed, and the
      // ticket is in work by Андреев, so there is nothing to redo either: only «Понятно».
      const refused = b.getByTestId('dead-letter');
      await expect(refused.getByRole('button')).toHaveText(['Понятно']);
      await refused.getByRole('button', { name: 'Понятно' }).click();
      await expect(refused).toHaveCount(0);

      await a.context().close();
      await b.context().close();
    } finally {
      await webA.stop();
      await webB.stop();
      await erp.stop();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startDemoErpCli } from './support/demo-erp-cli';
import { startServeWeb } from './support/serve-web';
import {
  engineerAt,
  goOffline,
  goOnline,
  pushAs,
  registerTicket,
  shot,
  syncNow,
  type SignedMember,
} from './support/team-erp';

// Белова resolves a ticket on site without a network; Андреев, at the office, resolves the same
// ticket meanwhile. Her resolution is refused when she is back online: the list says which
// ticket, why in Russian, who resolved it, keeps what she typed, and offers no «Отправить снова»
// (it would be refused again), only what can succeed.

const ANDREEV: SignedMember = {
  id: 'andreev',
  name: 'Андреев Павел',
  token: `andreev-${randomUUID()}`,
};
const BELOVA: SignedMember = {
  id: 'belova',
  name: 'Белова Марина',
  token: `belova-${randomUUID()}`,
};
const RESULT = 'Переустановил драйвер принтера в регистратуре, направления печатаются.';

test('an offline resolve of a ticket a colleague resolved meanwhile, in words', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const erp = await startDemoErpCli([ANDREEV, BELOVA], ['--seed-tickets', '0']);
  const web = await startServeWeb(['--erp', erp.url]);
  try {
    const ticket = await registerTicket(
      erp.url,
      ANDREEV,
      'Не печатается направление из окна «Запись»',
    );
    const b = await engineerAt(browser, web.url, BELOVA);

    // On site, no network: she resolves it and writes what she did.
    await goOffline(b);
    await b.goto(`${web.url}/#/ticket/${ticket.id}`);
    await b.getByRole('button', { name: 'Решить' }).click();
    await b.getByLabel('Результат работ').fill(RESULT);
    await b.getByRole('button', { name: 'Решить', exact: true }).last().click();
    await b.keyboard.press('Escape');
    await expect(b.getByTestId('ticket-state')).toHaveText('Решена');

    // Meanwhile Андреев takes it and resolves it from the office.
    const results = await pushAs(erp.url, ANDREEV, [
      { type: 'react', ticketId: ticket.id, baseVersion: ticket.version, payload: {} },
      {
        type: 'resolve',
        ticketId: ticket.id,
        baseVersion: ticket.version,
        payload: { result: 'Обновили шаблон направления.' },
      },
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);

    // Back online, she syncs: her resolution is refused, and the queue says so in words.
    await goOnline(b);
    await syncNow(b);
    await b.goto(`${web.url}/#/`);
    const refused = b.getByTestId('dead-letter');
    await expect(refused).toHaveCount(1, { timeout: 20_000 });
    await expect(refused.getByTestId('dead-letter-ticket')).toHaveText(
      `Заявка № ${ticket.number} «Не печатается направление из окна „Запись“»`,
    );
    await expect(refused).toContainText('Не применено: решение заявки');
    await expect(refused.getByTestId('dead-letter-reason')).toHaveText('Заявка уже решена.');
    const changes = refused.getByTestId('dead-letter-changes');
    await expect(changes).toContainText('Андреев Павел — взята в работу');
    await expect(changes).toContainText('Андреев Павел — заявка решена');
    await expect(refused.getByTestId('dead-letter-typed')).toHaveValue(RESULT);
    await expect(refused.getByRole('button', { name: 'Отправить снова' })).toHaveCount(0);
    await expect(refused.getByRole('button')).toHaveText([
      'Копировать',
      'Добавить текст комментарием',
      'Удалить',
    ]);
    // The ERP's English text is kept for diagnostics, folded away.
    await expect(refused.getByTestId('dead-letter-erp-message')).toBeHidden();
    await expect(refused.getByTestId('dead-letter-erp-message')).toContainText(
      'invalid_transition',
    );
    await refused.scrollIntoViewIfNeeded();
    await shot(b, testInfo, 'refused-action-ru');

    // Discarding would lose the text: it asks first, and «Оставить» keeps everything.
    await refused.getByRole('button', { name: 'Удалить' }).click();
    await expect(refused).toContainText('Удалить вместе с текстом?');
    await refused.getByRole('button', { name: 'Оставить' }).click();
    await expect(refused.getByTestId('dead-letter-typed')).toHaveValue(RESULT);

    await b.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(refused.getByTestId('dead-letter-reason')).toHaveText(
      'The ticket is already resolved.',
    );
    await expect(refused.getByTestId('dead-letter-ticket')).toHaveText(
      `Ticket No. ${ticket.number} “Не печатается направление из окна ‘Запись’”`,
    );
    await expect(refused.getByRole('button', { name: 'Send again' })).toHaveCount(0);
    await shot(b, testInfo, 'refused-action-en');
    await b.getByRole('button', { name: 'RU', exact: true }).click();

    // Her text goes on the resolved ticket as a comment, and the refused action is then done.
    await refused.getByRole('button', { name: 'Добавить текст комментарием' }).click();
    await expect(b.getByTestId('ticket-state')).toHaveText('Решена');
    const comment = b.getByLabel('Текст комментария');
    await expect(comment).toHaveValue(RESULT);
    await b.getByRole('button', { name: 'Добавить' }).click();
    await expect(
      b.getByTestId('timeline-entry').filter({ hasText: 'направления печатаются' }),
    ).toContainText('вы');
    await b.goto(`${web.url}/#/`);
    await expect(b.getByTestId('dead-letter')).toHaveCount(0);

    await b.context().close();
  } finally {
    await web.stop();
    await erp.stop();
  }
});

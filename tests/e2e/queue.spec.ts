import { expect, test, type Page } from '@playwright/test';
import { createTicketInErp, ticketsInErp } from './support/erp';
import { erpClockReadsPageClock } from './support/erp-clock';

/** The queue, showing every open ticket (it opens on «Мои»: the signed-in engineer's). */
async function openQueue(page: Page) {
  await page.goto('/');
  await page.getByTestId('queue-view-open').click({ timeout: 20_000 });
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 20_000 });
}

function rowOf(page: Page, ticketId: string) {
  return page.locator(`[data-testid="queue-row"][data-ticket-id="${ticketId}"]`);
}

test.describe('the queue', () => {
  test('comes up on the embedded demo ERP with its seeded queue', async ({
    page,
    request,
  }, testInfo) => {
    await openQueue(page);
    await expect(page.getByTestId('erp-kind')).toHaveText('ERP: демо');

    const open = [...(await ticketsInErp(request)).values()].filter((t) => t.state !== 'resolved');
    expect(open.length).toBeGreaterThan(50);
    await expect(page.getByTestId('queue-count')).toHaveText(new RegExp(`^${open.length} заяв`));

    // Urgency order: breached rows (a leading minus) come first, and nothing breached follows a
    // ticket that is still in time.
    const firstRows = await page.getByTestId('resolution-clock').allInnerTexts();
    const breached = firstRows.map((text) => text.startsWith('−'));
    expect(breached[0]).toBe(true);

    const screenshot = testInfo.outputPath('queue-ru.png');
    await page.screenshot({ path: screenshot });
    await testInfo.attach('queue-ru', { path: screenshot, contentType: 'image/png' });
  });

  test('shows remaining working time in the customer’s zone, with the engineer’s own reading', async ({
    page,
    request,
  }) => {
    // Mon 2026-11-30 and Tue 2026-12-01 are ordinary working days in the RU calendar 2026.
    // Moscow P2 created Mon 09:00 MSK: at 11:30 MSK 2.5 of the 4 reaction hours are counted
    // (due 13:00 MSK) and 2.5 of the 24 resolution hours (Mon 9 + Tue 9 + Wed 6 → Wed 02.12 15:00).
    const moscow = await createTicketInErp(request, {
      organizationId: 'org-msk-stolitsa',
      priority: 2,
      createdAt: '2026-11-30T06:00:00Z',
      title: 'ОЧЕРЕДЬ-E2E отчёт по обращениям не формируется',
    });
    // Kamchatka (UTC+12, МСК+9) P2 created Mon 12:00 local: at 20:30 local the working day is
    // over. Reaction (4 h) ran out at 16:00 local, 2 h over; resolution counted 6 h, waits until
    // Tue 01.12 09:00 local, which is 01.12 00:00 in Moscow. Today's dates are left out.
    const kamchatka = await createTicketInErp(request, {
      organizationId: 'org-pkc-kamryba',
      priority: 2,
      createdAt: '2026-11-30T00:00:00Z',
      title: 'ОЧЕРЕДЬ-E2E не приходят SMS диспетчерам',
    });
    await page.clock.setFixedTime(new Date('2026-11-30T08:30:00Z'));
    await erpClockReadsPageClock(page);
    await openQueue(page);
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('ОЧЕРЕДЬ-E2E');

    const m = rowOf(page, moscow.id);
    await expect(m.getByTestId('reaction-clock')).toHaveText('1 ч 30 мин' + 'до 13:00 МСК');
    await expect(m.getByTestId('resolution-clock')).toHaveText(
      '21 ч 30 мин' + 'до 02.12 15:00 МСК',
    );

    const k = rowOf(page, kamchatka.id);
    // The engineer's own reading sits on the first line, beside the amount.
    await expect(k.getByTestId('reaction-clock')).toHaveText(
      '−2 ч 00 мин' + ' · у вас 07:00' + 'истёк 16:00 МСК+9',
    );
    await expect(k.getByTestId('resolution-clock')).toHaveText(
      '18 ч 00 мин' + ' · у вас 01.12 00:00' + 'ждёт до 01.12 09:00 МСК+9',
    );
  });

  test('filters and searches, and remembers the filters while a ticket is open', async ({
    page,
  }) => {
    await openQueue(page);
    const count = page.getByTestId('queue-count');
    const total = Number((await count.innerText()).match(/\d+/)![0]);

    await page
      .getByRole('group', { name: 'Состояние по срокам' })
      .getByRole('button', { name: /На паузе/ })
      .click();
    await expect(count).toHaveText(new RegExp(`^показано \\d+ из ${total}$`));
    for (const text of await page.getByTestId('resolution-clock').allInnerTexts()) {
      expect(text).toMatch(/^пауза \d|^−/);
    }

    await page
      .getByRole('group', { name: 'Приоритет' })
      .getByRole('button', { name: 'П1' })
      .click();
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('такого заголовка нет');
    await expect(page.getByTestId('queue-no-match')).toBeVisible();
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect(count).toHaveText(new RegExp(`^${total} заяв`));

    await page
      .getByRole('combobox', { name: 'Организация' })
      .selectOption({ label: 'АО «Янтарный морской терминал»' });
    const rows = page.getByTestId('queue-row');
    await expect(rows.first()).toContainText('Янтарный');
    await rows.first().getByRole('link').click();
    await expect(page).toHaveURL(/#\/ticket\//);
    await page.goBack();
    await expect(page.getByRole('combobox', { name: 'Организация' })).toHaveValue('org-kgd-yantar');
  });
});

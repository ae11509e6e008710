import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostBridge } from '@shared/host/contract';
import { dumpPageStorage } from '../e2e/support/page-storage';
import { expect, test } from './support/fixtures';
import { enterErpToken, p1CreatedAt, queueRow, showAllOpen } from './support/desktop';

// The ERP token goes from the page to main once, and from then on only from main to the ERP: the
// real preload, IPC and main process, scanned for it everywhere the page could look.

declare global {
  interface Window {
    prokontakt?: HostBridge;
    /** Every event main sent the page during the test, as the page received it. */
    __hostEvents?: unknown[];
  }
}

test('the ERP token reaches the ERP and nothing the page can read', async ({
  erp,
  userData,
  launchMain,
  configureErpAddress,
}) => {
  configureErpAddress(erp.url);
  const main = launchMain();
  const page = await main.windowPage();
  await page.evaluate(() => {
    const seen: unknown[] = [];
    for (const event of [
      'sync:trigger',
      'alerts:open-ticket',
      'alerts:shown',
      'alerts:status',
    ] as const) {
      window.prokontakt!.on(event, (payload) => seen.push([event, payload]));
    }
    window.__hostEvents = seen;
  });
  await enterErpToken(page, erp.token);

  // Overdue from the start, so main has an alert to send the page as well.
  const ticket = await erp.createTicket({
    organizationId: 'org-yak-almaz',
    priority: 1,
    createdAt: p1CreatedAt(1.5, Date.now()),
    title: 'Не проходит авторизация на сервере приложений',
  });
  await main.command({ op: 'tray.menu', label: 'Синхронизировать сейчас' });
  await showAllOpen(page);
  await expect(queueRow(page, ticket.id)).toBeVisible();

  // Every request the page can make, answered by main with the token in use.
  const request = (channel: string, input?: unknown) =>
    page.evaluate(
      ([name, value]) => window.prokontakt!.request(name as 'app:info', value as undefined),
      [channel, input] as const,
    );
  const answers = {
    'app:info': await request('app:info'),
    'settings:get': await request('settings:get'),
    'settings:set': await request('settings:set', { erp: { baseUrl: erp.url } }),
    'secrets:erp-token-status': await request('secrets:erp-token-status'),
    'erp:session': await request('erp:session'),
    'erp:push': await request('erp:push', {
      protocolVersion: 1,
      deviceId: randomUUID(),
      commands: [],
    }),
    'erp:changes': await request('erp:changes', { cursor: null, limit: 100 }),
    'alerts:mute': await request('alerts:mute', { minutes: 0 }),
    'diagnostics:host': await request('diagnostics:host'),
    'diagnostics:log': await request('diagnostics:log', {
      level: 'warn',
      scope: 'e2e',
      message: 'scan',
    }),
    refused: await request('erp:push', { method: 'GET', path: '/sync/v1/session' }),
  };
  // The control: the ERP took the token main sent it (and kept it after a same-origin save).
  expect(answers['erp:session']).toMatchObject({ ok: true, value: { status: 200 } });
  expect(answers['secrets:erp-token-status']).toMatchObject({ ok: true, value: { present: true } });
  expect(answers.refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

  await page.getByRole('banner').getByRole('link', { name: 'Диагностика' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Диагностика');
  await expect(page.getByTestId('app-version')).toBeVisible();

  const storage = await dumpPageStorage(page);
  expect(storage.indexedDbRecords).toBeGreaterThan(0);
  // The overdue ticket's notice came to the page too (it lists it beside the OS notification).
  const eventNames = () =>
    page.evaluate(() => (window.__hostEvents ?? []).map((entry) => (entry as [string])[0]));
  await expect.poll(eventNames).toContain('alerts:shown');
  const events = await page.evaluate(() => window.__hostEvents ?? []);
  const readable = {
    answers: JSON.stringify(answers),
    events: JSON.stringify(events),
    storage: storage.text,
    document: await page.content(),
    text: await page.evaluate(() => document.body.innerText),
    bridge: await page.evaluate(() => JSON.stringify(Object.keys(window.prokontakt ?? {}))),
  };
  const bytes = Buffer.from(erp.token, 'utf8');
  const spellings = [
    erp.token,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    encodeURIComponent(erp.token),
  ];
  for (const [where, text] of Object.entries(readable)) {
    for (const spelling of spellings) expect(text, `the token in ${where}`).not.toContain(spelling);
  }

  // Main's own files: the token is on disk only encrypted.
  const tokenFile = join(userData, 'erp-token.bin');
  expect(existsSync(tokenFile)).toBe(true);
  for (const file of [
    tokenFile,
    join(userData, 'settings.json'),
    join(userData, 'logs/main.log'),
  ]) {
    expect(readFileSync(file).includes(erp.token), file).toBe(false);
  }
});

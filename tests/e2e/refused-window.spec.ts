import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startDemoErpCli } from './support/demo-erp-cli';
import { startServeWeb } from './support/serve-web';
import {
  engineerAt,
  goOffline,
  goOnline,
  pushAs,
  shot,
  syncNow,
  type SignedMember,
} from './support/team-erp';

// Белова plans maintenance offline; Андреев plans an overlapping window from the office first. Her
// plan comes back refused: the refused-actions list names the window (organization and local
// time) and says why in words, in Russian and in English. No planner screen exists yet (another
// part of issue 16), so her plan is queued the way window-actions.ts queues one: an outbox row
// with the next seq, written into the app's database.

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
const ORG = 'org-nsk-oblbolnitsa';
// Asia/Novosibirsk is UTC+7; Saturday 2026-12-19 evening is open to maintenance (§5).
const HIS = { startsAt: '2026-12-19T13:00:00.000Z', endsAt: '2026-12-19T16:00:00.000Z' }; // 20:00–23:00
const HERS = { startsAt: '2026-12-19T14:00:00.000Z', endsAt: '2026-12-19T16:30:00.000Z' }; // 21:00–23:30
const UNAVAILABLE = 'Запись на приём и выгрузка в ЕГИСЗ';

async function queuePlanOffline(page: Page, member: SignedMember) {
  await page.evaluate(
    async ({ windowId, payload, member }) => {
      const names = (await indexedDB.databases()).map((db) => db.name ?? '');
      const name = names.find((n) => n.startsWith('prokontakt-desk'))!;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(`open ${name}: ${String(open.error)}`));
      });
      const tx = db.transaction(['outbox', 'meta'], 'readwrite');
      const meta = tx.objectStore('meta');
      const next = await new Promise<number>((resolve) => {
        const read = meta.get('nextSeq');
        read.onsuccess = () => resolve((read.result as { value: number } | undefined)?.value ?? 1);
      });
      tx.objectStore('outbox').put({
        seq: next,
        commandId: crypto.randomUUID(),
        type: 'plan_window',
        ticketId: windowId,
        baseVersion: null,
        payload,
        actedAt: Date.now(),
        offsetMs: null,
        author: member.name,
        authorId: member.id,
      });
      meta.put({ key: 'nextSeq', value: next + 1 });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    {
      windowId: randomUUID(),
      payload: { organizationId: ORG, ...HERS, unavailable: UNAVAILABLE, mode: 'normal' },
      member: { id: member.id, name: member.name },
    },
  );
}

test('a maintenance window planned offline over a colleague’s is refused, in words', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const erp = await startDemoErpCli([ANDREEV, BELOVA], ['--seed-tickets', '0']);
  const web = await startServeWeb(['--erp', erp.url]);
  try {
    const b = await engineerAt(browser, web.url, BELOVA);
    await goOffline(b);
    await queuePlanOffline(b, BELOVA);

    const [his] = await pushAs(erp.url, ANDREEV, [
      {
        type: 'plan_window',
        ticketId: randomUUID(),
        baseVersion: null,
        payload: { organizationId: ORG, ...HIS, unavailable: 'Отчёты', mode: 'normal' },
      },
    ]);
    expect(his?.status).toBe('applied');

    await goOnline(b);
    await syncNow(b);
    await b.goto(`${web.url}/#/`);
    const refused = b.getByTestId('dead-letter');
    await expect(refused).toHaveCount(1, { timeout: 20_000 });
    const named = refused.getByTestId('dead-letter-window');
    await expect(named).toContainText(
      'Технологические работы: ГБУЗ НСО «Областная клиническая больница № 2»',
    );
    await expect(named).toContainText('21:00');
    await expect(named).toContainText('23:30');
    await expect(refused).toContainText('Не применено: планирование технологических работ');
    await expect(refused.getByTestId('dead-letter-reason')).toHaveText(
      'На это время у организации уже запланированы другие работы.',
    );
    await expect(refused.getByTestId('dead-letter-typed')).toHaveValue(UNAVAILABLE);
    await expect(refused.getByRole('button', { name: 'Отправить снова' })).toHaveCount(0);
    await expect(refused.getByTestId('dead-letter-ticket')).toHaveCount(0);
    await refused.scrollIntoViewIfNeeded();
    await shot(b, testInfo, 'refused-window-ru');

    await b.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(named).toContainText('Maintenance: ГБУЗ НСО');
    await expect(refused.getByTestId('dead-letter-reason')).toHaveText(
      'The organization already has other maintenance planned for this time.',
    );
    await expect(refused).toContainText('Not applied: planning maintenance');
    await shot(b, testInfo, 'refused-window-en');
    await b.getByRole('button', { name: 'RU', exact: true }).click();
    await b.context().close();
  } finally {
    await web.stop();
    await erp.stop();
  }
});

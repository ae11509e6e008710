import { randomUUID } from 'node:crypto';
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import type { Ticket } from '@shared/domain/ticket';
import type { HostBridge } from '@shared/host/contract';
import type { TeamMember } from './demo-erp-cli';

/*
 * Engineers at their own computers (a browser profile and a serving process each) sharing one
 * standalone demo ERP, and the ERP's own API for what a colleague or the portal does meanwhile.
 */

export type SignedMember = TeamMember & { token: string };

/** Sends commands to the ERP as `member` would from another device; returns each result. */
export async function pushAs(
  erpUrl: string,
  member: SignedMember,
  commands: Array<{ type: string; ticketId: string; baseVersion: number | null; payload: unknown }>,
): Promise<Array<{ status: string; ticket?: Ticket }>> {
  const at = new Date().toISOString();
  const response = await fetch(`${erpUrl}/sync/v1/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${member.token}` },
    body: JSON.stringify({
      protocolVersion: 1,
      deviceId: randomUUID(),
      commands: commands.map((command, index) => ({
        commandId: randomUUID(),
        seq: index + 1,
        clientCreatedAt: at,
        ...command,
      })),
    }),
  });
  const body = (await response.json()) as { results: Array<{ status: string; ticket?: Ticket }> };
  return body.results;
}

/** Registers a request as the ERP's portal would, with an engineer's token. */
export async function registerTicket(
  erpUrl: string,
  member: SignedMember,
  title: string,
): Promise<Ticket> {
  const createdAt = new Date(Date.now() - 30 * 60_000).toISOString();
  const [result] = await pushAs(erpUrl, member, [
    {
      type: 'create',
      ticketId: randomUUID(),
      baseVersion: null,
      payload: {
        organizationId: 'org-nsk-oblbolnitsa',
        account: 'registratura01',
        reporterEmail: 'asu@okb2-nso.ru',
        priority: 3,
        title,
        steps: 'Открыть карточку пациента и нажать «Сохранить».',
        expected: 'Карточка сохранена.',
        actual: 'Ошибка PK-1042.',
        diagnostics: 'Повторяется на всех рабочих местах регистратуры.',
        notUserSideConfirmed: true,
        createdAt,
      },
    },
  ]);
  expect(result?.status).toBe('applied');
  return result!.ticket!;
}

/** A browser profile at one engineer's computer, signed in with their token. */
export async function engineerAt(browser: Browser, url: string, member: SignedMember) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Novosibirsk',
  });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await expect(page.getByTestId('sync-last')).toBeVisible({ timeout: 20_000 });
  const set = await page.evaluate(
    (token) =>
      (window as unknown as { prokontakt: HostBridge }).prokontakt.request(
        'secrets:set-erp-token',
        { token },
      ),
    member.token,
  );
  expect(set).toMatchObject({ ok: true });
  await syncNow(page);
  // "Who am I": the ERP names the token's owner; the header shows it.
  await expect(page.getByTestId('signed-in-as')).toContainText(member.name, { timeout: 20_000 });
  return page;
}

export async function syncNow(page: Page) {
  await page.getByRole('button', { name: /^(Синхронизировать|Sync now)$/ }).click();
  await expect(page.getByTestId('sync-last')).not.toHaveText(/идёт…|ещё не выполнялась|never/, {
    timeout: 20_000,
  });
}

/** Cuts the engineer's computer off the ERP (the browser host's ERP calls too). */
export async function goOffline(page: Page) {
  await page.context().setOffline(true);
  await page.route('**/host/erp/**', (route) => route.abort('internetdisconnected'));
}

export async function goOnline(page: Page) {
  await page.unroute('**/host/erp/**');
  await page.context().setOffline(false);
}

export async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

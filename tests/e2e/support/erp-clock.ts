import type { Page, Route } from '@playwright/test';

/*
 * The window runs on ERP time: it corrects its own clock by the offset the sync engine measures
 * from the ERP's `serverTime`. Playwright can fake the page's clock but not the serving process's,
 * so these helpers stand between the page and the served ERP (`/host/erp/*`).
 */

const SERVED_ERP = /\/host\/erp\/(push|session)$/;

interface ServedAnswer {
  ok: boolean;
  value?: { status: number; body: unknown; retryAfterSeconds: number | null };
}

async function rewriteServerTime(page: Page, route: Route): Promise<void> {
  const response = await route.fetch();
  const result = (await response.json()) as ServedAnswer;
  const body = result.value?.body as { serverTime?: unknown } | null | undefined;
  if (result.ok && body && typeof body.serverTime === 'string') {
    body.serverTime = await page.evaluate(() => new Date().toISOString());
  }
  await route.fulfill({ response, json: result });
}

/**
 * For tests that move the page's clock to set a scene (a fixed Monday 11:30, a threshold reached
 * later): the ERP's clock, as the page measures it, reads the page's clock too. Without this the
 * corrected clock would rightly ignore the fake one.
 */
export async function erpClockReadsPageClock(page: Page): Promise<void> {
  await page.route(SERVED_ERP, (route) => rewriteServerTime(page, route));
}

/**
 * An ERP that refuses the empty push the sync engine measures the clock with (HTTP 400, which
 * the engine treats as harmless): the window then syncs without ever learning the offset, the
 * state of a device that has not been online since its clock went wrong.
 */
export async function erpRefusesClockProbe(page: Page): Promise<void> {
  await page.route(/\/host\/erp\/push$/, async (route) => {
    const push = route.request().postDataJSON() as { commands?: unknown[] };
    if ((push.commands?.length ?? 0) > 0) return route.continue();
    const refusal: ServedAnswer = {
      ok: true,
      value: {
        status: 400,
        body: { error: { code: 'bad_request', message: 'an empty push is not accepted here' } },
        retryAfterSeconds: null,
      },
    };
    return route.fulfill({ json: refusal });
  });
}

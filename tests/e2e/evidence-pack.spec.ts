import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
import { PROTOCOL_VERSION } from '../../shared/erp/protocol';
import { extractPdfText } from '../fixtures/pdf-text';
import { createTicketInErp, pushToErp } from './support/erp';

// A disputed ticket's evidence pack from the ticket page: one click saves a PDF and a JSON; the
// JSON's SHA-256, computed here, is the one printed in the PDF, and the PDF's verdict is the page's.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The PDF's words for each status the page marks with `sla-status--<status>`. */
const PDF_STATUS = { met: 'срок соблюдён', breached: 'срок нарушен' } as const;

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

test('one click saves the PDF and the JSON; the hash and the verdict agree with the page', async ({
  page,
  request,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // P1 counts around the clock: 30 min to react (met, target 1 h); 9 h 30 min − a 1 h pause =
  // 8 h 30 min to resolve (breached, target 8 h).
  const start = Math.floor((Date.now() - 10 * HOUR) / MINUTE) * MINUTE;
  const at = (offset: number) => new Date(start + offset).toISOString();
  const title = `ДОКАЗАТЕЛЬСТВА-E2E ${randomUUID().slice(0, 8)}`;
  const ticket = await createTicketInErp(request, {
    organizationId: 'org-msk-stolitsa',
    priority: 1,
    createdAt: at(0),
    title,
  });
  const steps = [
    { type: 'react', payload: {}, at: at(30 * MINUTE) },
    { type: 'pause', payload: { reason: 'awaiting_user_info' }, at: at(2 * HOUR) },
    { type: 'resume', payload: {}, at: at(3 * HOUR) },
    { type: 'resolve', payload: { result: 'Индекс перестроен.' }, at: at(9.5 * HOUR) },
  ];
  const pushed = await pushToErp(request, {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: randomUUID(),
    commands: steps.map((step, index) => ({
      commandId: randomUUID(),
      seq: index + 1,
      type: step.type,
      ticketId: ticket.id,
      baseVersion: ticket.version + index,
      payload: step.payload,
      clientCreatedAt: step.at,
    })),
  });
  expect(pushed.results.map((result) => result.status)).toEqual(steps.map(() => 'applied'));

  await page.goto(`/#/ticket/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('ticket-state')).toHaveText('Решена', { timeout: 20_000 });

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Пакет доказательств' }).click();
  await expect(page.getByTestId('evidence-pack-saved')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => downloads.length).toBe(2);

  const byName = new Map(downloads.map((download) => [download.suggestedFilename(), download]));
  const base = `zayavka-${ticket.number}_dokazatelstva`;
  expect([...byName.keys()].sort()).toEqual([`${base}.json`, `${base}.pdf`]);
  const json = await bytesOf(byName.get(`${base}.json`)!);
  const pdf = await bytesOf(byName.get(`${base}.pdf`)!);

  const pack = JSON.parse(json.toString('utf8')) as {
    request: { number: number };
    clocks: Record<'reaction' | 'resolution', { verdict: { status: keyof typeof PDF_STATUS } }>;
    timeline: Array<{ sync: { status: string } }>;
  };
  expect(pack.request.number).toBe(ticket.number);
  // Every record went through the ERP, which stamped when it received it.
  expect(pack.timeline.every((entry) => entry.sync.status === 'synced')).toBe(true);

  const sha256 = createHash('sha256').update(json).digest('hex');
  const pages = await extractPdfText(new Uint8Array(pdf));
  const text = pages.map((p) => p.text.replace(/\u00a0/g, ' ')).join(' ');
  for (const [index, p] of pages.entries()) {
    expect(p.text).toContain(`SHA-256 JSON: ${sha256}`);
    expect(p.text.replace(/\u00a0/g, ' ')).toContain(`стр. ${index + 1} из ${pages.length}`);
  }
  expect(text).toContain(`Материалы по заявке № ${ticket.number}`);
  await expect(page.getByTestId('evidence-pack-saved')).toContainText(sha256);

  for (const [clock, label] of [
    ['reaction', 'Время реакции'],
    ['resolution', 'Время решения'],
  ] as const) {
    const status = pack.clocks[clock].verdict.status;
    await expect(page.getByTestId(`sla-${clock}`).locator('.sla-status')).toHaveClass(
      new RegExp(`sla-status--${status}\\b`),
    );
    expect(text).toContain(`${label} ${PDF_STATUS[status]}`);
  }
  expect(pack.clocks.reaction.verdict.status).toBe('met');
  expect(pack.clocks.resolution.verdict.status).toBe('breached');
  expect(errors).toEqual([]);
});

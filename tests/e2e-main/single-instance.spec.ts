import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StandInRecord } from '../fixtures/electron-stand-in/protocol';
import { expect, test } from './support/fixtures';
import { enterErpToken, queueRow, showAllOpen, trayNow, windowState } from './support/desktop';

// One app per user: a second launch hands over to the first. Quitting releases everything, and
// the queue survives the restart in the window's own database, with or without the ERP.

const isRecord =
  <K extends StandInRecord['kind'], O extends string>(kind: K, op: O) =>
  (record: StandInRecord): record is Extract<StandInRecord, { kind: K; op: O }> =>
    record.kind === kind && 'op' in record && record.op === op;

test('a second launch brings the hidden window back and quits; Quit in the tray ends the app, whose queue is still there offline after a restart', async ({
  erp,
  userData,
  launchMain,
  configureErpAddress,
}, testInfo) => {
  configureErpAddress(erp.url);
  const first = launchMain();
  const page = await first.windowPage();
  await enterErpToken(page, erp.token);
  const ticket = await erp.createTicket({
    organizationId: 'org-krr-enisey',
    priority: 2,
    createdAt: new Date().toISOString(),
    title: 'Не выгружается реестр за смену',
  });
  await first.command({ op: 'tray.menu', label: 'Синхронизировать сейчас' });
  await showAllOpen(page);
  await expect(queueRow(page, ticket.id)).toBeVisible();
  await first.command({ op: 'window.close', windowId: 1 });
  expect(await windowState(first)).toMatchObject({ visible: false, destroyed: false });

  // The second launch finds the lock taken: it tells the first and quits before it is ready.
  const second = launchMain({ args: ['--from-a-shortcut'] });
  expect(await second.exited).toEqual({ code: 0, signal: null });
  expect(second.records.filter(({ record }) => record.kind === 'chromium')).toEqual([]);
  const handedOver = await first.waitForRecord(
    'the second instance',
    isRecord('app', 'second-instance'),
  );
  expect(handedOver.argv).toContain('--from-a-shortcut');
  await expect
    .poll(() => windowState(first))
    .toEqual({ visible: true, focused: true, destroyed: false });

  // "Quit" in the tray: the window really closes, the tray icon goes, the lock is released.
  await first.command({ op: 'tray.menu', label: 'Выйти' });
  expect(await first.exited).toEqual({ code: 0, signal: null });
  const done = first.records.map(({ record }) => record);
  expect(done).toContainEqual({ kind: 'tray', op: 'destroy', trayId: 1 });
  expect(done).toContainEqual({ kind: 'window', op: 'closed', windowId: 1 });
  expect(existsSync(join(userData, 'SingletonLock'))).toBe(false);

  // On site without a network: the restarted app still has the queue, and says it is offline.
  await erp.close();
  const restarted = launchMain();
  const again = await restarted.windowPage();
  await again.setViewportSize({ width: 1366, height: 768 });
  await showAllOpen(again);
  await expect(queueRow(again, ticket.id)).toBeVisible();
  await expect(again.getByTestId('connection-state')).toHaveText('Нет сети');
  // The alerts keep watching it too: the window feeds main from its own database.
  await expect
    .poll(() => trayNow(restarted).tooltip)
    .toBe('PROконтакт: сроки в порядке · открыто: 1');
  await again.screenshot({ path: testInfo.outputPath('main-restarted-offline-ru.png') });
});

test('started at login it stays in the tray until "Открыть"', async ({
  erp,
  launchMain,
  configureErpAddress,
}) => {
  configureErpAddress(erp.url);
  const main = launchMain({ args: ['--hidden'] });
  await main.windowPage();
  await main.waitForRecord('the window to be ready', isRecord('window', 'ready-to-show'));
  expect(await windowState(main)).toEqual({ visible: false, focused: false, destroyed: false });
  await main.command({ op: 'tray.menu', label: 'Открыть' });
  await expect
    .poll(() => windowState(main))
    .toEqual({ visible: true, focused: true, destroyed: false });
});

// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Organization } from '@shared/domain/ticket';
import { RunningWindowsLine } from '../../../../renderer/features/maintenance/RunningWindowsNotice';
import { TicketWindowNotices } from '../../../../renderer/features/maintenance/TicketWindowBanner';
import type { WindowView } from '../../../../renderer/features/maintenance/window-groups';
import { initI18n } from '../../../../renderer/lib/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const romashka: Organization = {
  id: 'org-romashka',
  name: 'ООО «Ромашка»',
  timeZone: 'Asia/Yekaterinburg',
  calendar: 'RU',
  accounts: [],
  contactEmails: [],
  version: 1,
};
const record = { author: 'Петров', authorId: 'u1', commandId: 'c1', at: '2027-01-11T10:00:00Z' };
// Yekaterinburg is UTC+5: 2027-01-11T14:00Z–2027-01-12T01:00Z is 19:00 to 06:00 the next day.
const night: WindowView = {
  id: 'w1',
  organizationId: romashka.id,
  startsAt: '2027-01-11T14:00:00Z',
  endsAt: '2027-01-12T01:00:00Z',
  unavailable: 'Запись разговоров',
  mode: 'autonomous',
  planned: record,
  override: null,
  cancelled: null,
  version: 1,
  pending: false,
};

let container: HTMLElement;
let root: Root;
beforeAll(async () => {
  await initI18n();
});
beforeEach(async () => {
  await i18next.changeLanguage('ru');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const shown = () => container.textContent ?? '';

describe('the queue header while a window runs', () => {
  it('names the organization, the end on its clock and the mode', () => {
    // 2027-01-11T20:00Z is 01:00 on 12.01 in Yekaterinburg: the end (06:00) is today there.
    const at = Date.parse('2027-01-11T20:00:00Z');
    act(() =>
      root.render(<RunningWindowsLine windows={[night]} organizations={[romashka]} nowMs={at} />),
    );
    expect(shown()).toBe('Идут техработы: ООО «Ромашка» до 06:00 UTC+5 (автономный режим)');
  });

  it('says nothing before the start, after the end, or for a cancelled or refused window', () => {
    const render = (windows: WindowView[], iso: string) =>
      act(() =>
        root.render(
          <RunningWindowsLine
            windows={windows}
            organizations={[romashka]}
            nowMs={Date.parse(iso)}
          />,
        ),
      );
    render([night], '2027-01-11T13:59:00Z');
    expect(shown()).toBe('');
    render([night], '2027-01-12T01:00:00Z');
    expect(shown()).toBe('');
    render([{ ...night, cancelled: record }], '2027-01-11T20:00:00Z');
    expect(shown()).toBe('');
    render(
      [{ ...night, refusal: { code: 'window_overlaps', message: '…' } }],
      '2027-01-11T20:00:00Z',
    );
    expect(shown()).toBe('');
  });
});

describe('the ticket page of the organization', () => {
  it('while it runs: what is unavailable and until when, on the customer’s clock', () => {
    // 2027-01-11T15:00Z is 20:00 on 11.01 in Yekaterinburg; the end is the next day's 06:00.
    const at = Date.parse('2027-01-11T15:00:00Z');
    act(() =>
      root.render(<TicketWindowNotices windows={[night]} organization={romashka} nowMs={at} />),
    );
    expect(shown()).toBe(
      'У заказчика идут технические работы до 12.01.2027 06:00 по его времени (UTC+5), автономный режим. Недоступно: Запись разговоров',
    );
  });

  it('a window within 24 hours is announced, one further away is not', () => {
    // 20 hours before the start, then 25 hours before it.
    const render = (iso: string) =>
      act(() =>
        root.render(
          <TicketWindowNotices windows={[night]} organization={romashka} nowMs={Date.parse(iso)} />,
        ),
      );
    render('2027-01-10T18:00:00Z');
    expect(shown()).toBe(
      'Запланированы технические работы: с 11.01.2027 19:00 до 12.01.2027 06:00 (UTC+5), автономный режим. Будет недоступно: Запись разговоров',
    );
    render('2027-01-10T13:00:00Z');
    expect(shown()).toBe('');
  });
});

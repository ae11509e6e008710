import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertNotice } from '../../../../shared/alerts/schemas';
import {
  clearNotices,
  dismissToast,
  getRecentAlerts,
  markAllRead,
  recordNotice,
} from '../../../../renderer/features/alerts/recent-alerts';

const notice = (id: string, overrides: Partial<AlertNotice> = {}): AlertNotice => ({
  id,
  kind: 'ticket',
  ticketId: `T-${id}`,
  tag: `alert:T-${id}:reaction`,
  clock: 'reaction',
  level: 0.75,
  severity: 'warning',
  title: `№${id}`,
  body: 'Организация\nОсталось 15 минут.',
  shownAt: '2026-11-25T09:45:00.000Z',
  ...overrides,
});

describe('recent alerts in the window', () => {
  beforeEach(() => clearNotices());

  it('pops up ticket notices, keeps summaries in the list only, and counts both as new', () => {
    recordNotice(notice('1'));
    recordNotice(notice('s', { kind: 'summary', ticketId: null, tag: 'alerts-summary' }));
    expect(getRecentAlerts().toasts).toEqual(['1']);
    expect(getRecentAlerts().notices.map((n) => n.id)).toEqual(['s', '1']);
    expect(getRecentAlerts().unread).toBe(2);
    markAllRead();
    expect(getRecentAlerts().unread).toBe(0);
  });

  it('replaces an older notice of the same ticket clock and shows at most three toasts', () => {
    recordNotice(notice('1'));
    recordNotice(notice('1b', { tag: 'alert:T-1:reaction', level: 0.9 }));
    expect(getRecentAlerts().notices.map((n) => n.id)).toEqual(['1b']);
    expect(getRecentAlerts().toasts).toEqual(['1b']);
    for (const id of ['2', '3', '4']) recordNotice(notice(id));
    expect(getRecentAlerts().toasts).toEqual(['4', '3', '2']);
    dismissToast('3');
    expect(getRecentAlerts().toasts).toEqual(['4', '2']);
  });
});

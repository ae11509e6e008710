import { describe, expect, it } from 'vitest';
import {
  groupWindows,
  runningWindows,
  windowsForTicket,
  type WindowView,
} from '../../../../renderer/features/maintenance/window-groups';

const record = { author: 'Петров', authorId: 'u1', commandId: 'c1', at: '2027-01-01T00:00:00Z' };
const win = (
  id: string,
  startsAt: string,
  endsAt: string,
  patch: Partial<WindowView> = {},
): WindowView => ({
  id,
  organizationId: 'msk',
  startsAt,
  endsAt,
  unavailable: 'Отчёты',
  mode: 'normal',
  planned: record,
  override: null,
  cancelled: null,
  version: 1,
  pending: false,
  ...patch,
});
const now = Date.parse('2027-01-12T20:00:00Z');
const running = win('running', '2027-01-12T19:00:00Z', '2027-01-12T23:00:00Z');
const soon = win('soon', '2027-01-13T16:00:00Z', '2027-01-13T20:00:00Z');
const later = win('later', '2027-01-20T16:00:00Z', '2027-01-20T20:00:00Z');
const past = win('past', '2027-01-05T16:00:00Z', '2027-01-05T20:00:00Z');
const cancelled = win('cancelled', '2027-01-12T19:30:00Z', '2027-01-12T21:00:00Z', {
  cancelled: record,
});
const refused = win('refused', '2027-01-12T19:00:00Z', '2027-01-12T22:00:00Z', {
  version: 0,
  refusal: { code: 'window_overlaps', message: 'overlaps' },
});

describe('window groups', () => {
  it('running, upcoming soonest first, past and cancelled latest first', () => {
    const groups = groupWindows([later, past, cancelled, soon, running], now);
    expect(groups.running.map((w) => w.id)).toEqual(['running']);
    expect(groups.upcoming.map((w) => w.id)).toEqual(['soon', 'later']);
    expect(groups.past.map((w) => w.id)).toEqual(['cancelled', 'past']);
  });

  it('the end instant is no longer running (half-open interval)', () => {
    expect(groupWindows([running], Date.parse(running.endsAt)).past).toHaveLength(1);
  });

  it('a ticket page shows what runs and what starts within 24 hours, never a refused one', () => {
    const shown = windowsForTicket([later, soon, running, refused, cancelled], now);
    expect(shown.running.map((w) => w.id)).toEqual(['running']);
    // soon starts 20 h from now, later in 8 days.
    expect(shown.soon.map((w) => w.id)).toEqual(['soon']);
    expect(runningWindows([refused, cancelled, running], now).map((w) => w.id)).toEqual([
      'running',
    ]);
  });
});

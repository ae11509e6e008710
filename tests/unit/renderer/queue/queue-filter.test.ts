import { describe, expect, it } from 'vitest';
import {
  countStatuses,
  countViews,
  filterEntries,
  hasFilters,
  inView,
  NO_FILTERS,
  type QueueView,
} from '../../../../renderer/features/queue/queue-filter';
import { compareUrgency, toQueueEntry } from '@shared/queue/queue-entry';
import { KAMCHATKA, MOSCOW, makeTicket } from './queue-fixtures';

// Thu 2025-11-27, Moscow: a working day. P2 reaction 4 working hours.
const NOW = Date.parse('2025-11-27T09:00:00Z'); // 12:00 MSK
const build = () => {
  const fresh = makeTicket(2, '2025-11-27T08:30:00Z', [], {
    title: 'Не печатается отчёт',
    assignee: 'belova',
  });
  // Created 09:00 MSK: 3 of 4 hours counted at 12:00 → near its deadline.
  const near = makeTicket(2, '2025-11-27T06:00:00Z', [], { title: 'Ошибка обмена' });
  // Wed 26 Nov 09:00 MSK: 4 h ran out at 13:00 MSK on Wednesday → breached.
  const late = makeTicket(2, '2025-11-26T06:00:00Z', [], {
    title: 'Нет доступа',
    organizationId: KAMCHATKA.id,
  });
  const paused = makeTicket(
    3,
    '2025-11-26T06:00:00Z',
    [
      { type: 'reacted', at: '2025-11-26T07:00:00Z' },
      { type: 'paused', at: '2025-11-26T08:00:00Z', reason: 'equipment_delivery' },
    ],
    { assignee: 'andreev' },
  );
  const orgs = new Map([
    [MOSCOW.id, MOSCOW],
    [KAMCHATKA.id, KAMCHATKA],
  ]);
  const entries = [fresh, near, late, paused]
    .map((t) => toQueueEntry(t, orgs.get(t.organizationId), 0, 0))
    .sort(compareUrgency);
  return { entries, fresh, near, late, paused };
};

describe('filterEntries', () => {
  const { entries, fresh, near, late, paused } = build();
  const ids = (filters: Partial<typeof NO_FILTERS>) =>
    filterEntries(entries, { ...NO_FILTERS, view: 'open', ...filters }, NOW).map((e) => e.id);

  it('keeps urgency order with no filters', () => {
    expect(ids({})).toEqual([late.id, near.id, fresh.id, paused.id]);
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it.each([
    ['breached', { status: 'breached' as const }, () => [late.id]],
    ['near deadline', { status: 'near' as const }, () => [near.id]],
    ['paused', { status: 'paused' as const }, () => [paused.id]],
    ['P3 only', { priorities: [3 as const] }, () => [paused.id]],
    ['one organization', { organizationId: KAMCHATKA.id }, () => [late.id]],
    ['an assignee', { assignee: 'belova' }, () => [fresh.id]],
    ['nobody assigned', { assignee: '' }, () => [late.id, near.id]],
    ['search by words in any field, any case', { search: 'КАМЧАТКА доступа' }, () => [late.id]],
    ['search by number with №', { search: `№${fresh.number}` }, () => [fresh.id]],
    ['a search nothing matches', { search: 'принтер' }, () => []],
  ])('%s', (_name, filters, expected) => {
    expect(ids(filters)).toEqual(expected());
    expect(hasFilters({ ...NO_FILTERS, view: 'open', ...filters })).toBe(true);
  });

  it('counts statuses for the filter buttons', () => {
    expect(countStatuses(entries, NOW)).toEqual({ total: 4, breached: 1, near: 1, paused: 1 });
  });

  it('applies the assignee filter in the view of every open ticket only', () => {
    expect(ids({ view: 'mine', assignee: 'belova' })).toEqual([
      late.id,
      near.id,
      fresh.id,
      paused.id,
    ]);
    expect(hasFilters({ ...NO_FILTERS, view: 'mine', assignee: 'belova' })).toBe(false);
  });
});

describe('queue views', () => {
  const { entries, fresh, near, late, paused } = build();
  // Signed in as Андреев: his id, and this device's own optimistic id before the ERP said so.
  const isMine = (id: string | null) => id === 'andreev' || id === '@me';
  const inThe = (view: QueueView) =>
    entries.filter((entry) => inView(entry, view, isMine)).map((e) => e.id);

  it.each([
    ['mine', () => [paused.id]],
    ['unassigned', () => [late.id, near.id]],
    ['open', () => [late.id, near.id, fresh.id, paused.id]],
  ] as const)('«%s» holds its tickets in urgency order', (view, expected) => {
    expect(inThe(view)).toEqual(expected());
  });

  it('counts each view for its tab; a colleague’s ticket is in none but «all open»', () => {
    expect(countViews(entries, isMine, 3)).toEqual({
      mine: 1,
      unassigned: 2,
      open: 4,
      resolved: 3,
      all: 7,
    });
  });

  it('opens on «mine», and keeps the view out of "clear the filters"', () => {
    expect(NO_FILTERS.view).toBe('mine');
    expect(hasFilters({ ...NO_FILTERS, view: 'unassigned' })).toBe(false);
  });
});

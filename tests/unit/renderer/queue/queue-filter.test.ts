import fc from 'fast-check';
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
import {
  compareUrgency,
  searchTextOf,
  toQueueEntry,
  type QueueEntry,
} from '@shared/queue/queue-entry';
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

describe('an exact ticket number', () => {
  // Thu 2025-11-27 12:00 MSK, as above; numbers chosen so a search for 5 also matches others.
  const orgs = new Map([[MOSCOW.id, MOSCOW]]);
  const lineOf = (number: number, createdAt: string, title: string) =>
    toQueueEntry(makeTicket(2, createdAt, [], { number, title }), orgs.get(MOSCOW.id), 0, 0);
  // Created earlier breaches earlier: urgency order is №50, №15, №105, №5, №7.
  const entries = [
    lineOf(50, '2025-11-24T06:00:00Z', 'Сбой обмена'),
    lineOf(15, '2025-11-25T06:00:00Z', 'Не печатается акт'),
    lineOf(105, '2025-11-26T06:00:00Z', 'Отчёт 5 не формируется'),
    lineOf(5, '2025-11-27T06:00:00Z', 'Не открывается журнал'),
    lineOf(7, '2025-11-27T07:00:00Z', 'Ошибка 5xx при входе'),
  ].sort(compareUrgency);
  const numbers = (search: string) =>
    filterEntries(entries, { ...NO_FILTERS, view: 'open', search }, NOW).map((e) => e.number);

  it('keeps urgency order without a search', () => {
    expect(numbers('')).toEqual([50, 15, 105, 5, 7]);
  });

  it.each([
    ['5', [5, 50, 15, 105, 7]],
    ['№5', [5, 50, 15, 105, 7]],
    ['#105', [105]],
    ['15', [15]],
    ['7', [7]],
    // A word with letters is not a number: the order stays the urgency order.
    ['5xx', [7]],
  ])('"%s" puts the ticket with that number first, the rest in urgency order', (search, order) => {
    expect(numbers(search)).toEqual(order);
  });

  it('ranks first in the resolved view too, whose own order is newest resolution first', () => {
    const resolvedView = filterEntries(
      entries,
      { ...NO_FILTERS, view: 'resolved', search: '5' },
      NOW,
    );
    expect(resolvedView.map((e) => e.number)).toEqual([5, 50, 15, 105, 7]);
  });

  it('property: the result is the filtered list with exact numbers moved to the front, each part in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (order, wanted) => {
          const lines = order.map((number, index) => ({
            ...entries[0]!,
            id: `t-${index}`,
            number,
            // Nothing but the number to match: title, organization and account empty.
            title: '',
            organizationName: '',
            account: '',
          }));
          const result = filterEntries(
            lines,
            { ...NO_FILTERS, view: 'open', search: String(wanted) },
            NOW,
          );
          const matching = lines.filter((line) => searchTextOf(line).includes(String(wanted)));
          const exact = matching.filter((line) => line.number === wanted);
          const rest = matching.filter((line) => line.number !== wanted);
          expect(result.map((line) => line.id)).toEqual([...exact, ...rest].map((l) => l.id));
        },
      ),
    );
  });
});

describe('the resolved and all views', () => {
  const { entries, late } = build();
  const resolvedLine = (
    number: number,
    resolvedAt: string,
  ): QueueEntry & { resolvedAt: number } => ({
    ...entries[0]!,
    id: `r-${number}`,
    number,
    state: 'resolved',
    resolvedAt: Date.parse(resolvedAt),
  });
  // Resolved 20 and 26 November 2025, 12:00 UTC.
  const older = resolvedLine(620, '2025-11-20T12:00:00Z');
  const newer = resolvedLine(626, '2025-11-26T12:00:00Z');
  // The last 7 days at Thu 2025-11-27 in Moscow: from Fri 21 Nov 00:00 MSK (20 Nov 21:00Z).
  const lastWeek = { fromMs: Date.parse('2025-11-20T21:00:00Z'), toMs: Infinity };

  it('applies the period to resolved tickets, keeping every open one in «all»', () => {
    const all = [...entries, newer, older];
    const listed = filterEntries(all, { ...NO_FILTERS, view: 'all' }, NOW, lastWeek);
    expect(listed.map((e) => e.id)).toEqual([...entries.map((e) => e.id), newer.id]);
  });

  it('a deadline status speaks of open tickets: with one chosen, «all» lists none resolved', () => {
    const all = [...entries, newer, older];
    const listed = filterEntries(all, { ...NO_FILTERS, view: 'all', status: 'breached' }, NOW);
    expect(listed.map((e) => e.id)).toEqual([late.id]);
  });

  it('ignores a deadline status left over from another view in «resolved»', () => {
    const listed = filterEntries(
      [newer, older],
      { ...NO_FILTERS, view: 'resolved', status: 'breached' },
      NOW,
    );
    expect(listed.map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(hasFilters({ ...NO_FILTERS, view: 'resolved', status: 'breached' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, view: 'resolved', period: { kind: 'last', days: 7 } })).toBe(
      true,
    );
  });

  it('narrows to one assignee in «resolved» and «all», not in «mine»', () => {
    const mine = { ...newer, assignee: 'andreev' };
    const listed = filterEntries(
      [mine, older],
      { ...NO_FILTERS, view: 'resolved', assignee: 'andreev' },
      NOW,
    );
    expect(listed.map((e) => e.id)).toEqual([mine.id]);
  });
});

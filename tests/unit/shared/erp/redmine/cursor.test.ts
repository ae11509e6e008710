import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  consumePage,
  decodeCursor,
  encodeCursor,
  INITIAL_CURSOR,
  listQuery,
  PAGE_LIMIT,
  rememberedFingerprint,
  SETTLE_SECONDS,
  type RedmineCursor,
} from '../../../../../shared/erp/redmine/cursor';
import { SimulatedIssueList } from './simulated-issue-list';

// Between pulls, Redmine users do things: create, update (often many in one second, stamped up
// to 3 s before they commit), delete; and time passes, sometimes by less than a second.
const action = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), lagMs: fc.integer({ min: 0, max: 3_000 }) }),
  fc.record({
    kind: fc.constant('update' as const),
    pick: fc.nat(),
    lagMs: fc.integer({ min: 0, max: 3_000 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 1_500 }) }),
  fc.record({ kind: fc.constant('page' as const) }),
);

/** Delivered revisions per issue: the pull's view of the list. */
type Delivered = Map<number, number[]>;

function pullPage(list: SimulatedIssueList, cursor: RedmineCursor, delivered: Delivered) {
  // The cursor travels encoded between pages, as it does between pulls.
  const decoded = decodeCursor(encodeCursor(cursor));
  if (!decoded.ok) throw new Error(decoded.reason);
  const page = list.list(listQuery(decoded.cursor));
  const outcome = consumePage(decoded.cursor, page, new Date(list.nowMs).toISOString());
  for (const item of outcome.deliver) {
    const rev = Number(item.fingerprint.split('@')[1]);
    delivered.set(item.id, [...(delivered.get(item.id) ?? []), rev]);
  }
  return outcome;
}

describe('Redmine list cursor', () => {
  it('never delivers a revision twice and ends with every issue at its latest revision', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 400 }),
        fc.integer({ min: 0, max: 250 }),
        (actions, initial) => {
          const list = new SimulatedIssueList(Date.parse('2026-12-07T10:00:00.000Z'));
          for (let i = 0; i < initial; i++) list.create();
          let cursor = INITIAL_CURSOR;
          const delivered: Delivered = new Map();
          for (const step of actions) {
            const ids = list.ids();
            if (step.kind === 'create') list.create(step.lagMs);
            else if (step.kind === 'update' && ids.length)
              list.update(ids[step.pick % ids.length]!, step.lagMs);
            else if (step.kind === 'remove' && ids.length)
              list.remove(ids[step.pick % ids.length]!);
            else if (step.kind === 'tick') list.nowMs += step.ms;
            else if (step.kind === 'page') cursor = pullPage(list, cursor, delivered).next;
          }
          // Then the users stop and the last commits settle. The pull under way finishes, and the
          // next one (which starts after every update committed) must see them all.
          list.nowMs += (SETTLE_SECONDS + 5) * 1000;
          for (let pull = 0; pull < 2; pull++) {
            for (let pages = 0; ; pages++) {
              const outcome = pullPage(list, cursor, delivered);
              cursor = outcome.next;
              if (!outcome.hasMore) break;
              if (pages > 10_000) throw new Error('the pull never ends');
            }
          }
          for (const [id, revs] of delivered) {
            // Strictly increasing: no revision repeated, none delivered after a newer one.
            for (let i = 1; i < revs.length; i++) expect(revs[i]).toBeGreaterThan(revs[i - 1]!);
            const current = list.revOf(id);
            if (current !== undefined) expect(revs[revs.length - 1]).toBe(current);
          }
          for (const id of list.ids()) expect(delivered.has(id)).toBe(true);
          // A quiet Redmine: one more pull delivers nothing.
          const again = pullPage(list, cursor, delivered);
          expect(again.deliver).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pages through more than a page of issues updated in the same second', () => {
    const list = new SimulatedIssueList(Date.parse('2026-12-07T10:00:00.000Z'));
    for (let i = 0; i < PAGE_LIMIT * 2 + 17; i++) list.create();
    list.nowMs += 60_000;
    const delivered: Delivered = new Map();
    let cursor = INITIAL_CURSOR;
    let pages = 0;
    for (;;) {
      const outcome = pullPage(list, cursor, delivered);
      cursor = outcome.next;
      pages++;
      if (!outcome.hasMore) break;
    }
    expect(delivered.size).toBe(PAGE_LIMIT * 2 + 17);
    expect(pages).toBe(3);
  });

  it('remembers what it delivered while the issue may be listed again', () => {
    const page = [
      { id: 7, updatedOn: '2026-12-07T10:00:25Z', fingerprint: '2026-12-07T10:00:25Z#3' },
    ];
    const { next } = consumePage(INITIAL_CURSOR, page, '2026-12-07T10:00:30Z');
    expect(rememberedFingerprint(next, 7)).toBe('2026-12-07T10:00:25Z#3');
    expect(rememberedFingerprint(next, 8)).toBeNull();
  });

  it('lists everything from the start, then only from the settled second on', () => {
    expect(listQuery(INITIAL_CURSOR)).toEqual({
      status_id: '*',
      sort: 'updated_on,id',
      limit: '100',
      offset: '0',
    });
    // 10:00:30 minus the 10 s Redmine may still be committing: 10:00:20.
    const { next } = consumePage(INITIAL_CURSOR, [], '2026-12-07T10:00:30Z');
    expect(listQuery(next)['updated_on']).toBe('>=2026-12-07T10:00:20Z');
  });

  it.each([
    ['', true, null],
    ['abc', false, 'the cursor was not issued by the Redmine back end'],
    ['rm1.%E0%A4%A', false, 'the cursor is damaged (not escaped JSON)'],
    [
      encodeCursor({ ...INITIAL_CURSOR, o: -1 }),
      false,
      "the cursor's o Too small: expected number to be >=0",
    ],
    [
      encodeCursor({ ...INITIAL_CURSOR, s: '2026-12-07 10:00' }),
      false,
      "the cursor's s must be a UTC instant to the second",
    ],
  ])('decodes %j: ok %s', (text, ok, reason) => {
    const decoded = decodeCursor(text);
    expect(decoded.ok).toBe(ok);
    if (!decoded.ok) expect(decoded.reason).toBe(reason);
  });
});

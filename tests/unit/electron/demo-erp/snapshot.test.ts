import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Ticket } from '@shared/domain';
import type { Change, ChangesResponse } from '@shared/erp';
import type { DemoErp } from '../../../../electron/demo-erp/index';
import { changes, Device, pullAll, referenceOnly, startTestErp } from './erp-test-kit';

// Contract 2's initial snapshot, black-box over HTTP: a pull without a cursor sends organizations
// and the team, then open and paused tickets, then the rest; each entity once; resumable by
// cursor; and whatever changes while it is paged comes after it.
let erp: DemoErp;
let stopServer: () => Promise<void>;
let device: Device;
const versions = new Map<string, number>();

async function act(type: 'resolve' | 'pause' | 'comment', id: string): Promise<Ticket> {
  const payload =
    type === 'resolve'
      ? { result: 'Исправлено' }
      : type === 'pause'
        ? { reason: 'awaiting_user_info' }
        : { text: 'Проверяю' };
  const result = await device.one({ type, ticketId: id, payload, baseVersion: versions.get(id) });
  if (result.status !== 'applied') throw new Error(`${type}: ${JSON.stringify(result)}`);
  versions.set(id, result.ticket!.version);
  return result.ticket!;
}

async function create(): Promise<Ticket> {
  const ticket = await device.create();
  versions.set(ticket.id, ticket.version);
  return ticket;
}

const stateOf = (change: Change) =>
  change.deleted ? 'deleted' : (change.data as Ticket | null)?.state;
const isOpen = (change: Change) => stateOf(change) === 'open' || stateOf(change) === 'paused';

/** Pages through from no cursor, `limit` at a time; `between` runs after each page. */
async function pagedPull(
  limit: number,
  between: (page: ChangesResponse, index: number) => Promise<void> = async () => {},
) {
  const pages: ChangesResponse[] = [];
  let cursor: string | undefined;
  for (;;) {
    const answer = await changes(erp.url, { ...(cursor ? { cursor } : {}), limit });
    expect(answer.status).toBe(200);
    const page = answer.body as ChangesResponse;
    pages.push(page);
    cursor = page.nextCursor;
    if (!page.hasMore) return pages;
    await between(page, pages.length - 1);
  }
}

/** What a client holds after applying pages in order: the highest version of each entity. */
function held(all: readonly Change[]): Map<string, Change> {
  const map = new Map<string, Change>();
  for (const change of all) {
    const key = `${change.entity}:${change.id}`;
    const known = map.get(key);
    if (!known || change.version > known.version) map.set(key, change);
  }
  return map;
}

/** The server's state now: a fresh full pull, one entry per entity. */
async function serverState(): Promise<Map<string, Change>> {
  return held((await pullAll(erp.url)).changes);
}

beforeAll(async () => {
  const started = await startTestErp();
  erp = started.erp;
  stopServer = started.stop;
  device = new Device(erp.url);
  // Resolved and paused tickets interleaved with open ones, so open-first is a reordering.
  for (let n = 0; n < 24; n++) {
    const ticket = await create();
    if (n % 3 === 0) await act('resolve', ticket.id);
    else if (n % 5 === 1) await act('pause', ticket.id);
  }
}, 60_000);
afterAll(() => stopServer());

describe('the initial snapshot', () => {
  referenceOnly(
    'sends the team and organizations, then open and paused tickets, then the rest, each once',
    async () => {
      const pages = await pagedPull(7);
      const all = pages.flatMap((page) => page.changes);
      const keys = all.map((change) => `${change.entity}:${change.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      const firstTicket = all.findIndex((change) => change.entity === 'ticket');
      expect(all.slice(firstTicket).every((change) => change.entity === 'ticket')).toBe(true);
      const tickets = all.slice(firstTicket);
      const lastOpen = tickets.findLastIndex(isOpen);
      const firstOther = tickets.findIndex((change) => !isOpen(change));
      expect(lastOpen).toBeLessThan(firstOther);
      expect(tickets.filter(isOpen)).toHaveLength(16); // 24 − 8 resolved (n % 3 === 0)
      // Every page says how far the snapshot is; the last one that all of it was sent.
      const sent = pages.map((page) => page.snapshot?.sent);
      expect(sent).toEqual([...sent].sort((a, b) => a! - b!));
      expect(pages.at(-1)!.snapshot).toEqual({ sent: all.length, total: all.length });
    },
  );

  referenceOnly('a cursor taken mid-snapshot gives the same page again', async () => {
    const first = (await changes(erp.url, { limit: 10 })).body as ChangesResponse;
    const again = await changes(erp.url, { cursor: first.nextCursor, limit: 10 });
    const once = await changes(erp.url, { cursor: first.nextCursor, limit: 10 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(once.body);
    const ids = (again.body as ChangesResponse).changes.map((change) => change.id);
    expect(ids.some((id) => first.changes.some((change) => change.id === id))).toBe(false);
  });

  referenceOnly(
    'misses nothing that changes while it is paged: resolved, paused, created, commented',
    async () => {
      const opened: Ticket[] = [];
      const seen: Change[] = [];
      const pages = await pagedPull(5, async (page, index) => {
        seen.push(...page.changes);
        if (index === 1) {
          // Not yet sent: an open ticket resolved, and one created.
          const unsent = [...versions.keys()].filter((id) => !seen.some((c) => c.id === id));
          await act('resolve', unsent.at(-1)!);
          opened.push(await create());
        }
        if (index === 3) {
          // Already sent: commented; the ticket created meanwhile paused.
          await act('comment', seen.find((change) => change.entity === 'ticket')!.id);
          await act('pause', opened[0]!.id);
        }
      });
      expect(held(pages.flatMap((page) => page.changes))).toEqual(await serverState());
      // The new ticket came after the snapshot, with its latest version.
      const after = pages.filter((page) => page.snapshot === undefined).flatMap((p) => p.changes);
      expect(after.map((change) => change.id)).toContain(opened[0]!.id);
    },
  );
});

describe('any interleaving of snapshot pages and changes', () => {
  referenceOnly(
    'ends with the client holding exactly the server state',
    async () => {
      const step = fc.oneof(
        fc.constant({ kind: 'page' as const }),
        fc.constant({ kind: 'create' as const }),
        fc.record({
          kind: fc.constantFrom('resolve' as const, 'pause' as const, 'comment' as const),
          pick: fc.nat(),
        }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength: 25 }),
          fc.integer({ min: 1, max: 9 }),
          async (steps, limit) => {
            const received: Change[] = [];
            let cursor: string | undefined;
            let done = false;
            const page = async () => {
              const answer = await changes(erp.url, { ...(cursor ? { cursor } : {}), limit });
              expect(answer.status).toBe(200);
              const body = answer.body as ChangesResponse;
              received.push(...body.changes);
              cursor = body.nextCursor;
              done = !body.hasMore;
            };
            for (const s of steps) {
              if (s.kind === 'page') await page();
              else if (s.kind === 'create') await create();
              else {
                const ids = [...versions.keys()];
                const id = ids[s.pick % ids.length]!;
                // A resolved ticket takes only comments: the other actions would be refused.
                const last = (await serverState()).get(`ticket:${id}`);
                const kind = stateOf(last!) === 'resolved' ? 'comment' : s.kind;
                if (kind === 'pause' && stateOf(last!) === 'paused') await act('comment', id);
                else await act(kind, id);
              }
            }
            while (!done || cursor === undefined) await page();
            expect(held(received)).toEqual(await serverState());
          },
        ),
        { numRuns: 12 },
      );
    },
    240_000,
  );
});

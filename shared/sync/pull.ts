import type { SyncStore, SyncTransport, TransportFailure } from './ports';

export interface PullEnv {
  transport: SyncTransport;
  store: SyncStore;
  cursor: string | null;
  previousCursors: string[];
  pageSize: number;
}

export type PullOutcome = { ok: true; pages: number } | { ok: false; failure: TransportFailure };

/** A server whose `hasMore` never ends must not keep one run going forever. */
const MAX_PAGES_PER_RUN = 100_000;

/**
 * Pulls until caught up. Each page is stored with its cursor in one transaction, so a crash
 * mid-way resumes from the last stored page. A 410 restarts from nothing, once per run.
 *
 * The next page is requested while the current one is being stored, so the ERP's and the
 * network's time overlaps the database's; at most two pages are held at once. A prefetched answer
 * is used only for the cursor it was asked with, and dropped if storing fails.
 */
export async function pullChanges(env: PullEnv): Promise<PullOutcome> {
  let { cursor } = env;
  const previous = new Set(env.previousCursors);
  let resynced = false;
  let prefetched: { cursor: string; answer: ReturnType<SyncTransport['pullChanges']> } | null =
    null;
  const request = (from: string | null) =>
    prefetched !== null && prefetched.cursor === from
      ? prefetched.answer
      : env.transport.pullChanges(from, env.pageSize);
  for (let pages = 0; pages < MAX_PAGES_PER_RUN;) {
    const result = await request(cursor);
    prefetched = null;
    if (!result.ok) {
      if (result.failure.kind === 'cursor_expired' && !resynced) {
        resynced = true;
        await env.store.beginFullResync();
        cursor = null;
        previous.clear();
        continue;
      }
      return { ok: false, failure: result.failure };
    }
    const page = result.value;
    // "More to come" from the very cursor we sent would have us ask the same question forever:
    // a broken server, refused at once rather than hammered with requests.
    if (page.hasMore && page.nextCursor === cursor) {
      return {
        ok: false,
        failure: {
          kind: 'malformed',
          message: 'the ERP said more changes follow but did not advance the cursor',
        },
      };
    }
    // The cursor is opaque, but one we already moved past must never come back: a page that
    // points to it is an old answer (a replaying proxy or cache) or a server going round in
    // circles, and storing it would move the cursor backwards.
    if (page.nextCursor !== cursor && previous.has(page.nextCursor)) {
      return {
        ok: false,
        failure: { kind: 'malformed', message: 'a stale page of changes was received again' },
      };
    }
    if (page.hasMore) {
      const answer = env.transport.pullChanges(page.nextCursor, env.pageSize);
      // Nobody may await it (storing fails, the run ends): a rejection must not go unhandled.
      answer.catch(() => undefined);
      prefetched = { cursor: page.nextCursor, answer };
    }
    await env.store.applyPage(page);
    pages++;
    if (cursor !== null && page.nextCursor !== cursor) previous.add(cursor);
    cursor = page.nextCursor;
    if (!page.hasMore) return { ok: true, pages };
  }
  return { ok: false, failure: { kind: 'malformed', message: 'the ERP never finished a pull' } };
}

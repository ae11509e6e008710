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
 */
export async function pullChanges(env: PullEnv): Promise<PullOutcome> {
  let { cursor } = env;
  const previous = new Set(env.previousCursors);
  let resynced = false;
  for (let pages = 0; pages < MAX_PAGES_PER_RUN;) {
    const result = await env.transport.pullChanges(cursor, env.pageSize);
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
    // The cursor is opaque, but one we already moved past must never come back: a page that
    // points to it is an old answer (a replaying proxy or cache), and storing it would move the
    // cursor backwards.
    if (page.nextCursor !== cursor && previous.has(page.nextCursor)) {
      return {
        ok: false,
        failure: { kind: 'malformed', message: 'a stale page of changes was received again' },
      };
    }
    await env.store.applyPage(page);
    pages++;
    if (cursor !== null && page.nextCursor !== cursor) previous.add(cursor);
    cursor = page.nextCursor;
    if (!page.hasMore) return { ok: true, pages };
  }
  return { ok: false, failure: { kind: 'malformed', message: 'the ERP never finished a pull' } };
}

import type { Sql } from '../../../electron/demo-erp/store/sql';
import type { LoadResult } from './load-run';

export interface StoreCheck {
  /** Acknowledged commands the database does not hold (as a command, or as a comment on its ticket). */
  lost: number;
  /** Commands whose effect the database holds more than once (a comment or an event twice). */
  duplicates: number;
}

/** Counts, in the database after the run, what the load generator was told was applied. */
export async function verifyStore(sql: Sql, run: LoadResult): Promise<StoreCheck> {
  const stored = await sql.query<{ command_id: string }>(
    `select command_id from commands where status = 'applied'`,
  );
  const storedIds = new Set(stored.rows.map((row) => row.command_id.toLowerCase()));
  let lost = 0;
  for (const id of run.acknowledged) if (!storedIds.has(id)) lost++;
  const tickets = await sql.query<{ id: string; comment_ids: string[]; event_ids: string[] }>(
    `select id,
       coalesce((select array_agg(c->>'commandId') from jsonb_array_elements(data->'comments') c), '{}') as comment_ids,
       coalesce((select array_agg(e->>'commandId') from jsonb_array_elements(data->'events') e), '{}') as event_ids
     from tickets where not deleted`,
  );
  let duplicates = 0;
  const byTicket = new Map(tickets.rows.map((row) => [row.id, row]));
  for (const [ticketId, sent] of run.comments) {
    const row = byTicket.get(ticketId);
    const ids = row?.comment_ids ?? [];
    for (const id of sent) {
      const times = ids.filter((stored) => stored === id).length;
      if (times === 0) lost++;
      if (times > 1) duplicates += times - 1;
    }
    const events = row?.event_ids ?? [];
    duplicates += events.length - new Set(events).size;
  }
  return { lost, duplicates };
}

import type { AssignmentRecord, Authorship, Ticket, User } from '../../../shared/domain';
import { getMeta, setMeta, type Sql } from './database';
import { writeTickets } from './records';
import { writeUsers } from './users';

/** Tickets stored before users had ids: the assignee and every author were names. */
type LegacyRecord = Omit<Authorship, 'authorId'> & { authorId?: string | null };
type LegacyTicket = Omit<Ticket, 'events' | 'comments' | 'workLogs' | 'assignments'> & {
  events: Array<Ticket['events'][number] & LegacyRecord>;
  comments: Array<Ticket['comments'][number] & LegacyRecord>;
  workLogs: Array<Ticket['workLogs'][number] & LegacyRecord>;
  assignments?: AssignmentRecord[];
};

const MARK = 'tickets_name_user_ids';
const CHUNK = 500;

/**
 * Once per database: tickets written before users had ids get them. The assignee and every
 * author name is looked up in the team; a name nobody in the team has (an engineer of an older
 * demo configuration, such as «Демо-инженер») becomes an inactive user whose id is that name —
 * the id the old session endpoint reported for it. Each migrated ticket gets a new version, so
 * devices pull the new shape like any other change. Runs in the caller's transaction: a crash
 * leaves the old data, migrated again on the next start.
 */
export async function migrateTicketsToUserIds(
  sql: Sql,
  users: Map<string, User>,
  nowIso: string,
): Promise<number> {
  if ((await getMeta<boolean>(sql, MARK)) === true) return 0;
  const byName = new Map<string, string>();
  for (const user of users.values()) if (!byName.has(user.name)) byName.set(user.name, user.id);
  const created: User[] = [];
  const idOf = (name: string): string => {
    const known = byName.get(name) ?? (users.has(name) ? name : undefined);
    if (known !== undefined) return known;
    const former: User = { id: name, name, active: false, version: 1 };
    users.set(name, former);
    byName.set(name, name);
    created.push(former);
    return name;
  };
  const withId = <R extends LegacyRecord>(record: R): R & { authorId: string | null } => ({
    ...record,
    authorId: record.authorId ?? idOf(record.author),
  });

  let migrated = 0;
  let after = '';
  for (;;) {
    const page = await sql.query<{ id: string; data: LegacyTicket }>(
      `select id, data from tickets where not deleted and id > $1 order by id limit ${CHUNK}`,
      [after],
    );
    if (page.rows.length === 0) break;
    after = page.rows[page.rows.length - 1]!.id;
    const old = page.rows.filter((row) => row.data.assignments === undefined);
    const tickets = old.map(({ data }): Ticket => ({
      ...data,
      assignee: data.assignee === null ? null : idOf(data.assignee),
      events: data.events.map(withId),
      comments: data.comments.map(withId),
      workLogs: data.workLogs.map(withId),
      assignments: [],
      version: data.version + 1,
      updatedAt: nowIso,
    }));
    await writeTickets(sql, tickets);
    migrated += tickets.length;
  }
  await writeUsers(sql, created);
  await setMeta(sql, MARK, true);
  return migrated;
}

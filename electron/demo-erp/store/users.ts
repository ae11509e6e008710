import type { User } from '../../../shared/domain';
import type { DemoUser } from '../team/team';
import type { Sql } from './database';

/*
 * The team as devices see it: one row per user, each change appended to the change log as a
 * `user` entity, so a rename or a deactivation reaches every device like any other change.
 */

export async function loadUsers(sql: Sql): Promise<Map<string, User>> {
  const result = await sql.query<{ data: User }>('select data from users');
  return new Map(result.rows.map((row) => [row.data.id, row.data]));
}

/** Writes users (each already at its new version) and logs them, in the caller's transaction. */
export async function writeUsers(sql: Sql, users: readonly User[]): Promise<void> {
  for (const user of users) {
    const json = JSON.stringify(user);
    await sql.query(
      `insert into users (id, version, data) values ($1, $2, $3::jsonb)
       on conflict (id) do update set version = excluded.version, data = excluded.data`,
      [user.id, user.version, json],
    );
    await sql.query(
      `insert into changes (entity, id, version, deleted, data) values ('user', $1, $2, false, $3::jsonb)`,
      [user.id, user.version, json],
    );
  }
}

const sameUser = (a: User, b: Omit<User, 'version'>) =>
  a.name === b.name && a.email === b.email && a.active === b.active;

/**
 * Makes the stored team what this start was configured with: new members are added, changed
 * ones get a new version, and stored users the configuration no longer lists are deactivated
 * (kept, so the history they wrote stays theirs). Returns the team as stored.
 */
export async function syncTeam(sql: Sql, team: readonly DemoUser[]): Promise<Map<string, User>> {
  const stored = await loadUsers(sql);
  const changed: User[] = [];
  const listed = new Set<string>();
  for (const member of team) {
    listed.add(member.id);
    const wanted = {
      id: member.id,
      name: member.name,
      ...(member.email === undefined ? {} : { email: member.email }),
      active: member.active ?? true,
    };
    const known = stored.get(member.id);
    if (known && sameUser(known, wanted)) continue;
    changed.push({ ...wanted, version: (known?.version ?? 0) + 1 });
  }
  for (const user of stored.values()) {
    if (!listed.has(user.id) && user.active) {
      changed.push({ ...user, active: false, version: user.version + 1 });
    }
  }
  await writeUsers(sql, changed);
  for (const user of changed) stored.set(user.id, user);
  return stored;
}

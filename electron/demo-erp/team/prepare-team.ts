import type { User } from '../../../shared/domain';
import { lockWrites, type SqlDatabase } from '../store/database';
import { migrateTicketsToUserIds } from '../store/identity-migration';
import { syncTeam } from '../store/users';
import type { DemoUser } from './team';

/**
 * On every start, in one transaction: the stored team becomes the configured one, and tickets
 * stored before users had ids are migrated (once). Returns the team's active members.
 */
export async function prepareTeam(
  db: SqlDatabase,
  team: readonly DemoUser[],
  nowMs: number,
): Promise<User[]> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const users = await syncTeam(tx, team);
    await migrateTicketsToUserIds(tx, users, new Date(nowMs).toISOString());
    return team.flatMap((member) => {
      const user = users.get(member.id);
      return user?.active ? [user] : [];
    });
  });
}

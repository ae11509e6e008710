import type { User, UserLookup, UserRef } from '@shared/domain/user';
import type { AppDb } from '../schema';
import { DEVICE_USER } from '../device-user';
import { getMeta, setMeta, type SignedInUser } from './meta';

/** Everyone the ERP listed (active or not), by id: enough to name any assignee or author. */
export async function usersById(db: AppDb): Promise<Map<string, User>> {
  const rows = await db.users.toArray();
  return new Map(rows.flatMap((row) => (row.data ? [[row.id, row.data] as const] : [])));
}

/** The team for people: active members, by name. */
export async function listActiveUsers(db: AppDb): Promise<User[]> {
  const users = [...(await usersById(db)).values()].filter((user) => user.active);
  return users.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export const lookupIn =
  (users: ReadonlyMap<string, User>): UserLookup =>
  (id) =>
    users.get(id);

export async function getMe(db: AppDb): Promise<SignedInUser | undefined> {
  return getMeta(db, 'me');
}

export async function saveMe(db: AppDb, me: SignedInUser): Promise<void> {
  await setMeta(db, 'me', me);
}

/** The author of this device's next action: the signed-in user, or "this device's user". */
export function actingUser(me: SignedInUser | undefined): UserRef {
  return me ? { id: me.id, name: me.name } : DEVICE_USER;
}

import type { CommandError } from '@shared/domain/apply-command';
import type { User } from '@shared/domain/user';
import type { TFunction } from 'i18next';
import { DEVICE_USER } from '../../db/device-user';
import type { SignedInUser } from '../../db/repos/meta';

/** Who "I" am and who the team is: what the screens need to name people. */
export interface People {
  me: SignedInUser | undefined;
  team: ReadonlyMap<string, User>;
  /** False until the database has been read (so "none of mine" is not said too early). */
  loaded: boolean;
}

export const NOBODY: People = { me: undefined, team: new Map(), loaded: false };

/** Whether a user id is this device's user: the signed-in one, or "this device" before that. */
export function isMine(userId: string | null | undefined, me: SignedInUser | undefined): boolean {
  if (userId === null || userId === undefined) return false;
  return userId === DEVICE_USER.id || userId === me?.id;
}

/**
 * A person's name as the team knows it now; else the name a record was written with; else the
 * id (a ticket from before users had ids names its assignee by name, which reads the same).
 */
export function nameOf(userId: string, people: People, recordedName?: string): string {
  return people.team.get(userId)?.name ?? recordedName ?? userId;
}

/** A person as the screen shows them: "you" for me, the name otherwise. */
export function personLabel(
  userId: string,
  people: People,
  you: string,
  recordedName?: string,
): string {
  return isMine(userId, people.me) ? you : nameOf(userId, people, recordedName);
}

/**
 * A refusal in words: a conflict about who has the ticket names that person in the interface
 * language; anything else is the ERP's (or the shared rules') own message.
 */
export function describeRefusal(error: CommandError, people: People, t: TFunction): string {
  const holder = error.holder;
  if (error.code === 'assigned_elsewhere' && holder) {
    return t('identity.conflicts.assignedElsewhere', {
      name: nameOf(holder.id, people, holder.name),
    });
  }
  if (error.code === 'assignment_changed' && holder !== undefined) {
    if (holder === null) return t('identity.conflicts.changedToNobody');
    if (isMine(holder.id, people.me)) return t('identity.conflicts.changedToMe');
    return t('identity.conflicts.changedTo', { name: nameOf(holder.id, people, holder.name) });
  }
  return error.message;
}

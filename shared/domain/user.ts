/**
 * A member of the support team as the ERP knows them (contract 2's `user` entities). A user who
 * left is deactivated, not deleted, so the history they wrote stays theirs.
 */
export interface User {
  id: string;
  name: string;
  email?: string;
  /** Inactive users keep their history but can neither sign in nor be handed tickets. */
  active: boolean;
  version: number;
}

/**
 * Who did or holds something, with the name as it was at that moment: the history of a ticket
 * stays readable after the person is renamed, deactivated or removed.
 */
export interface UserRef {
  id: string;
  name: string;
}

export type UserLookup = (id: string) => User | undefined;

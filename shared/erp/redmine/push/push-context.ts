import type { ErrorBody } from '../../protocol';
import type { Organization, Ticket, User } from '../../../domain';
import type { RedmineMapping } from '../mapping';

/** What a push decision needs besides the command: the mapping, who pushes, Redmine's clock. */
export interface PushContext {
  mapping: RedmineMapping;
  /** The Redmine user the API key belongs to (`/users/current.json`). */
  author: { id: number; name: string };
  /** Redmine's clock (its Date header), corrected as the adapter measured it. */
  serverNow: string;
  organization: Organization | undefined;
  users: ReadonlyMap<string, User>;
}

/** A Redmine write: the adapter sends it as is (JSON body) and reads the answer with `readWriteAnswer`. */
export interface RedmineWrite {
  method: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
}

export type PushPlan =
  /** Already in Redmine (its trailer, or for a create its client ticket id): nothing to write. */
  | { kind: 'duplicate'; ticket: Ticket | null }
  | { kind: 'noop'; ticket: Ticket }
  | { kind: 'conflict' | 'rejected'; error: ErrorBody; ticket: Ticket | null }
  /**
   * Writes, in order. The first carries the trailer, so once it has landed a retry is a
   * duplicate; `expected` is the ticket as the reference server would now hold it.
   */
  | { kind: 'write'; writes: RedmineWrite[]; expected: Ticket | null };

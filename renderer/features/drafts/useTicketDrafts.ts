import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../db/app-db';
import { draftFormsOf, type DraftForm } from '../../db/repos/drafts';

const NONE: ReadonlySet<DraftForm> = new Set();

/** The forms of a ticket that hold a draft, kept current as drafts are written and removed. */
export function useTicketDrafts(ticketId: string): ReadonlySet<DraftForm> {
  return (
    useLiveQuery(async () => new Set(await draftFormsOf(getAppDb(), ticketId)), [ticketId]) ?? NONE
  );
}

import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../db/app-db';
import { DRAFT_FORMS, draftFormsOf, writeDraft, type DraftForm } from '../../db/repos/drafts';
import { takeAllUnloadCopies } from './unload-copy';

const NONE: ReadonlySet<DraftForm> = new Set();

/**
 * The forms of a ticket that hold a draft, kept current as drafts are written and removed.
 * Copies the last unload left in localStorage are stored first, so a form typed in just before
 * a reload is marked too.
 */
export function useTicketDrafts(ticketId: string): ReadonlySet<DraftForm> {
  useEffect(() => {
    const db = getAppDb();
    for (const [key, fields] of takeAllUnloadCopies(db.name)) {
      const [form, id] = key.split(/:(.*)/s) as [string, string];
      if (
        !(DRAFT_FORMS as readonly string[]).includes(form) ||
        typeof fields !== 'object' ||
        fields === null
      )
        continue;
      void writeDraft(
        db,
        {
          key,
          form,
          ticketId: id === 'new' ? null : id,
          fields: fields as Record<string, unknown>,
        },
        false,
      );
    }
  }, [ticketId]);
  return (
    useLiveQuery(async () => new Set(await draftFormsOf(getAppDb(), ticketId)), [ticketId]) ?? NONE
  );
}

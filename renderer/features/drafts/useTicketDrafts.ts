import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../db/app-db';
import { DRAFT_FORMS, draftsOf, writeDraft, type DraftForm } from '../../db/repos/drafts';
import type { DraftPreload } from './draft-preload';
import { takeAllUnloadCopies } from './unload-copy';

const NONE: ReadonlySet<DraftForm> = new Set();

/**
 * The drafts of a ticket, kept current as they are written and removed: which forms hold one
 * (the toolbar marks them) and their fields (`preload`, null until read). Copies the last unload
 * left in localStorage are stored first, so a form typed in just before a reload counts too.
 */
export function useTicketDrafts(ticketId: string): {
  forms: ReadonlySet<DraftForm>;
  preload: DraftPreload | null;
} {
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
  const rows = useLiveQuery(() => draftsOf(getAppDb(), ticketId), [ticketId]);
  return useMemo(
    () =>
      rows === undefined
        ? { forms: NONE, preload: null }
        : {
            forms: new Set(rows.map((row) => row.form as DraftForm)),
            preload: { fields: new Map(rows.map((row) => [row.key, row.fields])) },
          },
    [rows],
  );
}

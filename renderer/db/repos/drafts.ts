import type { ActionResult } from './ticket-actions';
import { actionTables } from './ticket-actions';
import type { AppDb, DraftRow } from '../schema';

/** The forms whose typing is kept until the action is recorded or the user discards it. */
export const DRAFT_FORMS = [
  'intake',
  'comment',
  'resolve',
  'pause',
  'log_work',
  'reopen',
  'extend',
  'maintenance_window',
] as const;
export type DraftForm = (typeof DRAFT_FORMS)[number];

/** One draft per form and ticket; the intake has one draft in all (its ticket does not exist yet). */
export function draftKey(form: DraftForm, ticketId: string | null): string {
  return `${form}:${ticketId ?? 'new'}`;
}

export async function readDraft(db: AppDb, key: string): Promise<DraftRow | undefined> {
  return db.drafts.get(key);
}

/** Stores what the form holds now; a form emptied by hand leaves no draft behind. */
export async function writeDraft(
  db: AppDb,
  draft: Omit<DraftRow, 'updatedAt'>,
  empty: boolean,
  now: number = Date.now(),
): Promise<void> {
  if (empty) await db.drafts.delete(draft.key);
  else await db.drafts.put({ ...draft, updatedAt: now });
}

export async function deleteDraft(db: AppDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** The drafts of a ticket's forms (the toolbar marks their buttons, the forms open with them). */
export async function draftsOf(db: AppDb, ticketId: string): Promise<DraftRow[]> {
  return db.drafts.where('ticketId').equals(ticketId).toArray();
}

/**
 * Records an action and removes its draft in one transaction: after a crash either the action
 * is queued and the draft gone, or the draft is still there and nothing was queued, so the same
 * text can never be sent twice from a draft that outlived its action. A refused action keeps it.
 */
export async function recordDroppingDraft(
  db: AppDb,
  key: string,
  record: () => Promise<ActionResult>,
): Promise<ActionResult> {
  return db.transaction('rw', [...actionTables(db), db.drafts], async () => {
    const result = await record();
    if (result.ok) await db.drafts.delete(key);
    return result;
  });
}

/**
 * The files gathered on the intake before its request exists (picked, pasted, a letter's): one
 * row beside the intake's typed draft, rewritten only when the list changes (never per keystroke,
 * the Blobs may be large), so a reload or a crash before «Зарегистрировать заявку» loses none.
 */
export const INTAKE_FILES_KEY = 'intake-files:new';

export interface IntakeFileDraft {
  name: string;
  type: string;
  blob: Blob;
  fromLetter: boolean;
}

/** The stored files in order; entries of another shape (an older build's) are left out. */
export async function readIntakeFiles(db: AppDb): Promise<IntakeFileDraft[]> {
  const files = (await db.drafts.get(INTAKE_FILES_KEY))?.fields['files'];
  if (!Array.isArray(files)) return [];
  return files.filter(
    (file): file is IntakeFileDraft =>
      typeof file === 'object' &&
      file !== null &&
      typeof (file as IntakeFileDraft).name === 'string' &&
      typeof (file as IntakeFileDraft).type === 'string' &&
      (file as IntakeFileDraft).blob instanceof Blob &&
      typeof (file as IntakeFileDraft).fromLetter === 'boolean',
  );
}

/** Stores the intake's files as they are now; none left removes the row. */
export async function writeIntakeFiles(
  db: AppDb,
  files: readonly IntakeFileDraft[],
  now: number = Date.now(),
): Promise<void> {
  await writeDraft(
    db,
    { key: INTAKE_FILES_KEY, form: 'intake-files', ticketId: null, fields: { files } },
    files.length === 0,
    now,
  );
}

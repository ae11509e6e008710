import { getAppDb } from '../../db/app-db';
import { draftKey, readDraft, writeDraft } from '../../db/repos/drafts';
import { dropUnloadCopy, peekUnloadCopy } from '../drafts/unload-copy';
import type { IntakeForm } from './intake-form';
import { intakeDraftSchema } from './intake-draft';
import { intakeHasInput } from './intake-from-refused';

const INTAKE_KEY = draftKey('intake', null);

/** Whether the intake's draft holds a request being typed (redoing a refused one replaces it). */
export async function intakeDraftHasInput(): Promise<boolean> {
  // Typed just before a reload and not yet reopened: still the user's latest typing.
  const unloaded = peekUnloadCopy(getAppDb().name, INTAKE_KEY);
  const stored = unloaded ?? (await readDraft(getAppDb(), INTAKE_KEY))?.fields;
  const parsed = intakeDraftSchema.safeParse(stored);
  return parsed.success && intakeHasInput(parsed.data);
}

/** The intake opens with `form` (a refused registration to correct) as its draft. */
export async function replaceIntakeDraft(form: IntakeForm): Promise<void> {
  dropUnloadCopy(getAppDb().name, INTAKE_KEY);
  await writeDraft(
    getAppDb(),
    { key: INTAKE_KEY, form: 'intake', ticketId: null, fields: { ...form, letter: null } },
    false,
  );
}

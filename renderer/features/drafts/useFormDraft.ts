import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { getAppDb } from '../../db/app-db';
import {
  deleteDraft,
  draftKey,
  readDraft,
  recordDroppingDraft,
  writeDraft,
  type DraftForm,
} from '../../db/repos/drafts';
import type { ActionResult } from '../../db/repos/ticket-actions';
import { createDraftWriter } from './draft-writer';
import { dropUnloadCopy, keepUnloadCopy, takeUnloadCopy } from './unload-copy';
import { DraftPreloadContext } from './draft-preload';
import { isBlankDraft } from './blank-draft';

/** Long enough to turn a typing burst into one write, short enough that a crash loses a word. */
const WRITE_DELAY_MS = 300;

export interface FormDraft<T> {
  value: T;
  /** False until the stored draft was read: the form waits, so typing cannot be overwritten. */
  loaded: boolean;
  /** The form was opened with what an earlier session left in it. */
  restored: boolean;
  /** Nothing typed (only what the form prefills). */
  blank: boolean;
  set: (value: T) => void;
  /** Forgets the draft (the user discarded it). */
  discard: () => Promise<void>;
  /** Records the action and removes the draft in one transaction. */
  record: (action: () => Promise<ActionResult>) => Promise<ActionResult>;
}

/**
 * A form's inputs kept in IndexedDB as they are typed (`drafts`, one row per form and ticket),
 * so a reload, a crash or a restart of the app does not lose them. Read back through `schema`:
 * a row that does not fit (an older build's shape) is left alone and the form starts empty.
 * `seed` (redoing a refused action: what was typed then) replaces the stored draft and becomes
 * it, so the redo survives a reload like any typing; it is read once, when the form opens.
 */
export function useFormDraft<T extends object>(
  form: DraftForm,
  ticketId: string | null,
  schema: z.ZodType<T>,
  empty: T,
  seed: T | null = null,
): FormDraft<T> {
  // `empty` is a module constant of each form, so it never changes between renders.
  const key = draftKey(form, ticketId);
  const preload = useContext(DraftPreloadContext);
  const [openingSeed] = useState(seed);
  const restore = useCallback(
    (stored: unknown) => {
      const parsed = stored === undefined ? null : schema.safeParse(stored);
      if (parsed && !parsed.success) console.warn(`draft ${key} unreadable`, parsed.error);
      return parsed?.success
        ? { value: parsed.data, loaded: true, restored: !isBlankDraft(parsed.data, empty) }
        : { value: empty, loaded: true, restored: false };
    },
    [schema, key, empty],
  );
  // Read already (the ticket's drafts): the form opens with its draft at once.
  const [mustRead] = useState(preload === null && openingSeed === null);
  const [state, setState] = useState(() =>
    openingSeed !== null
      ? { value: openingSeed, loaded: true, restored: false }
      : preload === null
        ? { value: empty, loaded: false, restored: false }
        : restore(preload.fields.get(key)),
  );
  const writer = useMemo(
    () =>
      createDraftWriter<T>({
        delayMs: WRITE_DELAY_MS,
        write: (value) =>
          writeDraft(
            getAppDb(),
            { key, form, ticketId, fields: value as Record<string, unknown> },
            isBlankDraft(value, empty),
          ),
        onError: (error) => console.warn(`draft ${key} not saved`, error),
      }),
    [key, form, ticketId, empty],
  );

  useEffect(() => {
    if (!mustRead) return;
    let current = true;
    const database = getAppDb().name;
    readDraft(getAppDb(), key).then(
      (row) => {
        if (!current) return;
        // Typed just before the page went away, so newer than the row: it becomes the row.
        const unloaded = takeUnloadCopy(database, key);
        const restored = restore(unloaded !== undefined ? unloaded : row?.fields);
        if (restored.restored && unloaded !== undefined) writer.change(restored.value);
        setState(restored);
      },
      (error: unknown) => {
        console.warn(`draft ${key} not read`, error);
        if (current) setState({ value: empty, loaded: true, restored: false });
      },
    );
    return () => {
      current = false;
    };
  }, [mustRead, key, restore, writer, empty]);

  useEffect(() => {
    if (openingSeed === null) return;
    dropUnloadCopy(getAppDb().name, key);
    writer.change(openingSeed);
  }, [openingSeed, writer, key]);

  // What is typed reaches the disk before the page goes away or the form closes.
  useEffect(() => {
    const flush = () => void writer.flush();
    const onPageHide = () => {
      const waiting = writer.waiting();
      if (waiting !== null) keepUnloadCopy(getAppDb().name, key, waiting);
      flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [writer, key]);

  const set = useCallback(
    (value: T) => {
      setState((previous) => ({ ...previous, value }));
      writer.change(value);
    },
    [writer],
  );

  const discard = useCallback(async () => {
    await writer.stop();
    dropUnloadCopy(getAppDb().name, key);
    await deleteDraft(getAppDb(), key);
    setState({ value: empty, loaded: true, restored: false });
    writer.resume();
  }, [writer, key, empty]);

  const record = useCallback(
    async (action: () => Promise<ActionResult>) => {
      // The latest typing is stored first: a refused action must leave the draft as typed.
      await writer.flush();
      await writer.stop();
      dropUnloadCopy(getAppDb().name, key);
      const result = await recordDroppingDraft(getAppDb(), key, action);
      // Refused: the draft stays as it was and typing goes on being kept.
      if (!result.ok) writer.resume();
      return result;
    },
    [writer, key],
  );

  return { ...state, blank: isBlankDraft(state.value, empty), set, discard, record };
}

import { z } from 'zod';

/*
 * What each ticket form keeps as its draft: its inputs as typed (strings, as the inputs hold
 * them), read back through these schemas. Forms that hold only a choice (priority, hand-over,
 * release date) keep none: there is nothing typed to lose.
 */

export const commentDraft = z.object({ text: z.string() });
export const EMPTY_COMMENT = { text: '' };

export const resolveDraft = z.object({ result: z.string() });
export const EMPTY_RESOLVE = { result: '' };

export const pauseDraft = z.object({ reason: z.string(), note: z.string() });
export const EMPTY_PAUSE = { reason: '', note: '' };

export const logWorkDraft = z.object({
  startedLocal: z.string(),
  endedLocal: z.string(),
  note: z.string(),
});
export const EMPTY_LOG_WORK = { startedLocal: '', endedLocal: '', note: '' };

export const reopenDraft = z.object({ reason: z.string() });
export const EMPTY_REOPEN = { reason: '' };

export const extendDraft = z.object({ hours: z.string(), note: z.string() });
export const EMPTY_EXTEND = { hours: '', note: '' };

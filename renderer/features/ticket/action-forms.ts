import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { Priority } from '@shared/sla';
import { earliestReleaseDate, visitProblems } from '@shared/domain/command-rules';
import { commandPayloads, type CommandPayload } from '@shared/erp/commands';

/*
 * Form input → command payload, checked with the same zod schemas the repo and the ERP use.
 * Errors are message keys under `ticket.errors` (the component translates them), one per field,
 * naming what is wrong in the user's terms rather than zod's.
 */

export interface FieldError {
  key: string;
  values?: Record<string, string | number>;
  /** Calendar dates (`YYYY-MM-DD`) the message names, formatted in the interface language. */
  dates?: Record<string, string>;
  /** Instants the message names, shown on the customer's wall clock. */
  instants?: Record<string, string>;
}

/** When the form is checked: the ticket's creation, the customer's zone and the device's now. */
export interface TicketTimes {
  createdAt: string;
  timeZone: string;
  now: number;
}

export type FormResult<T> =
  { ok: true; payload: T } | { ok: false; errors: Record<string, FieldError> };

/** Field → key, or `field.code` (a zod issue code) → key for one kind of problem. */
type MessageMap = Record<string, string>;

function check<T>(schema: z.ZodType<T>, raw: unknown, messages: MessageMap): FormResult<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const errors: Record<string, FieldError> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const specific = messages[`${field}.${issue.code}`];
    if (specific) errors[field] = { key: specific };
    else if (issue.code === 'too_big' && 'maximum' in issue)
      errors[field] = { key: 'tooLong', values: { max: Number(issue.maximum) } };
    else errors[field] = { key: messages[field] ?? 'invalid' };
  }
  return { ok: false, errors };
}

const optionalText = (value: string) => (value.trim() === '' ? {} : { note: value });

export function validatePause(input: {
  reason: string;
  note: string;
}): FormResult<CommandPayload<'pause'>> {
  return check(
    commandPayloads.pause,
    { reason: input.reason, ...optionalText(input.note) },
    { reason: 'pauseReason', note: 'pauseNoteForOther' },
  );
}

export function validateResolve(input: { result: string }): FormResult<CommandPayload<'resolve'>> {
  return check(commandPayloads.resolve, input, { result: 'resultRequired' });
}

/** P4 answer: a real date, not before today on the customer's calendar (the shared rule). */
export function validateScheduleFix(
  input: { releaseDate: string },
  times: TicketTimes,
): FormResult<CommandPayload<'schedule_fix'>> {
  const checked = check(commandPayloads.schedule_fix, input, { releaseDate: 'releaseDate' });
  if (!checked.ok) return checked;
  const earliest = earliestReleaseDate(Date.parse(times.createdAt), times.now, times.timeZone);
  if (checked.payload.releaseDate >= earliest) return checked;
  return { ok: false, errors: { releaseDate: { key: 'releaseDatePast', dates: { earliest } } } };
}

export function validateExtend(input: {
  hours: string;
  note: string;
}): FormResult<CommandPayload<'extend'>> {
  const hours = input.hours.trim() === '' ? Number.NaN : Number(input.hours.replace(',', '.'));
  return check(
    commandPayloads.extend,
    { hours, note: input.note },
    { hours: 'extendHours', 'hours.too_big': 'extendHoursTooMany', note: 'agreementNote' },
  );
}

export function validateChangePriority(input: {
  to: string;
  current: Priority;
}): FormResult<CommandPayload<'change_priority'>> {
  const to = Number(input.to);
  if (to === input.current) return { ok: false, errors: { to: { key: 'prioritySame' } } };
  return check(commandPayloads.change_priority, { to }, { to: 'priorityChoose' });
}

export function validateComment(input: { text: string }): FormResult<CommandPayload<'comment'>> {
  return check(commandPayloads.comment, input, { text: 'commentRequired' });
}

export function validateReopen(input: { reason: string }): FormResult<CommandPayload<'reopen'>> {
  return check(
    commandPayloads.reopen,
    input.reason.trim() === '' ? {} : { reason: input.reason },
    {},
  );
}

/** A hand-over: someone chosen, and not the one who has the ticket already. */
export function validateHandOver(input: {
  to: string;
  current: string | null;
}): FormResult<CommandPayload<'assign'>> {
  if (input.to === '') return { ok: false, errors: { to: { key: 'handOverChoose' } } };
  if (input.to === input.current) return { ok: false, errors: { to: { key: 'handOverSame' } } };
  return check(commandPayloads.assign, { to: input.to }, { to: 'handOverChoose' });
}

/**
 * An on-site visit: the engineer types wall-clock times as the customer's clock showed them
 * (`<input type="datetime-local">`), converted here to instants in the customer's zone. The visit
 * lies within the ticket's life: from its creation to now (the shared rule, with its tolerance).
 */
export function validateLogWork(
  input: { startedLocal: string; endedLocal: string; note: string },
  times: TicketTimes,
): FormResult<CommandPayload<'log_work'>> {
  const startedAt = localToInstant(input.startedLocal, times.timeZone);
  const endedAt = localToInstant(input.endedLocal, times.timeZone);
  const errors: Record<string, FieldError> = {};
  if (startedAt === null) errors['startedAt'] = { key: 'visitStart' };
  if (endedAt === null) errors['endedAt'] = { key: 'visitEnd' };
  const checked = check(
    commandPayloads.log_work,
    // A missing time is already named above; the schema still checks the note beside it.
    { startedAt: startedAt ?? '', endedAt: endedAt ?? '', note: input.note },
    {
      startedAt: 'visitStart',
      endedAt: 'visitEnd',
      'endedAt.custom': 'visitOrder',
      note: 'visitNote',
    },
  );
  if (!checked.ok) return { ok: false, errors: { ...checked.errors, ...errors } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const problems = visitProblems(
    {
      startedMs: Date.parse(checked.payload.startedAt),
      endedMs: Date.parse(checked.payload.endedAt),
    },
    { createdAtMs: Date.parse(times.createdAt) },
    times.now,
  );
  if (problems.length === 0) return checked;
  const bounds: Record<string, FieldError> = {};
  for (const problem of problems)
    bounds[problem.field] =
      problem.field === 'startedAt'
        ? { key: 'visitBeforeTicket', instants: { created: times.createdAt } }
        : { key: 'visitInFuture', instants: { now: new Date(times.now).toISOString() } };
  return { ok: false, errors: bounds };
}

/** "2026-01-12T10:00" read on the wall clock of `timeZone` → "2026-01-12T03:00:00.000Z". */
export function localToInstant(local: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const at = DateTime.fromISO(local, { zone: timeZone });
  return at.isValid ? at.toUTC().toISO() : null;
}

/** The reverse, to prefill a datetime-local input: an instant as the customer's wall clock. */
export function instantToLocal(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

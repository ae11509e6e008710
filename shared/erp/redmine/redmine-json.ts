import { z } from 'zod';

/*
 * The parts of Redmine's REST answers (5.0, JSON) the back end reads, as recorded in
 * tests/fixtures/redmine/. Loose: Redmine adds fields between versions, and a field the app does
 * not read must not make an issue unreadable.
 */

const ref = z.object({ id: z.number().int(), name: z.string() }).loose();
const stamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
    'must be a UTC instant like 2026-12-07T10:05:00Z',
  );

export const customValue = z
  .object({
    id: z.number().int(),
    name: z.string(),
    // Multi-value fields answer arrays; the app's fields are single-valued.
    value: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  })
  .loose();
export type CustomValue = z.infer<typeof customValue>;

export const journalDetail = z
  .object({
    property: z.string(),
    name: z.string(),
    old_value: z.string().nullable().optional(),
    new_value: z.string().nullable().optional(),
  })
  .loose();
export type JournalDetail = z.infer<typeof journalDetail>;

export const journal = z
  .object({
    id: z.number().int().positive(),
    // A journal of a deleted user has no user.
    user: ref.optional(),
    notes: z.string().nullable().optional(),
    created_on: stamp,
    private_notes: z.boolean().optional(),
    details: z.array(journalDetail).default([]),
  })
  .loose();
export type Journal = z.infer<typeof journal>;

export const redmineIssue = z
  .object({
    id: z.number().int().positive(),
    project: ref,
    tracker: ref,
    status: ref.extend({ is_closed: z.boolean().optional() }),
    priority: ref,
    author: ref.optional(),
    assigned_to: ref.optional(),
    subject: z.string(),
    description: z.string().nullable().optional(),
    custom_fields: z.array(customValue).default([]),
    created_on: stamp,
    updated_on: stamp,
    journals: z.array(journal).optional(),
  })
  .loose();
export type RedmineIssue = z.infer<typeof redmineIssue>;

export const redmineProject = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    identifier: z.string(),
    status: z.number().int().optional(),
    custom_fields: z.array(customValue).default([]),
    updated_on: stamp.optional(),
  })
  .loose();
export type RedmineProject = z.infer<typeof redmineProject>;

export const membership = z
  .object({
    id: z.number().int(),
    project: ref,
    // Group memberships name a group instead of a user: not a person the app can assign.
    user: ref.optional(),
    roles: z.array(ref.loose()),
  })
  .loose();
export type Membership = z.infer<typeof membership>;

export const timeEntry = z
  .object({
    id: z.number().int().positive(),
    issue: z.object({ id: z.number().int() }).optional(),
    user: ref,
    hours: z.number(),
    comments: z.string().nullable().optional(),
    spent_on: z.string(),
  })
  .loose();
export type TimeEntry = z.infer<typeof timeEntry>;

/** A 422's body: Redmine's localised validation messages; empty on a stale lock_version. */
export const validationErrors = z.object({ errors: z.array(z.string()) });

/** The value of custom field `id` as one string, or null when absent or empty. */
export function customFieldValue(fields: readonly CustomValue[], id: number | null): string | null {
  if (id === null) return null;
  const value = fields.find((field) => field.id === id)?.value;
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined || text === null || text.trim() === '' ? null : text;
}

/** Parses with a message naming what is wrong: "issue 12: custom_fields.0.id expected number". */
export function parseRedmine<T>(
  schema: z.ZodType<T>,
  data: unknown,
  what: string,
): { ok: true; value: T } | { ok: false; reason: string } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `${what}: ${issue.path.join('.') || '(root)'} ${issue.message}` };
}

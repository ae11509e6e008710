import { z } from 'zod';

/*
 * How the app's concepts map onto one Redmine (issue 15, README "Redmine: what to configure").
 * Everything is by id: priority and status names are localised, custom field names are free text
 * an admin may rename, and a non-admin API key cannot list custom fields to resolve names at all
 * (GET /custom_fields.json is admin-only). Ids are what every REST payload carries anyway, and
 * "test connection" checks each id against what the key can see. There is no field for the
 * priority a request was registered with: the first priority change's old value in the journals
 * is it (shared/erp/redmine/pull/issue-to-ticket.ts).
 */

const id = (field: string) =>
  z
    .number({ error: `${field} must be a Redmine id (a whole number)` })
    .int(`${field} must be a whole number`)
    .positive(`${field} must be a Redmine id: 1 or more`);

const optionalId = (field: string) => id(field).nullable().default(null);

const distinct = (field: string, ids: Record<string, number | null>) => {
  const seen = new Map<number, string>();
  for (const [key, value] of Object.entries(ids)) {
    if (value === null) continue;
    const other = seen.get(value);
    if (other !== undefined)
      return `${field}.${key} and ${field}.${other} are both ${value}: each needs its own`;
    seen.set(value, key);
  }
  return null;
};

export const statusMapping = z
  .object({
    new: id('statuses.new'),
    inProgress: id('statuses.inProgress'),
    paused: id('statuses.paused'),
    resolved: id('statuses.resolved'),
    closed: id('statuses.closed'),
  })
  .strict();

export const priorityMapping = z
  .object({
    1: id('priorities.1'),
    2: id('priorities.2'),
    3: id('priorities.3'),
    4: id('priorities.4'),
  })
  .strict();

/** Issue custom fields. Required: what a §4 request and the SLA history cannot do without. */
export const issueFieldMapping = z
  .object({
    /** The app's ticket id: how a retried create finds the issue it already made. */
    clientTicketId: id('issueFields.clientTicketId'),
    account: id('issueFields.account'),
    steps: id('issueFields.steps'),
    expected: id('issueFields.expected'),
    actual: id('issueFields.actual'),
    diagnostics: id('issueFields.diagnostics'),
    notUserSideConfirmed: id('issueFields.notUserSideConfirmed'),
    reporterEmail: id('issueFields.reporterEmail'),
    pauseReason: id('issueFields.pauseReason'),
    fixReleaseDate: id('issueFields.fixReleaseDate'),
    extensionHours: id('issueFields.extensionHours'),
    /** Optional: without it a late registration's reason stays in the issue's first note only. */
    lateRegistrationReason: optionalId('issueFields.lateRegistrationReason'),
  })
  .strict();

export const projectFieldMapping = z
  .object({
    timeZone: id('projectFields.timeZone'),
    calendar: id('projectFields.calendar'),
    emailDomains: id('projectFields.emailDomains'),
  })
  .strict();

export const redmineMapping = z
  .object({
    trackerId: id('trackerId'),
    statuses: statusMapping,
    priorities: priorityMapping,
    issueFields: issueFieldMapping,
    projectFields: projectFieldMapping,
    /** Time entries (on-site visits) need an activity unless Redmine has a default one. */
    timeEntryActivityId: optionalId('timeEntryActivityId'),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const problems = [
      distinct('statuses', mapping.statuses),
      distinct('priorities', mapping.priorities),
      distinct('issueFields', mapping.issueFields),
      distinct('projectFields', mapping.projectFields),
    ];
    for (const message of problems) if (message) ctx.addIssue({ code: 'custom', message });
  });
export type RedmineMapping = z.output<typeof redmineMapping>;
export type RedmineMappingInput = z.input<typeof redmineMapping>;

/**
 * Ids on a Redmine whose default data was loaded (any language) and whose admin created the
 * custom fields in the README's order: the statuses and priorities Redmine ships with ("Обратная
 * связь"/Feedback stands for paused), tracker 3 («Поддержка»/Support), issue fields 1–12 and
 * project fields 13–15 as created, activity 9 («Разработка»/Development).
 */
export const DEFAULT_REDMINE_MAPPING: RedmineMapping = {
  trackerId: 3,
  statuses: { new: 1, inProgress: 2, paused: 4, resolved: 3, closed: 5 },
  priorities: { 1: 5, 2: 4, 3: 3, 4: 2 },
  issueFields: {
    clientTicketId: 1,
    account: 2,
    steps: 3,
    expected: 4,
    actual: 5,
    diagnostics: 6,
    notUserSideConfirmed: 7,
    reporterEmail: 8,
    pauseReason: 9,
    fixReleaseDate: 10,
    extensionHours: 11,
    lateRegistrationReason: 12,
  },
  projectFields: { timeZone: 13, calendar: 14, emailDomains: 15 },
  timeEntryActivityId: 9,
};

/** The mapping's problems as "path: message" lines, for Settings and the connection test. */
export function mappingProblems(input: unknown): string[] {
  const parsed = redmineMapping.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
}

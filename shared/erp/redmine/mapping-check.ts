import { z } from 'zod';
import type { RedmineMapping } from './mapping';

/*
 * «Проверить подключение» for Redmine, after the key was accepted: is every mapped id something
 * this key can see? Pure: main fetches the lists, this compares. A finding names the role (the
 * renderer words it in RU/EN) and, per customer project, the project by its name, so the admin
 * knows what to enable where.
 */

const named = z.object({ id: z.number().int(), name: z.string() }).loose();
const trackersAnswer = z.object({ trackers: z.array(named) }).loose();
const statusesAnswer = z.object({ issue_statuses: z.array(named) }).loose();
const prioritiesAnswer = z.object({ issue_priorities: z.array(named) }).loose();
const activitiesAnswer = z.object({ time_entry_activities: z.array(named) }).loose();
const checkedProject = z
  .object({
    id: z.number().int(),
    name: z.string(),
    custom_fields: z
      .array(z.object({ id: z.number().int(), value: z.unknown().optional() }).loose())
      .default([]),
    trackers: z.array(named).default([]),
    issue_custom_fields: z.array(named).default([]),
  })
  .loose();
const projectsAnswer = z.object({ projects: z.array(checkedProject) }).loose();

export type StatusRole = keyof RedmineMapping['statuses'];
export type IssueFieldRole = keyof RedmineMapping['issueFields'];
export type ProjectFieldRole = keyof RedmineMapping['projectFields'];

/** One mapped thing the key cannot see (or a project lacks); the renderer words each kind. */
export type MappingFinding =
  | { kind: 'tracker'; id: number }
  | { kind: 'status'; role: StatusRole; id: number }
  | { kind: 'priority'; level: 1 | 2 | 3 | 4; id: number }
  | { kind: 'activity'; id: number }
  | { kind: 'no_projects' }
  | { kind: 'project_tracker'; project: string; id: number }
  | { kind: 'issue_field'; project: string; role: IssueFieldRole; id: number }
  | {
      kind: 'project_field';
      project: string;
      role: ProjectFieldRole;
      id: number;
      problem: 'missing' | 'empty';
    };

/** The bodies main fetched with the key being checked (already 200s). */
export interface MappingCheckAnswers {
  trackers: unknown;
  statuses: unknown;
  priorities: unknown;
  /** Activities are only compared when the mapping names one. */
  activities: unknown;
  /** `projects` of every page of /projects.json?include=trackers,issue_custom_fields. */
  projects: unknown[];
}

/** Not ok: an answer was not the list it should be (a proxy page, another API), named. */
export type MappingCheckResult =
  { ok: true; findings: MappingFinding[] } | { ok: false; reason: string };

export function checkRedmineMapping(
  mapping: RedmineMapping,
  answers: MappingCheckAnswers,
): MappingCheckResult {
  const trackers = trackersAnswer.safeParse(answers.trackers);
  const statuses = statusesAnswer.safeParse(answers.statuses);
  const priorities = prioritiesAnswer.safeParse(answers.priorities);
  const activities = activitiesAnswer.safeParse(answers.activities);
  const projects = z.array(checkedProject).safeParse(answers.projects);
  const unreadable = [
    trackers.success ? null : 'GET /trackers.json',
    statuses.success ? null : 'GET /issue_statuses.json',
    priorities.success ? null : 'GET /enumerations/issue_priorities.json',
    activities.success || mapping.timeEntryActivityId === null
      ? null
      : 'GET /enumerations/time_entry_activities.json',
    projects.success ? null : 'GET /projects.json',
  ].filter((what) => what !== null);
  if (unreadable.length > 0)
    return { ok: false, reason: `not Redmine's answer to ${unreadable.join(', ')}` };

  const ids = (list: { id: number }[] | undefined) => new Set((list ?? []).map(({ id }) => id));
  const trackerIds = ids(trackers.data?.trackers);
  const statusIds = ids(statuses.data?.issue_statuses);
  const priorityIds = ids(priorities.data?.issue_priorities);
  const findings: MappingFinding[] = [];

  if (!trackerIds.has(mapping.trackerId)) findings.push({ kind: 'tracker', id: mapping.trackerId });
  for (const [role, id] of Object.entries(mapping.statuses) as [StatusRole, number][])
    if (!statusIds.has(id)) findings.push({ kind: 'status', role, id });
  for (const level of [1, 2, 3, 4] as const) {
    const id = mapping.priorities[level];
    if (!priorityIds.has(id)) findings.push({ kind: 'priority', level, id });
  }
  const activityId = mapping.timeEntryActivityId;
  if (activityId !== null && !ids(activities.data?.time_entry_activities).has(activityId))
    findings.push({ kind: 'activity', id: activityId });

  const visible = projects.data ?? [];
  if (visible.length === 0) findings.push({ kind: 'no_projects' });
  for (const project of visible) findings.push(...projectFindings(mapping, project));
  return { ok: true, findings };
}

/** One /projects.json page: its projects and the total to page on; null when not such a list. */
export function projectsOfPage(body: unknown): { projects: unknown[]; total: number } | null {
  const parsed = projectsAnswer
    .extend({ total_count: z.number().int().nonnegative().optional() })
    .safeParse(body);
  if (!parsed.success) return null;
  const { projects, total_count } = parsed.data;
  return { projects, total: total_count ?? projects.length };
}

function projectFindings(
  mapping: RedmineMapping,
  project: z.output<typeof checkedProject>,
): MappingFinding[] {
  const findings: MappingFinding[] = [];
  const name = project.name;
  if (!project.trackers.some(({ id }) => id === mapping.trackerId))
    findings.push({ kind: 'project_tracker', project: name, id: mapping.trackerId });
  const enabled = new Set(project.issue_custom_fields.map(({ id }) => id));
  for (const [role, id] of Object.entries(mapping.issueFields) as [IssueFieldRole, number | null][])
    if (id !== null && !enabled.has(id))
      findings.push({ kind: 'issue_field', project: name, role, id });
  for (const [role, id] of Object.entries(mapping.projectFields) as [ProjectFieldRole, number][]) {
    const field = project.custom_fields.find((candidate) => candidate.id === id);
    if (field === undefined)
      findings.push({ kind: 'project_field', project: name, role, id, problem: 'missing' });
    else if (isBlank(field.value))
      findings.push({ kind: 'project_field', project: name, role, id, problem: 'empty' });
  }
  return findings;
}

function isBlank(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  return value === null || value === undefined;
}

import { describe, expect, it } from 'vitest';
import { checkRedmineMapping, projectsOfPage } from '@shared/erp/redmine/mapping-check';
import { DEFAULT_REDMINE_MAPPING, type RedmineMapping } from '@shared/erp/redmine/mapping';
import { recorded } from './recorded';

// The tracker and activity lists were not recorded; these are their shapes as Redmine 5.0.4
// answers them, with the ids its default data (Russian) creates.
const TRACKERS = {
  trackers: [
    { id: 1, name: 'Ошибка', default_status: { id: 1, name: 'Новая' } },
    { id: 3, name: 'Поддержка', default_status: { id: 1, name: 'Новая' } },
  ],
};
const ACTIVITIES = {
  time_entry_activities: [{ id: 9, name: 'Разработка', is_default: false, active: true }],
};
// The recorded project with its trackers and enabled issue fields (all of 1–12 in «Северсталь»).
const severstal = (recorded('project-with-issue-custom-fields').body as { project: unknown })
  .project as Record<string, unknown>;

function answers(projects: unknown[] = [severstal]) {
  return {
    trackers: TRACKERS,
    statuses: recorded('issue-statuses').body,
    priorities: recorded('issue-priorities').body,
    activities: ACTIVITIES,
    projects,
  };
}
const withMapping = (change: (mapping: RedmineMapping) => void) => {
  const mapping = structuredClone(DEFAULT_REDMINE_MAPPING);
  change(mapping);
  return mapping;
};

describe('checkRedmineMapping', () => {
  it('finds nothing missing on the Redmine the README configures', () => {
    expect(checkRedmineMapping(DEFAULT_REDMINE_MAPPING, answers())).toEqual({
      ok: true,
      findings: [],
    });
  });

  it('names every global id the key cannot see', () => {
    const mapping = withMapping((m) => {
      m.trackerId = 42;
      m.statuses.paused = 77;
      m.priorities[4] = 88;
      m.timeEntryActivityId = 99;
    });
    const result = checkRedmineMapping(mapping, answers());
    expect(result.ok && result.findings).toEqual([
      { kind: 'tracker', id: 42 },
      { kind: 'status', role: 'paused', id: 77 },
      { kind: 'priority', level: 4, id: 88 },
      { kind: 'activity', id: 99 },
      // The project has tracker 3, not the mapped 42.
      { kind: 'project_tracker', project: 'ООО «Северсталь-Сервис»', id: 42 },
    ]);
  });

  it('names per project the issue field not enabled there, and empty or absent project fields', () => {
    const uraltechno = {
      ...severstal,
      name: 'АО «Уралтехно»',
      issue_custom_fields: (severstal.issue_custom_fields as { id: number }[]).filter(
        ({ id }) => id !== 3,
      ),
      custom_fields: [
        { id: 13, name: 'Часовой пояс (IANA)', value: '  ' },
        { id: 14, name: 'Производственный календарь', value: 'RU' },
      ],
    };
    const result = checkRedmineMapping(DEFAULT_REDMINE_MAPPING, answers([severstal, uraltechno]));
    expect(result.ok && result.findings).toEqual([
      { kind: 'issue_field', project: 'АО «Уралтехно»', role: 'steps', id: 3 },
      {
        kind: 'project_field',
        project: 'АО «Уралтехно»',
        role: 'timeZone',
        id: 13,
        problem: 'empty',
      },
      {
        kind: 'project_field',
        project: 'АО «Уралтехно»',
        role: 'emailDomains',
        id: 15,
        problem: 'missing',
      },
    ]);
  });

  it('an optional field left unmapped is not looked for', () => {
    const mapping = withMapping((m) => {
      m.issueFields.lateRegistrationReason = null;
      m.timeEntryActivityId = null;
    });
    const project = {
      ...severstal,
      issue_custom_fields: (severstal.issue_custom_fields as { id: number }[]).filter(
        ({ id }) => id !== 12,
      ),
    };
    const result = checkRedmineMapping(mapping, { ...answers([project]), activities: null });
    expect(result).toEqual({ ok: true, findings: [] });
  });

  it('says when the key sees no project at all', () => {
    const result = checkRedmineMapping(DEFAULT_REDMINE_MAPPING, answers([]));
    expect(result.ok && result.findings).toEqual([{ kind: 'no_projects' }]);
  });

  it('names the answer that is not a Redmine list instead of guessing', () => {
    const result = checkRedmineMapping(DEFAULT_REDMINE_MAPPING, {
      ...answers(),
      statuses: '<html>login</html>',
    });
    expect(result).toEqual({
      ok: false,
      reason: "not Redmine's answer to GET /issue_statuses.json",
    });
  });
});

describe('projectsOfPage', () => {
  it('reads the recorded /projects.json page and its total', () => {
    const page = projectsOfPage(recorded('projects').body);
    expect(page?.projects.length).toBeGreaterThan(0);
    expect(page?.total).toBe(page?.projects.length);
  });

  it('refuses a body that is not a project list', () => {
    expect(projectsOfPage({ issues: [] })).toBeNull();
  });
});

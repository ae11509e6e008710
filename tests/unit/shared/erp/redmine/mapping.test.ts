import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REDMINE_MAPPING,
  mappingProblems,
  redmineMapping,
} from '@shared/erp/redmine/mapping';

describe('Redmine mapping', () => {
  it('accepts the defaults (the ids the README setup creates)', () => {
    expect(mappingProblems(DEFAULT_REDMINE_MAPPING)).toEqual([]);
  });

  it('fills the optional ids with null', () => {
    const without = (object: object, key: string) =>
      Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
    const parsed = redmineMapping.parse({
      ...without(DEFAULT_REDMINE_MAPPING, 'timeEntryActivityId'),
      issueFields: without(DEFAULT_REDMINE_MAPPING.issueFields, 'lateRegistrationReason'),
    });
    expect(parsed.timeEntryActivityId).toBeNull();
    expect(parsed.issueFields.lateRegistrationReason).toBeNull();
  });

  it.each([
    [{ trackerId: 0 }, 'trackerId: trackerId must be a Redmine id: 1 or more'],
    [{ trackerId: '3' }, 'trackerId: trackerId must be a Redmine id (a whole number)'],
    [{ trackerId: 2.5 }, 'trackerId: trackerId must be a whole number'],
    [
      { statuses: { ...DEFAULT_REDMINE_MAPPING.statuses, paused: 2 } },
      'statuses.paused and statuses.inProgress are both 2: each needs its own',
    ],
    [
      { priorities: { 1: 5, 2: 4, 3: 3 } },
      'priorities.4: priorities.4 must be a Redmine id (a whole number)',
    ],
    [
      { issueFields: { ...DEFAULT_REDMINE_MAPPING.issueFields, steps: 2 } },
      'issueFields.steps and issueFields.account are both 2: each needs its own',
    ],
    [
      { projectFields: { timeZone: 13, calendar: 14 } },
      'projectFields.emailDomains: projectFields.emailDomains must be a Redmine id (a whole number)',
    ],
    [{ extra: 1 }, 'Unrecognized key: "extra"'],
  ])('says what is wrong with %j', (patch, problem) => {
    expect(mappingProblems({ ...DEFAULT_REDMINE_MAPPING, ...patch })).toContain(problem);
  });
});

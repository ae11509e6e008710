import { describe, expect, it } from 'vitest';
import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';
import {
  mappingText,
  parseMappingText,
} from '../../../../renderer/features/settings/redmine-mapping-form';

const edited = (change: (mapping: Record<string, unknown>) => void) => {
  const mapping = JSON.parse(mappingText(DEFAULT_REDMINE_MAPPING)) as Record<string, unknown>;
  change(mapping);
  return JSON.stringify(mapping);
};

describe('the Redmine mapping editor', () => {
  it('reads back what it shows', () => {
    expect(parseMappingText(mappingText(DEFAULT_REDMINE_MAPPING))).toEqual({
      ok: true,
      mapping: DEFAULT_REDMINE_MAPPING,
    });
  });

  it.each([
    ['a cut-off paste', '{"trackerId": 3,', [{ code: 'json' }]],
    [
      'an id typed as text',
      edited((m) => (m.trackerId = '3')),
      [{ code: 'notId', path: 'trackerId' }],
    ],
    [
      'a zero id',
      edited((m) => ((m.projectFields as Record<string, number>).calendar = 0)),
      [{ code: 'notId', path: 'projectFields.calendar' }],
    ],
    [
      'a field deleted',
      edited((m) => delete (m.issueFields as Record<string, number>).steps),
      [{ code: 'missing', path: 'issueFields.steps' }],
    ],
    [
      'a typo in a field name',
      edited((m) => (m.trackerID = 3)),
      [{ code: 'unknownKey', path: 'trackerID' }],
    ],
    [
      'two statuses on one id',
      edited((m) => ((m.statuses as Record<string, number>).paused = 1)),
      [{ code: 'duplicate', path: 'statuses.paused', other: 'statuses.new', id: '1' }],
    ],
  ])('names what is wrong in %s', (_label, text, issues) => {
    const parsed = parseMappingText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toMatchObject(issues);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_REDMINE_MAPPING } from '../../../../shared/erp/redmine/mapping';
import { describeIssues, requestInputSchemas } from '../../../../shared/host/request-schemas';
import {
  applySettingsPatch,
  credentialStillFits,
  defaultSettings,
  settingsSchema,
  type ErpSettings,
} from '../../../../shared/host/schemas';

const setSettings = requestInputSchemas['settings:set'];
const check = requestInputSchemas['erp:check'];
const configured = (baseUrl: string, kind: ErpSettings['kind'] = 'prokontakt'): ErpSettings => ({
  ...defaultSettings().erp,
  mode: 'configured',
  baseUrl,
  kind,
});

describe('the ERP kind and the Redmine mapping in the settings', () => {
  it('reads a file written before Redmine existed as contract 2 with the default mapping', () => {
    const loaded = settingsSchema.parse({
      version: 1,
      erp: { mode: 'configured', baseUrl: 'https://erp.digit.example/' },
    });
    expect(loaded.erp).toEqual({
      mode: 'configured',
      baseUrl: 'https://erp.digit.example/',
      kind: 'prokontakt',
      redmineMapping: DEFAULT_REDMINE_MAPPING,
    });
  });

  it('refuses a stored mapping with a bad id, naming the field, rather than guessing', () => {
    const parsed = settingsSchema.safeParse({
      version: 1,
      erp: {
        mode: 'configured',
        baseUrl: 'https://redmine.example/',
        kind: 'redmine',
        redmineMapping: { ...DEFAULT_REDMINE_MAPPING, trackerId: 0 },
      },
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error)).toContain('trackerId');
  });

  it('changes the kind alone, keeping the address and the mapping', () => {
    const current = { ...defaultSettings(), erp: configured('https://redmine.example/') };
    const next = applySettingsPatch(current, setSettings.parse({ erp: { kind: 'redmine' } }));
    expect(next.erp).toEqual(configured('https://redmine.example/', 'redmine'));
  });

  it('takes a whole mapping and keeps the place as it was', () => {
    const mapping = { ...DEFAULT_REDMINE_MAPPING, trackerId: 7 };
    const current = {
      ...defaultSettings(),
      erp: configured('https://redmine.example/', 'redmine'),
    };
    const next = applySettingsPatch(
      current,
      setSettings.parse({ erp: { redmineMapping: mapping } }),
    );
    expect(next.erp.redmineMapping.trackerId).toBe(7);
    expect(next.erp.baseUrl).toBe('https://redmine.example/');
  });

  it.each([
    [{ kind: 'jira' }, 'kind'],
    [{ redmineMapping: { ...DEFAULT_REDMINE_MAPPING, trackerId: 'three' } }, 'trackerId'],
    [
      { redmineMapping: { ...DEFAULT_REDMINE_MAPPING, statuses: { new: 1 } } },
      'statuses.inProgress',
    ],
    [
      {
        redmineMapping: {
          ...DEFAULT_REDMINE_MAPPING,
          priorities: { 1: 5, 2: 5, 3: 3, 4: 2 },
        },
      },
      'both 5',
    ],
    [{ redmineMapping: { ...DEFAULT_REDMINE_MAPPING, extra: 1 } }, 'extra'],
  ])('refuses %j, naming what is wrong', (erp, why) => {
    const parsed = setSettings.safeParse({ erp });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error)).toContain(why);
  });
});

describe('credentialStillFits', () => {
  it.each([
    // Same origin and kind: the stored token/key still belongs to this ERP.
    [configured('https://erp.example/a/'), configured('https://erp.example/b/'), true],
    [configured('https://erp.example/'), configured('https://other.example/'), false],
    // A contract-2 token is not a Redmine API key, even on the same host.
    [configured('https://erp.example/'), configured('https://erp.example/', 'redmine'), false],
    [
      configured('https://erp.example/', 'redmine'),
      { ...configured('https://erp.example/', 'redmine'), mode: 'demo', baseUrl: null },
      false,
    ],
  ] as const)('%j → %j keeps the credential: %s', (before, after, fits) => {
    expect(credentialStillFits(before, after)).toBe(fits);
  });
});

describe('erp:check input', () => {
  it('reads an old page’s check (no kind) as contract 2', () => {
    expect(check.parse({ baseUrl: 'https://erp.example/', token: null }).kind).toBe('prokontakt');
  });

  it('needs the mapping for a Redmine check, and names a bad id in it', () => {
    const without = check.safeParse({
      baseUrl: 'https://r.example/',
      token: null,
      kind: 'redmine',
    });
    expect(without.success).toBe(false);
    if (!without.success) expect(describeIssues(without.error)).toContain('redmineMapping');
    const bad = check.safeParse({
      baseUrl: 'https://r.example/',
      token: null,
      kind: 'redmine',
      redmineMapping: { ...DEFAULT_REDMINE_MAPPING, projectFields: { timeZone: -1 } },
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeIssues(bad.error)).toContain('projectFields.timeZone');
  });
});

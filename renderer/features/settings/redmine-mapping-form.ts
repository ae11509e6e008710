import { redmineMapping, type RedmineMapping } from '@shared/erp/redmine/mapping';

/**
 * The mapping editor's text → the mapping the host will take, or each problem with the field's
 * path, so the page can word it in RU/EN (redmine-messages.ts `mappingIssues`). The host checks
 * the same schema again; this module exists to say *what* is wrong, field by field.
 */
export type MappingIssue =
  | { code: 'json'; detail: string }
  | { code: 'notId' | 'missing' | 'unknownKey'; path: string }
  | { code: 'duplicate'; path: string; other: string; id: string }
  | { code: 'other'; path: string; detail: string };

export function mappingText(mapping: RedmineMapping): string {
  return JSON.stringify(mapping, null, 2);
}

export function parseMappingText(
  text: string,
): { ok: true; mapping: RedmineMapping } | { ok: false; issues: MappingIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ code: 'json', detail: (error as Error).message }] };
  }
  const parsed = redmineMapping.safeParse(value);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((issue): MappingIssue[] => {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => ({
          code: 'unknownKey',
          path: path === '' ? key : `${path}.${key}`,
        }));
      if (issue.code === 'custom') {
        // The schema's own words: "<a> and <b> are both <id>: each needs its own".
        const both = /^(\S+) and (\S+) are both (\d+)/.exec(issue.message);
        if (both) return [{ code: 'duplicate', path: both[1]!, other: both[2]!, id: both[3]! }];
      }
      if (issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined)
        return [{ code: 'missing', path }];
      if (issue.code === 'invalid_type' || issue.code === 'too_small')
        return [{ code: 'notId', path }];
      return [{ code: 'other', path, detail: issue.message }];
    }),
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

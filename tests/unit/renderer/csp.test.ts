import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A page's only Content-Security-Policy is the meta tag in its HTML (a file:// page gets no
// response headers), so that tag is the policy: read it as the browser would. Every HTML entry
// in renderer/ is checked: index.html (Electron) and web.html (the browser host), and any added.
const rendererDir = new URL('../../../renderer/', import.meta.url);
const entries = readdirSync(rendererDir).filter((name) => name.endsWith('.html'));

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    found.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

function readEntry(name: string) {
  const html = readFileSync(new URL(name, rendererDir), 'utf8');
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const cspTags = [...withoutComments.matchAll(/<meta\b[^>]*>/gi)]
    .map((match) => ({ index: match.index, attrs: attributes(match[0]) }))
    .filter(({ attrs }) => attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  return { withoutComments, cspTags };
}

// A browser honours the first of two same-named directives; a duplicate is a mistake either way.
function directives(policy: string): { parsed: Map<string, string[]>; duplicates: string[] } {
  const parsed = new Map<string, string[]>();
  const duplicates: string[] = [];
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    if (parsed.has(name.toLowerCase())) duplicates.push(name);
    else parsed.set(name.toLowerCase(), sources);
  }
  return { parsed, duplicates };
}

it('finds both host entries', () => {
  expect(entries).toEqual(expect.arrayContaining(['index.html', 'web.html']));
});

it('gives every entry the same policy', () => {
  const policies = entries.map((name) => readEntry(name).cspTags[0]?.attrs.get('content'));
  expect(new Set(policies).size).toBe(1);
});

describe.each(entries)('renderer CSP (%s)', (name) => {
  const { withoutComments, cspTags } = readEntry(name);

  it('has exactly one CSP meta tag, before any script', () => {
    expect(cspTags).toHaveLength(1);
    const firstScript = withoutComments.search(/<script\b/i);
    expect(firstScript).toBeGreaterThan(cspTags[0]!.index);
  });

  const { parsed: policy, duplicates } = directives(cspTags[0]?.attrs.get('content') ?? '');

  it('names each directive once', () => expect(duplicates).toEqual([]));

  it.each([
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('sets %s to %j', (name, sources) => {
    expect(policy.get(name)).toEqual(sources);
  });

  // Attachments preview images from this page's own Blob URLs (issue 13): `blob:` there only.
  // Scripts, frames, objects and workers from a blob: stay refused.
  it('allows blob: for images and nowhere else', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'blob:']);
    for (const name of ['script-src', 'worker-src', 'frame-src', 'object-src', 'style-src'])
      expect(policy.get(name) ?? [], name).not.toContain('blob:');
  });

  it('allows no inline code, eval, wildcard, other scheme or remote origin in any directive', () => {
    expect(policy.size).toBeGreaterThan(0);
    for (const [name, sources] of policy) {
      expect(sources.length, `${name} lists no source`).toBeGreaterThan(0);
      const allowed = name === 'img-src' ? ["'self'", 'blob:'] : ["'self'", "'none'"];
      for (const source of sources) {
        expect(allowed, `${name} allows ${source}`).toContain(source.toLowerCase());
      }
      if (sources.includes("'none'")) expect(sources, `${name} mixes 'none'`).toHaveLength(1);
    }
  });

  it('has no inline script or event handler the policy would have to allow', () => {
    for (const match of withoutComments.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      expect(attributes(match[0].slice(0, match[0].indexOf('>') + 1)).has('src')).toBe(true);
      expect(match[1]!.trim()).toBe('');
    }
    expect(withoutComments).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(withoutComments).not.toMatch(/javascript:/i);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './package-check';

/*
 * The host is chosen at build time: Electron loads index.html (main.electron.ts), the browser
 * host runs from web.html (main.web.ts). These checks read the build itself, so they hold
 * whatever the sources look like: the desktop page can reach no browser-host code at all.
 */

const rendererOut = join(repoRoot, 'out', 'renderer');

// Modules only the browser host uses. The build is not minified, so each module's code is headed
// by a `// <path>` comment; the web page must show every one of them, or this test proves nothing.
const BROWSER_HOST_MODULES = [
  'renderer/main.web.ts',
  'renderer/lib/browser-host.ts',
  'renderer/lib/browser-settings.ts',
  'renderer/lib/browser-diagnostics.ts',
  'renderer/lib/serving-process.ts',
  'renderer/lib/log-ring.ts',
];
// A string of the browser host's own, which minifying would keep.
const BROWSER_HOST_STRING = 'prokontakt.alerts.fired';

interface PageGraph {
  /** Files the HTML itself names (scripts, module preloads, stylesheets). */
  linked: string[];
  /** Those and every chunk or stylesheet they import, statically or dynamically. */
  reached: Set<string>;
  code: string;
}

/** Follows every "./x.js" / "./x.css" a file names: over-reaching only makes the check stricter. */
function pageGraph(page: string): PageGraph {
  const html = readFileSync(join(rendererOut, page), 'utf8');
  const linked = [...html.matchAll(/\s(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map(
    (match) => match[1]!,
  );
  const reached = new Set<string>();
  const queue = [...linked];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (reached.has(file)) continue;
    reached.add(file);
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(rendererOut, file), 'utf8');
    for (const match of text.matchAll(/["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g)) {
      const named = posix.join(posix.dirname(file), match[1]!);
      // A vendored bundle names its own inner modules ("./v1.js" in exceljs's browserify
      // build): no such file was emitted, so there is no code to follow.
      if (existsSync(join(rendererOut, named))) queue.push(named);
    }
  }
  const code = [...reached]
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(rendererOut, file), 'utf8'))
    .join('\n');
  return { linked, reached, code };
}

let electron: PageGraph;
let web: PageGraph;

beforeAll(() => {
  for (const page of ['index.html', 'web.html']) {
    if (!existsSync(join(rendererOut, page))) {
      throw new Error(`out/renderer/${page} is missing: run \`npm run build\` first`);
    }
  }
  electron = pageGraph('index.html');
  web = pageGraph('web.html');
});

/** Which browser-host modules (and its own string) a page's code holds. */
function browserHostTraces(graph: PageGraph): string[] {
  return [
    ...BROWSER_HOST_MODULES.filter((module) => graph.code.includes(`// ${module}\n`)),
    ...(graph.code.includes(BROWSER_HOST_STRING) ? [BROWSER_HOST_STRING] : []),
  ];
}

describe('renderer entries', () => {
  it('gives the browser page the browser host (the control for the check below)', () => {
    expect(browserHostTraces(web)).toEqual([...BROWSER_HOST_MODULES, BROWSER_HOST_STRING]);
  });

  it("never lets Electron's page reach browser-host code", () => {
    expect(electron.code).toContain('// renderer/main.electron.ts\n');
    expect(browserHostTraces(electron)).toEqual([]);
  });

  it('shares the app itself between both pages', () => {
    const shared = [...electron.reached].filter((file) => web.reached.has(file));
    const sharedCode = shared.map((file) => readFileSync(join(rendererOut, file), 'utf8'));
    expect(sharedCode.join('\n')).toContain('// renderer/app/App.tsx\n');
  });

  it('links the error screen styles from each HTML itself, not through a script', () => {
    for (const graph of [electron, web]) {
      const css = graph.linked
        .filter((file) => file.endsWith('.css'))
        .map((file) => readFileSync(join(rendererOut, file), 'utf8'))
        .join('\n');
      expect(css).toContain('.failure-window');
      expect(css).toContain('--accent');
    }
  });
});

import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFiles } from '../../../../../electron/main/adapters/node-files';
import type { FilePort } from '../../../../../electron/main/services/file-port';
import { createSettingsStore } from '../../../../../electron/main/services/settings-store';
import { defaultSettings } from '../../../../../shared/host/schemas';
import { createMemoryFiles } from './memory-files';

const PATH = '/userData/settings.json';
const now = () => new Date('2026-11-25T10:15:30.123Z');

describe('settings store', () => {
  it('starts from defaults when there is no file', async () => {
    const { files } = createMemoryFiles();
    const snapshot = await createSettingsStore({ files, path: PATH, now }).load();
    expect(snapshot).toEqual({ settings: defaultSettings(), problem: null });
  });

  it('asks nobody to choose an ERP again when an earlier build ran here without a file', async () => {
    const { files } = createMemoryFiles();
    const ranBefore = async () => true;
    const snapshot = await createSettingsStore({ files, path: PATH, now, ranBefore }).load();
    expect(snapshot.settings.erp).toMatchObject({ mode: 'demo', baseUrl: null });
    expect(snapshot.problem).toBeNull();
  });

  it('leaves a new install on "no ERP chosen" (first run)', async () => {
    const { files } = createMemoryFiles();
    const ranBefore = async () => false;
    const snapshot = await createSettingsStore({ files, path: PATH, now, ranBefore }).load();
    expect(snapshot.settings.erp).toMatchObject({ mode: 'unset', baseUrl: null });
  });

  it.each([
    // The ERP choice came with the Settings page; files from before it stay on their ERP.
    [
      'the demo (no address)',
      { version: 1, erp: { baseUrl: null } },
      { mode: 'demo', baseUrl: null },
    ],
    ['no erp section at all', { version: 1 }, { mode: 'demo', baseUrl: null }],
    [
      'an address',
      { version: 1, erp: { baseUrl: 'https://erp.digit.example/api/' } },
      { mode: 'configured', baseUrl: 'https://erp.digit.example/api/' },
    ],
  ])(
    'loads a file written before the ERP choice existed, %s, on that ERP',
    async (_l, file, erp) => {
      const { files } = createMemoryFiles({ [PATH]: JSON.stringify(file) });
      const snapshot = await createSettingsStore({ files, path: PATH, now }).load();
      expect(snapshot.problem).toBeNull();
      // Files from before Redmine speak contract 2, and get the default mapping to edit.
      expect(snapshot.settings.erp).toEqual({
        ...erp,
        kind: 'prokontakt',
        redmineMapping: DEFAULT_REDMINE_MAPPING,
      });
      expect(snapshot.settings.tray).toEqual({
        launchAtLogin: false,
        startHidden: true,
        closeToTray: true,
      });
      expect(snapshot.settings.ui).toEqual({ language: null });
    },
  );

  it('loads a valid file, filling sections an older build did not write', async () => {
    const { files } = createMemoryFiles({
      [PATH]: JSON.stringify({ version: 1, sync: { intervalMinutes: 10 }, futureKey: true }),
    });
    const snapshot = await createSettingsStore({ files, path: PATH, now }).load();
    expect(snapshot.problem).toBeNull();
    expect(snapshot.settings.sync.intervalMinutes).toBe(10);
    expect(snapshot.settings.alerts).toEqual(defaultSettings().alerts);
  });

  it.each([
    ['truncated JSON', '{"version":1,"sync":{"interval', 'not valid JSON'],
    ['an empty file', '', 'not valid JSON'],
    ['a wrong type', '{"version":1,"sync":{"intervalMinutes":"often"}}', 'sync.intervalMinutes'],
    [
      'an insecure ERP address',
      '{"version":1,"erp":{"baseUrl":"http://erp.example"}}',
      'erp.baseUrl',
    ],
    ['a future format version', '{"version":2}', 'version'],
    ['JSON that is not an object', '[1,2,3]', 'input'],
  ])('reports a corrupt file (%s) and leaves it untouched', async (_label, content, mentions) => {
    const { files, text } = createMemoryFiles({ [PATH]: content });
    const store = createSettingsStore({ files, path: PATH, now });
    const snapshot = await store.load();

    expect(snapshot.settings).toEqual(defaultSettings());
    expect(snapshot.problem).toMatchObject({ kind: 'corrupt', source: PATH, preservedAs: null });
    expect(snapshot.problem?.detail).toContain(mentions);
    expect(text(PATH)).toBe(content);
  });

  it('reports bytes that are not UTF-8', async () => {
    const { files } = createMemoryFiles({ [PATH]: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]) });
    const snapshot = await createSettingsStore({ files, path: PATH, now }).load();
    expect(snapshot.problem?.kind).toBe('corrupt');
  });

  it('moves a corrupt file aside on the first save instead of overwriting it', async () => {
    const { files, text } = createMemoryFiles({ [PATH]: '{ broken' });
    const store = createSettingsStore({ files, path: PATH, now });
    await store.load();

    const result = await store.update({ sync: { intervalMinutes: 15 } });
    const kept = `${PATH}.corrupt-2026-11-25T10-15-30-123Z`;
    expect(result).toMatchObject({ ok: true, value: { problem: { preservedAs: kept } } });
    expect(text(kept)).toBe('{ broken');
    expect(JSON.parse(text(PATH) ?? '')).toMatchObject({ sync: { intervalMinutes: 15 } });

    // Later saves just write; the kept original stays where it is.
    await store.update({ sync: { intervalMinutes: 20 } });
    expect(text(kept)).toBe('{ broken');
  });

  it('saves and reloads', async () => {
    const { files } = createMemoryFiles();
    const store = createSettingsStore({ files, path: PATH, now });
    await store.load();
    await store.update({ erp: { mode: 'configured', baseUrl: 'https://erp.digit.example' } });
    const reloaded = await createSettingsStore({ files, path: PATH, now }).load();
    expect(reloaded).toEqual({
      settings: {
        ...defaultSettings(),
        erp: { ...defaultSettings().erp, mode: 'configured', baseUrl: 'https://erp.digit.example' },
      },
      problem: null,
    });
  });

  it('hands out copies, so callers cannot change the stored settings by accident', async () => {
    const { files } = createMemoryFiles();
    const store = createSettingsStore({ files, path: PATH, now });
    await store.load();
    store.current().alerts.levels.push(0.5);
    expect(store.current().alerts.levels).toEqual(defaultSettings().alerts.levels);
  });
});

/** A file port whose writes wait until the test lets each one through. */
function heldWrites() {
  const memory = createMemoryFiles();
  const held: Array<() => void> = [];
  const files: FilePort = {
    ...memory.files,
    async writeAtomic(path, data) {
      await new Promise<void>((release) => held.push(release));
      await memory.files.writeAtomic(path, data);
    },
  };
  return { files, held, text: memory.text };
}

/** Lets the event loop run until the port holds `count` writes. */
async function untilHeld(held: unknown[], count: number): Promise<void> {
  while (held.length < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('settings store under concurrent saves', () => {
  it('keeps both of two updates in flight that touch different sections', async () => {
    const { files, held, text } = heldWrites();
    const store = createSettingsStore({ files, path: PATH, now });
    await store.load();

    const first = store.update({ sync: { intervalMinutes: 10 } });
    const second = store.update({ alerts: { enabled: false } });
    await untilHeld(held, 1);
    held[0]!();
    await untilHeld(held, 2);
    held[1]!();
    await Promise.all([first, second]);

    expect(store.current()).toMatchObject({
      sync: { intervalMinutes: 10 },
      alerts: { enabled: false },
    });
    expect(JSON.parse(text(PATH) ?? '')).toMatchObject({
      sync: { intervalMinutes: 10 },
      alerts: { enabled: false },
    });
  });

  it('a failed write changes nothing and does not block the next update', async () => {
    const memory = createMemoryFiles();
    let failNext = true;
    const files: FilePort = {
      ...memory.files,
      async writeAtomic(path, data) {
        if (failNext) {
          failNext = false;
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        await memory.files.writeAtomic(path, data);
      },
    };
    const store = createSettingsStore({ files, path: PATH, now });
    await store.load();
    const failed = store.update({ sync: { intervalMinutes: 10 } });
    const next = store.update({ alerts: { enabled: false } });
    await expect(failed).rejects.toThrow(/ENOSPC/);
    await expect(next).resolves.toMatchObject({ ok: true });
    expect(store.current().sync.intervalMinutes).toBe(defaultSettings().sync.intervalMinutes);
    expect(JSON.parse(memory.text(PATH) ?? '')).toMatchObject({ alerts: { enabled: false } });
  });
});

describe('settings store on the real file system', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('reports a corrupt settings.json and keeps its bytes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'prokontakt-settings-'));
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"version":1,"alerts":{"enabled":"yes"');
    const store = createSettingsStore({ files: createNodeFiles(), path, now });

    const snapshot = await store.load();
    expect(snapshot.problem?.detail).toMatch(/not valid JSON/);
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"alerts":{"enabled":"yes"');

    await store.update({ alerts: { enabled: false } });
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['settings.json', 'settings.json.corrupt-2026-11-25T10-15-30-123Z']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ alerts: { enabled: false } });
  });
});

import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_DEFAULT_FUSES, findUnpackedApp } from './package-check';

// electron-builder flips the fuses on the executable after packing; pack-dir.ts gave it a stand-in
// that starts with Electron's default wire, so each assertion here fails if the configuration
// stops setting that fuse.

type FuseName = keyof typeof FuseV1Options;
const stateOf = (code: number | undefined) =>
  code === undefined
    ? 'absent'
    : (({ 48: 'off', 49: 'on', 114: 'removed' } as const)[code] ?? `?${code}`);

let wire: Record<string, unknown>;

beforeAll(async () => {
  wire = await getCurrentFuseWire(findUnpackedApp().executable);
});

const fuse = (name: FuseName) => stateOf(wire[FuseV1Options[name]] as number | undefined);

describe('fuses of the packaged executable', () => {
  it('read back as the stand-in V1 wire, every fuse present', () => {
    expect(wire.version).toBe('1');
    expect(Object.keys(wire).filter((key) => key !== 'version')).toHaveLength(
      ELECTRON_DEFAULT_FUSES.length,
    );
  });

  it('refuse ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect', () => {
    expect(fuse('RunAsNode')).toBe('off');
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe('off');
    expect(fuse('EnableNodeCliInspectArguments')).toBe('off');
  });

  it('load the app only from an integrity-checked app.asar', () => {
    expect(fuse('OnlyLoadAppFromAsar')).toBe('on');
    expect(fuse('EnableEmbeddedAsarIntegrityValidation')).toBe('on');
  });

  it('encrypt cookies and keep file:// privileges for the file-loaded renderer', () => {
    expect(fuse('EnableCookieEncryption')).toBe('on');
    expect(fuse('GrantFileProtocolExtraPrivileges')).toBe('on');
  });

  it('leave the V8 snapshot fuse at its default', () => {
    expect(fuse('LoadBrowserProcessSpecificV8Snapshot')).toBe('off');
  });
});

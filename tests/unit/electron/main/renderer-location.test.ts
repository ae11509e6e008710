import { describe, expect, it } from 'vitest';
import { resolveRendererLocation } from '../../../../electron/main/renderer-location';
import { isTrustedUrl } from '../../../../electron/main/trusted-url';

describe('resolveRendererLocation', () => {
  const rendererDir = '/opt/prokontakt/out/renderer';

  it('loads the built file and trusts only its folder by default', () => {
    const location = resolveRendererLocation({
      devServerUrl: undefined,
      isPackaged: true,
      rendererDir,
    });
    expect(location.entry).toEqual({ kind: 'file', path: `${rendererDir}/index.html` });
    expect(isTrustedUrl(`file://${rendererDir}/index.html`, location.trusted)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', location.trusted)).toBe(false);
  });

  it('ignores a dev-server URL in a packaged app', () => {
    const location = resolveRendererLocation({
      devServerUrl: 'http://localhost:5173/',
      isPackaged: true,
      rendererDir,
    });
    expect(location.entry.kind).toBe('file');
    expect(location.trusted.devServerOrigin).toBeNull();
  });

  it('uses a loopback dev server when unpackaged', () => {
    const location = resolveRendererLocation({
      devServerUrl: 'http://localhost:5173/',
      isPackaged: false,
      rendererDir,
    });
    expect(location.entry).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(location.trusted).toEqual({
      devServerOrigin: 'http://localhost:5173',
      rendererDirUrl: null,
    });
  });

  it.each(['https://evil.example/', 'http://evil.example:5173/', 'file:///tmp/x.html', 'nonsense'])(
    'refuses a non-loopback dev server %s',
    (devServerUrl) => {
      const location = resolveRendererLocation({ devServerUrl, isPackaged: false, rendererDir });
      expect(location.entry.kind).toBe('file');
    },
  );
});

import { pathToFileURL } from 'node:url';
import type { TrustedLocations } from './trusted-url';

export type RendererEntry = { kind: 'url'; url: string } | { kind: 'file'; path: string };

export interface RendererLocation {
  entry: RendererEntry;
  trusted: TrustedLocations;
}

/**
 * Where the window loads the UI from and, derived from the same facts, which URLs count as the
 * app's own. A dev-server URL is honoured only in an unpackaged build and only on loopback http:
 * an environment variable must never point a shipped app (and its preload) at a remote page.
 */
export function resolveRendererLocation(options: {
  devServerUrl: string | undefined;
  isPackaged: boolean;
  rendererDir: string;
}): RendererLocation {
  const dev = options.isPackaged ? null : parseLoopbackHttp(options.devServerUrl);
  if (dev !== null) {
    return {
      entry: { kind: 'url', url: dev.href },
      trusted: { devServerOrigin: dev.origin, rendererDirUrl: null },
    };
  }
  const dirUrl = pathToFileURL(options.rendererDir).href;
  return {
    entry: { kind: 'file', path: `${options.rendererDir}/index.html` },
    trusted: {
      devServerOrigin: null,
      rendererDirUrl: dirUrl.endsWith('/') ? dirUrl : `${dirUrl}/`,
    },
  };
}

function parseLoopbackHttp(raw: string | undefined): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url : null;
  } catch {
    return null;
  }
}

import type { HostBridge } from '@shared/host/contract';
import { createBrowserHost } from './browser-host';

/*
 * The renderer's only door to the desktop side. In Electron the preload puts the bridge on
 * `window.prokontakt`; in a plain browser (npm run dev:web, Playwright) the browser host stands
 * in with the same API. Nothing else in the renderer may look at either.
 */

declare global {
  interface Window {
    prokontakt?: HostBridge;
  }
}

export type HostKind = 'electron' | 'browser';

let instance: { host: HostBridge; kind: HostKind } | null = null;

function resolve(): { host: HostBridge; kind: HostKind } {
  instance ??= window.prokontakt
    ? { host: window.prokontakt, kind: 'electron' }
    : { host: exposed(createBrowserHost()), kind: 'browser' };
  return instance;
}

// The browser host takes the preload bridge's place on `window.prokontakt`, read-only as
// contextBridge makes it, so page scripts and tests reach either host the same way.
function exposed(host: HostBridge): HostBridge {
  Object.defineProperty(window, 'prokontakt', {
    value: Object.freeze(host),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  return host;
}

export function getHost(): HostBridge {
  return resolve().host;
}

export function getHostKind(): HostKind {
  return resolve().kind;
}

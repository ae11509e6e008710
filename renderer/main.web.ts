import type { HostBridge } from '@shared/host/contract';
import { startRenderer } from './app/start-renderer';

/*
 * The browser host's entry (web.html, served by `npm run dev:web` and the Playwright tests): the
 * same app over a host made of fetch, localStorage and Web Notifications.
 */
void startRenderer('browser', async () => {
  // Imported here, not at the top, so a browser host that fails to load ends on the error screen.
  const { createBrowserHost } = await import('./lib/browser-host');
  return exposedOnWindow(createBrowserHost());
});

// The browser host takes the preload bridge's place on `window.prokontakt`, read-only as
// contextBridge makes it, so page scripts and tests reach either host the same way.
function exposedOnWindow(host: HostBridge): HostBridge {
  Object.defineProperty(window, 'prokontakt', {
    value: Object.freeze(host),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  return host;
}

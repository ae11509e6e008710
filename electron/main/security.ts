import { app, session } from 'electron';
import { isTrustedUrl, type TrustedLocations } from './trusted-url';

/**
 * What the app's own page may hold, and nothing else may: notifications, and writing text to the
 * clipboard (the error screens' "copy diagnostics"; Chromium allows it only in answer to a click,
 * and sanitizes what is written). Camera, microphone, geolocation, MIDI, clipboard reads,
 * openExternal… are never needed (main shows the desk alerts and opens links itself), so they are
 * refused without asking the user.
 */
const PAGE_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
]);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  trusted: TrustedLocations,
): boolean {
  return (
    PAGE_PERMISSIONS.has(permission) &&
    requestingUrl !== undefined &&
    isTrustedUrl(requestingUrl, trusted)
  );
}

/** App-wide guards that apply to every web contents, including any we did not create. */
export function installSecurityGuards(trusted: TrustedLocations): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, trusted)),
  );
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl, trusted),
  );
  // WebHID, Web Serial and WebUSB devices: none, whatever the page asks for.
  ses.setDevicePermissionHandler(() => false);
}

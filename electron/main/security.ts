import { app, session } from 'electron';

// Permissions the renderer may use. Notifications are shown by main, media and geolocation are
// never needed; only writing to the clipboard (copying a ticket number) is.
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** App-wide guards that apply to every web contents, including any we did not create. */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    ALLOWED_PERMISSIONS.has(permission),
  );
}

/**
 * The IANA zone this computer is set to, as the JavaScript engine resolves it now. Chromium (and
 * with it Electron) re-resolves it when the system zone changes, but raises no event: callers
 * read it again periodically rather than once at start.
 */
export function resolvedTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

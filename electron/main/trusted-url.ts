/**
 * Where the app's own page may live. Pure and Electron-free so the predicates below can be
 * attacked with misleading URLs in plain Node tests.
 */
export interface TrustedLocations {
  /** Origin of the renderer dev server (http://localhost:5173), or null in a packaged build. */
  devServerOrigin: string | null;
  /** file:// URL of the folder holding the built renderer, or null when a dev server is used. */
  rendererDirUrl: string | null;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

// Chromium turns %2F / %5C back into separators when it maps a file: URL to a path, so an
// encoded slash could climb out of the renderer folder after the prefix check passed.
const ENCODED_SEPARATOR = /%2f|%5c|%00/i;

/**
 * True only for the app's own page: the exact dev-server origin, or a file inside the built
 * renderer folder. Compares parsed origins and normalised paths, never string prefixes of the raw
 * URL, so "http://localhost:5173.evil.example" or "…/renderer/../../etc" do not pass.
 */
export function isTrustedUrl(raw: string, trusted: TrustedLocations): boolean {
  const url = parse(raw);
  if (!url || url.username !== '' || url.password !== '') return false;

  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const dev = trusted.devServerOrigin === null ? null : parse(trusted.devServerOrigin);
    return dev !== null && url.origin === dev.origin;
  }

  if (url.protocol === 'file:') {
    const dir = trusted.rendererDirUrl === null ? null : parse(trusted.rendererDirUrl);
    if (dir === null || dir.protocol !== 'file:') return false;
    // A host in a file: URL is a network share on Windows (\\host\share), never our bundle.
    if (url.host !== '' || dir.host !== '') return false;
    if (ENCODED_SEPARATOR.test(url.pathname)) return false;
    const prefix = dir.pathname.endsWith('/') ? dir.pathname : `${dir.pathname}/`;
    return url.pathname.startsWith(prefix);
  }

  return false;
}

/**
 * Links the user may open in the system browser or mail client: https: and mailto: only. Never
 * file:, javascript:, custom schemes (they launch other programs) or URLs with embedded
 * credentials (a classic way to disguise the real host).
 */
export function isAllowedExternalUrl(raw: string): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (url.protocol === 'mailto:') return url.pathname !== '';
  return (
    url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === ''
  );
}

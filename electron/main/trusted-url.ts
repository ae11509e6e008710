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
 * Hosts whose https: links may open in the system browser: the registration system the
 * regulation names (§6), and nothing else. Fixed at build time, so nothing the renderer sets (an
 * ERP address, say) can widen it.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze(['erp.smart-consulting.ru']);

// A backslash, whitespace or control character is read differently by other URL parsers (the
// browser or mail client that receives the link), so such a link is refused outright.
function hasAmbiguousCharacter(raw: string): boolean {
  if (/[\\\s]/.test(raw)) return true;
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

// Mail clients have honoured "attach=" and similar fields; only the harmless ones pass.
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc']);

/**
 * The link to hand to the system browser or mail client, or null when it must not leave the app:
 * mailto: (harmless fields only) and https: to one of `knownHosts` (host[:port], as URL.host
 * spells it). Never file:, javascript:, custom schemes (they launch other programs) or URLs with
 * credentials. The raw text must start with exactly the parsed origin, so percent-encoding,
 * Unicode look-alikes, trailing dots or an explicit port cannot make the app and the reader see
 * different hosts; the parser's own serialisation is what gets opened.
 */
export function externalUrlToOpen(raw: string, knownHosts: readonly string[]): string | null {
  if (hasAmbiguousCharacter(raw)) return null;
  const url = parse(raw);
  if (!url) return null;
  if (url.protocol === 'mailto:') return isPlainMailto(url) ? url.href : null;
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  const origin = `https://${url.host}`;
  const rest = raw.slice(origin.length);
  if (raw.slice(0, origin.length).toLowerCase() !== origin || !/^([/?#]|$)/.test(rest)) {
    return null;
  }
  return knownHosts.some((host) => host.toLowerCase() === url.host) ? url.href : null;
}

function isPlainMailto(url: URL): boolean {
  if (url.pathname === '' || url.pathname.startsWith('/')) return false;
  return [...url.searchParams.keys()].every((key) => MAILTO_FIELDS.has(key.toLowerCase()));
}

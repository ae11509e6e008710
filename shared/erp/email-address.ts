/*
 * The reply address of a request (§4: the result is reported to it). Russian customers use
 * internationalised domains (почта.рф), which zod's `z.email()` refuses. The rule here:
 *
 * - the mailbox (before "@") is ASCII: Latin letters, digits and . _ ' + - (the characters
 *   `z.email()` allowed before), dots neither first, last nor doubled. A Unicode mailbox needs
 *   SMTPUTF8 on every server on the way, which many do not offer, so the answer might never arrive;
 * - the domain may be Unicode, typed as it reads (not as "xn--" punycode). It is converted with the
 *   WHATWG URL parser's IDNA (UTS #46), as a browser or mail client would send it, and the ASCII
 *   form must be a DNS host name: two labels or more, each 1–63 letters, digits or inner hyphens,
 *   the last not all digits.
 *
 * The address is only checked, never rewritten: what the user typed is what is stored.
 */

export type EmailProblem = 'shape' | 'mailbox' | 'domain';

// shared/ compiles without DOM or Node types, yet both runtimes have a WHATWG URL parser.
const UrlParser = (globalThis as unknown as { URL: new (input: string) => { hostname: string } })
  .URL;

const MAILBOX = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A top-level domain is letters, or the punycode of a Unicode one (рф → xn--p1ai).
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// Invisible or separating characters (spaces of any kind, zero-width joiners, soft hyphens, BOM,
// controls): the IDNA mapping would silently drop some of them, so the stored text would differ
// from the address mail is sent to.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}]/u;
// ASCII other than letters, digits, dots and hyphens has no place in a host name, and the URL
// parser would read some of it as URL syntax ("/", "?", "#", ":", "%", "@", "[").
const NOT_HOST_ASCII = /[^A-Za-z0-9.\-\u0080-\uffff]/;

/** Why `value` is not a deliverable address, or null when it is one. */
export function emailProblem(value: string): EmailProblem | null {
  if (INVISIBLE.test(value)) return 'shape';
  const parts = value.split('@');
  if (parts.length !== 2) return 'shape';
  const [mailbox, domain] = parts as [string, string];
  if (mailbox === '' || domain === '') return 'shape';
  if (mailbox.length > 64 || !MAILBOX.test(mailbox)) return 'mailbox';
  const ascii = asciiDomain(domain);
  if (ascii === null || mailbox.length + 1 + ascii.length > 254) return 'domain';
  return null;
}

/** The domain as DNS spells it (punycode), or null when it is not a host name. */
export function asciiDomain(domain: string): string | null {
  if (NOT_HOST_ASCII.test(domain)) return null;
  const typed = domain.split('.');
  // Checked as typed too: "-почта" becomes "xn---…", which no longer shows the hyphen.
  if (typed.some((label) => label.startsWith('-') || label.endsWith('-'))) return null;
  // A typed punycode label ("xn--…") is verified by Node's URL parser but not by Chromium's, so
  // the device and the ERP would disagree about it; the domain is typed as it reads instead.
  if (typed.some((label) => /^xn--/i.test(label))) return null;
  let hostname: string;
  try {
    hostname = new UrlParser(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  const labels = hostname.split('.');
  // IDNA also reads "。" and "．" as dots: the dots mail is sent with must be the dots typed.
  if (hostname.length > 253 || labels.length !== typed.length) return null;
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  return TOP_LABEL.test(labels[labels.length - 1]!) ? hostname : null;
}

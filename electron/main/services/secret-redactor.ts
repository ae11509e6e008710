/**
 * Keeps the ERP token out of what the gateway hands to the renderer. The token is sent to the ERP
 * only, yet it can come back: a network stack that quotes the request (headers included) in its
 * error message, or a server or proxy that echoes the request in an error page.
 */
export interface SecretRedactor {
  /** True when the text could carry the secret, verbatim or behind JSON escapes. */
  mayHide(text: string): boolean;
  redact(text: string): string;
  /** A JSON.parse reviver that redacts every string value and key (a plain function: no `this`). */
  reviver: (key: string, value: unknown) => unknown;
}

export const REDACTED = '[redacted]';

// Shorter "secrets" (a test token, a typo) would mangle ordinary words in ERP answers, and hide
// nothing worth hiding.
const MIN_SECRET_LENGTH = 8;

/** The spellings under which a token travels: as is, base64, base64url and percent-encoded. */
export function secretSpellings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const spellings = [
    secret,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    encodeURIComponent(secret),
  ];
  return [...new Set(spellings)].filter((spelling) => spelling.length >= MIN_SECRET_LENGTH);
}

export function createSecretRedactor(secret: string | null): SecretRedactor {
  const spellings = secret === null ? [] : secretSpellings(secret);
  const redact = (text: string) =>
    spellings.reduce((result, spelling) => result.replaceAll(spelling, REDACTED), text);
  return {
    // Without a backslash in the JSON text every parsed string is a verbatim slice of it, so a
    // plain search is a complete test; with one, an escape could spell the secret differently.
    mayHide: (text) =>
      spellings.length > 0 &&
      (text.includes('\\') || spellings.some((spelling) => text.includes(spelling))),
    redact,
    reviver(_key, value) {
      if (typeof value === 'string') return redact(value);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const entries = Object.entries(value as Record<string, unknown>);
      if (!entries.some(([key]) => redact(key) !== key)) return value;
      return Object.fromEntries(entries.map(([key, inner]) => [redact(key), inner]));
    },
  };
}

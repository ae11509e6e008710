/*
 * The net under the logs and the diagnostics export: whatever looks like a credential is replaced
 * before text is written to disk or handed to a person. Callers should not log secrets in the
 * first place; this catches the ones that slip through (an error message quoting a header, a URL
 * with a query token, a URL with user:password@).
 */

export const REDACTED = '[redacted]';

// Names of key=value and JSON fields whose value is a secret: access_token, erpToken,
// client_secret, password, api-key, X-Signature…
const SECRET_NAME = String.raw`[\w.-]*(?:token|secret|passw(?:or)?d|api[_-]?key|credential|signature)[\w.-]*`;

/**
 * `stop` lists the characters a secret value cannot run across. In free text a value runs to the
 * next space (over-redacting rather than leaking a tail); inside JSON text it also stops at a
 * quote or backslash, so the result still parses.
 */
function rules(stop: string): ReadonlyArray<readonly [RegExp, string]> {
  const value = `[^\\s${stop}]+`;
  return [
    // Header-like "Authorization: <scheme> <credentials>" (any scheme), then bare "Bearer x".
    [new RegExp(`(authorization["']?\\s*[:=]\\s*["']?)[^\\r\\n${stop}]+`, 'gi'), `$1${REDACTED}`],
    [new RegExp(`\\bBearer\\s+(?!\\[redacted\\])${value}`, 'gi'), `Bearer ${REDACTED}`],
    // "Basic" is also a plain word: only when base64 follows (a digit, capital or sign after the
    // first character tells "dXNlcjpwYXNz" from "settings").
    [
      /\bBasic\s+(?=[A-Za-z0-9+/][A-Za-z0-9+/]*[A-Z0-9+/=])[A-Za-z0-9+/]{8,}={0,2}/g,
      `Basic ${REDACTED}`,
    ],
    // JSON fields: "token": "…"
    [new RegExp(`("${SECRET_NAME}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`],
    // Query strings, form bodies, config dumps: token=…
    [new RegExp(`(${SECRET_NAME})=[^&\\s#${stop}]+`, 'gi'), `$1=${REDACTED}`],
    // URL userinfo: scheme://user:password@host (greedy, so an unescaped "@" in a password goes too)
    [new RegExp(`\\b([a-z][a-z0-9+.-]*://)[^\\s/?#${stop}]*@`, 'gi'), `$1${REDACTED}@`],
  ];
}

const TEXT_RULES = rules('');
const JSON_RULES = rules('"\\\\');

/** Free text (a log line, an error message, a URL): secrets replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  return TEXT_RULES.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  );
}

/** Serialized JSON: the same rules, kept inside string literals so the text still parses. */
export function redactJsonText(json: string): string {
  return JSON_RULES.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    json,
  );
}

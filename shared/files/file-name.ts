/*
 * File names of attachments. A name comes from another machine (a colleague's upload, an e-mail,
 * the clipboard) and ends up as a file on this one when the user saves it, so it must not carry a
 * path, control characters, or a name Windows reserves. `fileNameProblem` is what the ERP checks
 * on `attach`; `sanitizeFileName` turns whatever a device was given into a name that passes.
 */

export const MAX_FILE_NAME_LENGTH = 255;

// Windows refuses these as a file's base name, whatever the extension ("con.txt", "LPT1.log").
const RESERVED_WINDOWS_NAME =
  /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
// Path separators and the characters Windows forbids in a name.
const FORBIDDEN_CHARACTER = /[/\\:*?"<>|]/;
// C0 and C1 controls, DEL, and the bidirectional overrides that make "exe.txt" read as "txt.exe".
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** What is wrong with `name` as an attachment's file name, or null when it is fine. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_FILE_NAME_LENGTH)
    return `must be at most ${MAX_FILE_NAME_LENGTH} characters`;
  if (INVISIBLE_OR_CONTROL.test(name))
    return 'must not contain control or text-direction characters';
  if (FORBIDDEN_CHARACTER.test(name))
    return 'must be a name without a path: none of / \\ : * ? " < > |';
  if (name === '.' || name === '..') return 'must be a name, not "." or ".."';
  if (/[. ]$/.test(name) || /^ /.test(name))
    return 'must not start with a space or end with a space or a dot';
  if (RESERVED_WINDOWS_NAME.test(name))
    return 'must not be a name Windows reserves (CON, NUL, COM1…)';
  return null;
}

const FALLBACK_NAME = 'file';

/**
 * A safe name for `raw`: the last path segment, controls dropped, forbidden characters replaced
 * by "_", a reserved base name prefixed with "_", trimmed to the limit with the extension kept.
 * Always satisfies `fileNameProblem(...) === null`.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(new RegExp(INVISIBLE_OR_CONTROL.source, 'g'), '')
    .replace(new RegExp(FORBIDDEN_CHARACTER.source, 'g'), '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (name === '' || /^\.+$/.test(name)) name = FALLBACK_NAME;
  if (RESERVED_WINDOWS_NAME.test(name)) name = `_${name}`;
  return shortened(name);
}

function shortened(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= MAX_FILE_NAME_LENGTH && name.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const budget = MAX_FILE_NAME_LENGTH - extension.length;
  let base = '';
  // By code points, so a surrogate pair is never cut in half.
  for (const character of Array.from(name.slice(0, name.length - extension.length))) {
    if (base.length + character.length > budget) break;
    base += character;
  }
  return `${base.replace(/[. ]+$/, '') || FALLBACK_NAME}${extension}`;
}

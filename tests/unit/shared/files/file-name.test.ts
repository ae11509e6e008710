import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fileNameProblem,
  MAX_FILE_NAME_LENGTH,
  sanitizeFileName,
} from '../../../../shared/files/file-name';

describe('sanitizeFileName: hostile names become safe ones', () => {
  it.each([
    ['a Unix path', '/etc/passwd', 'passwd'],
    ['a Windows path', 'C:\\Users\\me\\Desktop\\отчёт.docx', 'отчёт.docx'],
    ['a parent-directory escape', '../../.ssh/authorized_keys', 'authorized_keys'],
    ['only dots', '..', 'file'],
    ['a path ending in ..', 'logs/..', 'file'],
    ['a reserved device name', 'CON', '_CON'],
    ['a reserved name with an extension', 'nul.txt', '_nul.txt'],
    ['a reserved name in lower case', 'lpt1.log', '_lpt1.log'],
    ['COM with a superscript digit', 'COM¹.txt', '_COM¹.txt'],
    ['a right-to-left override hiding .exe', 'photo\u202egpj.exe', 'photogpj.exe'],
    ['a NUL byte', 'report\u0000.pdf', 'report.pdf'],
    ['a line break', 'a\nb.txt', 'ab.txt'],
    ['characters Windows forbids', 'what?*<>|".txt', 'what______.txt'],
    ['a trailing dot and space (Windows drops them)', 'notes.txt. ', 'notes.txt'],
    ['leading spaces', '   log.txt', 'log.txt'],
    ['an empty name', '', 'file'],
    ['decomposed Cyrillic й is composed (NFC)', 'и\u0306.txt', 'й.txt'],
  ])('%s: %j → %j', (_what, raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
    expect(fileNameProblem(safe)).toBeNull();
  });

  it('a 300-character name keeps its Cyrillic extension and fits the limit', () => {
    const raw = `${'ж'.repeat(300)}.журнал`;
    const safe = sanitizeFileName(raw);
    expect(safe.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(safe.endsWith('.журнал')).toBe(true);
    expect(safe.startsWith('жжж')).toBe(true);
  });

  it('shortening never splits an emoji (a surrogate pair)', () => {
    const safe = sanitizeFileName(`${'😀'.repeat(200)}.png`);
    expect(safe.endsWith('.png')).toBe(true);
    expect(safe).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('whatever it is given, the result passes the ERP check and has no path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const safe = sanitizeFileName(raw);
        expect(fileNameProblem(safe)).toBeNull();
        expect(safe).not.toMatch(/[/\\]/);
      }),
    );
  });

  it('a safe name is left as it is', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), (raw) => {
        fc.pre(fileNameProblem(raw) === null && raw === raw.normalize('NFC'));
        expect(sanitizeFileName(raw)).toBe(raw);
      }),
    );
  });
});

describe('fileNameProblem: what the ERP refuses on attach', () => {
  it.each([
    ['', 'must not be empty'],
    ['a/b.txt', 'without a path'],
    ['..', 'not "." or ".."'],
    ['AUX.log', 'Windows reserves'],
    ['x\u202e.txt', 'text-direction'],
    ['ends.', 'end with a space or a dot'],
    ['x'.repeat(256), 'at most 255'],
  ])('%j is refused (%s)', (name, words) => {
    expect(fileNameProblem(name)).toContain(words);
  });
});

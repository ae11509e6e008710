import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodeNote,
  payloadOf,
  readNote,
  splitPayload,
  type Trailer,
} from '@shared/erp/redmine/trailer';

const trailer: Trailer = {
  id: '01930f7e-4a2b-7c3d-8e9f-000000000003',
  type: 'pause',
  at: '2026-12-07T09:05:00Z',
  by: '5',
  p: { reason: 'awaiting_user_info' },
};
const line =
  '[prokontakt/1] {"id":"01930f7e-4a2b-7c3d-8e9f-000000000003","type":"pause","at":"2026-12-07T09:05:00Z","by":"5","p":{"reason":"awaiting_user_info"}}';

describe('note trailer', () => {
  it('puts the command under the text a person reads, and reads both back', () => {
    const note = encodeNote('Запросили журнал.', trailer);
    expect(note).toBe(`Запросили журнал.\n\n${line}`);
    expect(readNote(note, 5)).toEqual({ kind: 'trailer', text: 'Запросили журнал.', trailer });
  });

  it('round-trips any command text and payload (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 8 }),
          fc.oneof(fc.string(), fc.integer(), fc.boolean()),
        ),
        (text, p) => {
          const t: Trailer = { ...trailer, type: 'comment', p };
          const read = readNote(encodeNote(text, t), 5);
          expect(read.kind).toBe('trailer');
          if (read.kind === 'trailer') {
            expect(read.text).toBe(text.trim());
            expect(read.trailer).toEqual(t);
          }
        },
      ),
    );
  });

  it.each([
    // Redmine stores descriptions with CRLF line ends (recorded: issue-with-journals.json).
    ['CRLF line ends', `Текст\r\n\r\n${line}`, 5, 'trailer', null],
    ['no trailer', 'Просто заметка', 5, 'plain', null],
    ['an empty note', '', 5, 'plain', null],
    ['a trailer not on the last line', `${line}\nи дописали`, 5, 'plain', null],
    [
      'JSON broken by hand',
      `Текст\n\n[prokontakt/1] {"id":"01930f7e-`,
      5,
      'ignored',
      'trailer is not valid JSON (edited by hand?)',
    ],
    [
      'a future version',
      `[prokontakt/2] {}`,
      5,
      'ignored',
      'trailer version 2 is not one this app reads (1)',
    ],
    [
      'an unknown command type',
      line.replace('"pause"', '"delete"'),
      5,
      'ignored',
      'trailer type must be one of',
    ],
    [
      'a time without zone',
      line.replace('09:05:00Z', '09:05:00'),
      5,
      'ignored',
      'trailer at must be an ISO 8601 instant',
    ],
    ['an extra key', line.replace('"by":"5"', '"by":"5","x":1'), 5, 'ignored', 'Unrecognized key'],
    [
      'a trailer of another user (copied)',
      line,
      6,
      'ignored',
      'trailer names user 5 but the note was written by 6: forged or copied',
    ],
    ['a journal without a user', line, null, 'ignored', 'written by nobody known'],
  ])('reads %s without throwing', (_what, notes, author, kind, reason) => {
    const read = readNote(notes, author);
    expect(read.kind).toBe(kind);
    if (read.kind === 'ignored') {
      expect(read.reason).toContain(reason);
      // Nothing lost: the whole note stays readable as text.
      expect(read.text).toBe(notes.trim());
    }
  });

  it('keeps the free text in the note and the rest in the trailer', () => {
    expect(splitPayload('pause', { reason: 'other', note: 'Ждём поставку' })).toEqual({
      body: 'Ждём поставку',
      rest: { reason: 'other' },
    });
    expect(splitPayload('change_priority', { to: 2 })).toEqual({ body: null, rest: { to: 2 } });
    expect(payloadOf({ ...trailer, p: { reason: 'other' } }, 'Ждём поставку')).toEqual({
      reason: 'other',
      note: 'Ждём поставку',
    });
    // A pause without a note stays without one.
    expect(payloadOf(trailer, '')).toEqual({ reason: 'awaiting_user_info' });
  });
});

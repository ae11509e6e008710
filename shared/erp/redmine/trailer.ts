import { z } from 'zod';
import { COMMAND_TYPES, isoInstant, type CommandType } from '../commands';

/*
 * The line the app appends to every journal note (and to an issue's description on create): which
 * command made this change, when the engineer acted and who, so a pull replays exactly what they
 * did at their time, and a retried push finds its command already applied. The free text of the
 * command (a comment, a resolution, a pause note) is the note itself, above the line, so the
 * trailer stays short and what a person reads in Redmine is what the app shows.
 *
 *   Ответ клиенту отправлен.
 *
 *   [prokontakt/1] {"id":"0190…","type":"comment","at":"2026-12-07T10:05:00Z","by":"5"}
 */

export const TRAILER_VERSION = 1;
const TRAILER_LINE = /^\[prokontakt\/(\d+)\] (.*)$/;

/** The payload key whose text is the note body, per command type. */
export const NOTE_TEXT_KEY: Partial<Record<CommandType, string>> = {
  comment: 'text',
  resolve: 'result',
  pause: 'note',
  extend: 'note',
  log_work: 'note',
  reopen: 'reason',
};

export const trailerSchema = z
  .object({
    id: z.uuid('must be the command id (a UUID)'),
    type: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]], {
      error: `must be one of ${COMMAND_TYPES.join(', ')}`,
    }),
    at: isoInstant,
    /** The Redmine user id of the author: must be the journal's own user, or the trailer is forged. */
    by: z.string().regex(/^\d+$/, 'must be a Redmine user id'),
    /** The ERP side moved the time (in its future, or before the previous event): contract 2's mark. */
    adjusted: z.literal(true).optional(),
    /** The app's ticket id, on the create trailer only (also in the client ticket id field). */
    ticket: z.string().min(1).max(64).optional(),
    /** The command's payload without its note text (NOTE_TEXT_KEY). */
    p: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type Trailer = z.infer<typeof trailerSchema>;

/** A note with its trailer: the text a person wrote (or the app's summary) and the line. */
export function encodeNote(body: string, trailer: Trailer): string {
  const line = `[prokontakt/${TRAILER_VERSION}] ${JSON.stringify(trailer)}`;
  const text = body.trim();
  return text ? `${text}\n\n${line}` : line;
}

export type ReadNote =
  | { kind: 'plain'; text: string }
  | { kind: 'trailer'; text: string; trailer: Trailer }
  /** The note has something that looks like a trailer but cannot be trusted: it is read as plain text. */
  | { kind: 'ignored'; text: string; reason: string };

/**
 * Reads a note's trailer, never throwing: a human may have edited the note, pasted another one, or
 * written the line by hand. Only the last line counts; anything wrong makes the note plain text,
 * with the reason said. `authorId` is the journal's user: a trailer naming someone else is forged.
 */
export function readNote(notes: string | null | undefined, authorId: number | null): ReadNote {
  const lines = (notes ?? '').replace(/\r\n/g, '\n').trimEnd().split('\n');
  const last = lines[lines.length - 1] ?? '';
  const match = TRAILER_LINE.exec(last.trim());
  const whole = (notes ?? '').trim();
  if (!match) return { kind: 'plain', text: whole };
  const text = lines.slice(0, -1).join('\n').trim();
  const ignored = (reason: string): ReadNote => ({ kind: 'ignored', text: whole, reason });
  if (Number(match[1]) !== TRAILER_VERSION)
    return ignored(`trailer version ${match[1]} is not one this app reads (${TRAILER_VERSION})`);
  let json: unknown;
  try {
    json = JSON.parse(match[2]!);
  } catch {
    return ignored('trailer is not valid JSON (edited by hand?)');
  }
  const parsed = trailerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return ignored(`trailer ${issue.path.join('.') || ''} ${issue.message}`.replace('  ', ' '));
  }
  if (authorId === null || parsed.data.by !== String(authorId))
    return ignored(
      `trailer names user ${parsed.data.by} but the note was written by ${authorId ?? 'nobody known'}: forged or copied`,
    );
  return { kind: 'trailer', text, trailer: parsed.data };
}

/** The command's payload as the engineer sent it: the trailer's part plus the note text. */
export function payloadOf(trailer: Trailer, text: string): Record<string, unknown> {
  const key = NOTE_TEXT_KEY[trailer.type];
  const payload = { ...(trailer.p ?? {}) };
  if (key && text) payload[key] = text;
  return payload;
}

/** Splits a payload into the trailer's part and the note body (for NOTE_TEXT_KEY types). */
export function splitPayload(
  type: CommandType,
  payload: Record<string, unknown>,
): { body: string | null; rest: Record<string, unknown> } {
  const key = NOTE_TEXT_KEY[type];
  const body = key === undefined ? undefined : payload[key];
  if (key === undefined || typeof body !== 'string') return { body: null, rest: payload };
  const rest = { ...payload };
  delete rest[key];
  return { body, rest };
}

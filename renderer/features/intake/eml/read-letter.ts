import { DateTime } from 'luxon';
import PostalMime, { type Email } from 'postal-mime';
import { emailProblem } from '@shared/erp/email-address';
import { htmlToPlainText } from './html-text';
import { describeLetter, type LetterDescription } from './letter-body';

/**
 * Anything a mail server accepted fits (Gmail and Yandex stop at 25 MB); a bigger file is not a
 * request letter, and reading it would stall the window.
 */
export const MAX_LETTER_BYTES = 25 * 1024 * 1024;

export interface LetterAttachment {
  name: string;
  mimeType: string;
  bytes: number;
}

/** What the intake form takes from a letter (and keeps in its draft). */
export interface Letter {
  fileName: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  /** The Date header as an instant (ISO, UTC): the user's creation time under §3. */
  sentAt: string;
  description: LetterDescription;
  attachments: LetterAttachment[];
}

export type LetterProblem =
  | { code: 'tooLarge'; limitMb: number }
  | { code: 'empty' }
  | { code: 'notEmail' }
  | { code: 'unreadable'; detail: string }
  | { code: 'noFrom' }
  | { code: 'badFrom'; value: string }
  | { code: 'noDate' }
  | { code: 'badDate'; value: string }
  | { code: 'futureDate'; sentAt: string }
  | { code: 'scripts' }
  /** More than one file dropped at once (decided by the page, not read). */
  | { code: 'many'; count: number };

/**
 * A letter read whole. `files` are its attachments' contents, in the letter's order: they become
 * the ticket's attachments; they stay in memory (the draft keeps only `letter`).
 */
export type LetterResult =
  { ok: true; letter: Letter; files: File[] } | { ok: false; problem: LetterProblem };

// Mail clients send no scripts: a letter with them was made to attack whatever renders it.
const SCRIPTED_HTML = [
  /<script\b/i,
  /<[^>]+\son[a-z]+\s*=/i,
  /(href|src)\s*=\s*["']?\s*javascript:/i,
];

// A file with none of these in its first lines is not an RFC 5322 message (an Outlook .msg, a
// document renamed to .eml).
const MESSAGE_HEADER = /^(from|date|subject|received|message-id|mime-version|to|return-path):/im;

/**
 * Reads an `.eml` file. Everything is checked before anything is returned, so the form is
 * either filled from a whole, sane letter or left exactly as it was.
 */
export async function readLetter(
  file: { name: string; size: number; arrayBuffer: () => Promise<ArrayBuffer> },
  now: number,
): Promise<LetterResult> {
  if (file.size > MAX_LETTER_BYTES) {
    return { ok: false, problem: { code: 'tooLarge', limitMb: MAX_LETTER_BYTES / 1024 / 1024 } };
  }
  if (file.size === 0) return { ok: false, problem: { code: 'empty' } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16_384));
  if (!MESSAGE_HEADER.test(head.split(/\r?\n\r?\n/)[0] ?? '')) {
    return { ok: false, problem: { code: 'notEmail' } };
  }
  let email: Email;
  try {
    email = await new PostalMime({ attachmentEncoding: 'arraybuffer' }).parse(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { code: 'unreadable', detail } };
  }
  return checkLetter(email, file.name, now);
}

function checkLetter(email: Email, fileName: string, now: number): LetterResult {
  const from = email.from && 'address' in email.from ? email.from : undefined;
  if (!from?.address) return { ok: false, problem: { code: 'noFrom' } };
  if (emailProblem(from.address) !== null) {
    return { ok: false, problem: { code: 'badFrom', value: from.address } };
  }
  const dateHeader = email.headers.find((header) => header.key === 'date')?.value.trim();
  if (!dateHeader) return { ok: false, problem: { code: 'noDate' } };
  // RFC 5322 dates only: JavaScript's Date would read "03/04/2026" either way round.
  const sent = DateTime.fromRFC2822(dateHeader);
  if (!sent.isValid) return { ok: false, problem: { code: 'badDate', value: dateHeader } };
  const sentAt = sent.toUTC().toISO({ suppressMilliseconds: true });
  if (sent.toMillis() > now) return { ok: false, problem: { code: 'futureDate', sentAt } };
  const html = email.html;
  if (html && SCRIPTED_HTML.some((pattern) => pattern.test(html))) {
    return { ok: false, problem: { code: 'scripts' } };
  }
  const text = email.text ?? (email.html ? htmlToPlainText(email.html) : '');
  return {
    ok: true,
    letter: {
      fileName,
      fromAddress: from.address,
      fromName: from.name,
      subject: (email.subject ?? '').replace(/\s+/g, ' ').trim(),
      sentAt,
      description: describeLetter(text),
      attachments: email.attachments.map((attachment) => ({
        name: attachment.filename ?? '',
        mimeType: attachment.mimeType,
        bytes: byteLength(attachment.content),
      })),
    },
    files: email.attachments.map(
      (attachment, index) =>
        // An unnamed part gets a name the sanitizer keeps; its type is sniffed later anyway.
        new File([blobPart(attachment.content)], attachment.filename || `attachment-${index + 1}`),
    ),
  };
}

function blobPart(content: ArrayBuffer | Uint8Array | string): BlobPart {
  return content instanceof Uint8Array ? new Uint8Array(content) : content;
}

function byteLength(content: ArrayBuffer | Uint8Array | string): number {
  if (typeof content === 'string') return content.length;
  return content.byteLength;
}

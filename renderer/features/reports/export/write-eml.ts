/*
 * The letter as an .eml draft, because a `mailto:` cannot carry an attachment: RFC 5322 with
 * MIME (multipart/mixed: the text, then each file), every part base64, headers in UTF-8 as RFC
 * 2047 encoded words, CRLF line ends. `X-Unsent: 1` makes Outlook open it as a draft ready to
 * send; Thunderbird opens it as a message to "edit as new". It has no From on purpose: the mail
 * client fills in the account it sends from. Hand-written (≈80 lines, checked by parsing it back
 * with postal-mime) because the composers on npm require a From and bring polyfills with them.
 */

export interface EmlAttachment {
  /** A Latin file name (see `exportFileName`), so it needs no RFC 2231 encoding. */
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface EmlDraft {
  to: readonly string[];
  subject: string;
  text: string;
  attachments: readonly EmlAttachment[];
  date: Date;
}

const CRLF = '\r\n';

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole PDF's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Base64 body lines of at most 76 characters (RFC 2045). */
function bodyLines(bytes: Uint8Array): string {
  return (base64(bytes).match(/.{1,76}/g) ?? []).join(CRLF);
}

/**
 * A header value as RFC 2047 encoded words of at most 75 characters, split between characters
 * (never inside a UTF-8 sequence), folded onto continuation lines. ASCII-only text stays as is.
 */
export function encodeHeader(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    // 36 bytes become 48 base64 characters: with `=?UTF-8?B?` and `?=` a word is 60, so even
    // the first one fits on its line after `Subject: ` within 78 characters.
    if (encoder.encode(chunk + char).length > 36) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${base64(encoder.encode(word))}?=`).join(`${CRLF} `);
}

/** `Tue, 01 Dec 2026 09:30:00 +0000` (RFC 5322 §3.3), in UTC so it needs no zone. */
function rfc5322Date(date: Date): string {
  const [weekday, day, month, year, time] = date.toUTCString().replace(',', '').split(' ');
  return `${weekday}, ${day} ${month} ${year} ${time} +0000`;
}

function boundaryFor(draft: EmlDraft): string {
  // Base64 never contains `=_`, so no part can contain this line by chance.
  return `=_prokontakt_${draft.date.getTime().toString(36)}_${crypto.randomUUID()}`;
}

export function writeEml(draft: EmlDraft): string {
  const boundary = boundaryFor(draft);
  const headers = [
    'X-Unsent: 1',
    // No addresses (the organization has none on file): the person types them in the draft.
    ...(draft.to.length > 0 ? [`To: ${draft.to.join(`,${CRLF} `)}`] : []),
    `Subject: ${encodeHeader(draft.subject)}`,
    `Date: ${rfc5322Date(draft.date)}`,
    'MIME-Version: 1.0',
    // Parameters on their own folded lines: a header line stays within 78 characters.
    `Content-Type: multipart/mixed;${CRLF} boundary="${boundary}"`,
  ];
  const text = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    bodyLines(new TextEncoder().encode(draft.text.replace(/\r?\n/g, CRLF))),
  ];
  const files = draft.attachments.map((file) => [
    // XLSX's type alone is 65 characters: it starts on a folded line of its own.
    `Content-Type:${CRLF} ${file.type};${CRLF} name="${file.name}"`,
    `Content-Disposition: attachment;${CRLF} filename="${file.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    bodyLines(file.bytes),
  ]);
  const parts = [text, ...files].map((part) => `--${boundary}${CRLF}${part.join(CRLF)}${CRLF}`);
  return `${headers.join(CRLF)}${CRLF}${CRLF}${parts.join('')}--${boundary}--${CRLF}`;
}

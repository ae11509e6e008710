/*
 * Quotation marks as each language's typography nests them. Russian: «…» outside, „…“ inside,
 * ‚…‘ one level deeper; English: “…” outside, ‘…’ inside, alternating. A ticket title or an
 * organization name often brings its own quotes (ГБУ «Городской контакт-центр “Столица”»), and
 * putting it inside «…» as it is gives «…«…»…», which readers cannot pair.
 */

export type QuoteLanguage = 'ru' | 'en';

type Pair = readonly [open: string, close: string];

const LEVELS: Record<QuoteLanguage, readonly Pair[]> = {
  ru: [
    ['«', '»'],
    ['„', '“'],
    ['‚', '‘'],
  ],
  en: [
    ['“', '”'],
    ['‘', '’'],
  ],
};

function marksAt(language: QuoteLanguage, depth: number): Pair {
  const levels = LEVELS[language];
  if (depth < levels.length) return levels[depth]!;
  // Deeper than the table: alternate its last two levels, as English does throughout.
  const lastTwo = levels.slice(-2);
  return lastTwo[(depth - levels.length) % 2]!;
}

const OPENS_AFTER = /[\s([{«„‚“‘"—–-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Which mark a closer may close; `"` closes itself. */
function closes(mark: string, opener: string): boolean {
  switch (mark) {
    case '»':
      return opener === '«';
    case '“':
      return opener === '„';
    case '”':
      return opener === '“' || opener === '„' || opener === '"';
    case '‘':
      return opener === '‚';
    case '’':
      return opener === '‘';
    case '"':
      return opener === '"';
    default:
      return false;
  }
}

/**
 * Pairs the quotation marks of `text`: index of an opening mark → index of its closing one.
 * Single marks count only where they cannot be an apostrophe (don’t, д’Артаньян); a mark that
 * pairs with nothing (a stray «, the inch sign in 12") is not a quote and is left as typed.
 */
function pairMarks(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: Array<{ mark: string; index: number }> = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const mark = chars[i]!;
    const before = i === 0 ? ' ' : chars[i - 1]!;
    const after = i === chars.length - 1 ? ' ' : chars[i + 1]!;
    const top = open.at(-1);
    if (top && closes(mark, top.mark) && !(mark === '’' && LETTER_OR_DIGIT.test(after))) {
      pairs.set(top.index, i);
      open.pop();
      continue;
    }
    const opensHere = OPENS_AFTER.test(before) && !/\s/u.test(after);
    if (mark === '«' || mark === '„' || mark === '‚' || mark === '“') open.push({ mark, index: i });
    else if ((mark === '"' || mark === '‘' || mark === '”') && opensHere)
      open.push({ mark, index: i });
  }
  return pairs;
}

function renderQuotes(text: string, language: QuoteLanguage, baseDepth: number): string {
  const chars = Array.from(text);
  const pairs = pairMarks(text);
  const closers = new Map<number, number>();
  for (const [openAt, closeAt] of pairs) closers.set(closeAt, openAt);
  let depth = baseDepth;
  return chars
    .map((char, index) => {
      if (pairs.has(index)) return marksAt(language, depth++)[0];
      if (closers.has(index)) return marksAt(language, --depth)[1];
      return char;
    })
    .join('');
}

/** The text with its own quotation marks nested as the language's typography does. */
export function normalizeQuotes(text: string, language: QuoteLanguage): string {
  return renderQuotes(text, language, 0);
}

/** The text in quotation marks: «…» (“…” in English), with its own quotes one level inside. */
export function quote(text: string, language: QuoteLanguage): string {
  const [open, close] = marksAt(language, 0);
  return `${open}${renderQuotes(text, language, 1)}${close}`;
}

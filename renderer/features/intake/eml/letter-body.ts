/**
 * A letter's text split into the §4 description fields. Letters written to the regulation's
 * template (or by someone who knows it) name the parts: «Шаги…», «Ожидаемый результат»,
 * «Фактический результат», «Диагностика»; those go to their fields. A letter without such
 * headings is a story the form cannot split reliably, so all of it goes to «Фактический
 * результат» (what the user says happens), and the engineer is told to spread it over the
 * fields: nothing is guessed, and nothing is dropped but greetings, the signature and quoted
 * earlier letters.
 */
export type DescriptionField = 'steps' | 'expected' | 'actual' | 'diagnostics';

export interface LetterDescription {
  steps: string;
  expected: string;
  actual: string;
  diagnostics: string;
  /** headings: split by the headings found; whole: all of it in `actual`; empty: no text. */
  mapping: 'headings' | 'whole' | 'empty';
}

// Longer names first: «Фактический результат» must not stop at «Результат».
const HEADINGS: ReadonlyArray<[DescriptionField, string[]]> = [
  [
    'steps',
    [
      'шаги воспроизведения',
      'порядок действий',
      'действия пользователя',
      'что делали',
      'действия',
      'шаги',
      'steps to reproduce',
      'steps',
    ],
  ],
  [
    'expected',
    ['ожидаемый результат', 'что ожидалось', 'ожидалось', 'expected result', 'expected'],
  ],
  [
    'actual',
    [
      'фактический результат',
      'что произошло',
      'фактически',
      'actual result',
      'what happened',
      'actual',
    ],
  ],
  [
    'diagnostics',
    [
      'результаты первичной диагностики',
      'первичная диагностика',
      'что проверили',
      'диагностика',
      'diagnostics',
    ],
  ],
];

const HEADING_NAMES = HEADINGS.flatMap(([field, names]) =>
  names.map((name) => ({ field, name })),
).sort((a, b) => b.name.length - a.name.length);

/** A line that is a heading: an optional "1." or "-", the name, then ":" / "—" or the line end. */
function headingOf(line: string): { field: DescriptionField; rest: string } | null {
  const bare = line
    .trim()
    .replace(/^(\d+[.)]|[-*•])\s*/, '')
    .replace(/^\*\*|\*\*$/g, '');
  const lower = bare.toLowerCase();
  for (const { field, name } of HEADING_NAMES) {
    if (!lower.startsWith(name)) continue;
    const after = bare.slice(name.length);
    const separated = /^\s*(?:\*\*)?\s*[:：—–-]\s*/.exec(after);
    if (separated) return { field, rest: after.slice(separated[0].length).trim() };
    if (after.trim() === '') return { field, rest: '' };
  }
  return null;
}

// Where the letter's own text ends: a quoted earlier letter or the signature.
const END_OF_OWN_TEXT = [
  /^-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)/i,
  /^-- ?$/,
  /^(с уважением|с наилучшими пожеланиями|best regards|kind regards|regards)([\s,.!]|$)/iu,
  /^(on|в) .{4,80}(wrote|написал[а]?)\s*:?\s*$/iu,
  /^\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,40}(wrote|написал[а]?)/iu,
  /^(from|от):\s.+@/iu,
];
const GREETING =
  /^(добрый (день|вечер)|доброе утро|здравствуйте|привет|hello|hi|dear [^,]+|уважаемые? [^,]+)[!,.]*$/iu;

/** The letter's own lines: without quoted replies, the signature and a leading greeting. */
export function ownText(text: string): string[] {
  // A no-break space (HTML's &nbsp;) is a space to whoever reads or searches the ticket.
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  const own: string[] = [];
  for (const line of lines) {
    if (END_OF_OWN_TEXT.some((pattern) => pattern.test(line.trim()))) break;
    if (/^\s*>/.test(line)) continue;
    own.push(line.replace(/\s+$/, ''));
  }
  while (own.length > 0 && (own[0]!.trim() === '' || GREETING.test(own[0]!.trim()))) own.shift();
  return own;
}

const tidy = (lines: string[]) =>
  lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export function describeLetter(text: string): LetterDescription {
  const lines = ownText(text);
  const parts: Record<DescriptionField, string[]> = {
    steps: [],
    expected: [],
    actual: [],
    diagnostics: [],
  };
  const preamble: string[] = [];
  let current: DescriptionField | null = null;
  let headings = 0;
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading) {
      headings += 1;
      current = heading.field;
      if (heading.rest !== '') parts[current].push(heading.rest);
      continue;
    }
    (current ? parts[current] : preamble).push(line);
  }
  if (headings === 0) {
    const whole = tidy(lines);
    return {
      steps: '',
      expected: '',
      actual: whole,
      diagnostics: '',
      mapping: whole === '' ? 'empty' : 'whole',
    };
  }
  // Text before the first heading says what is wrong: it belongs with what actually happens.
  const actual = [tidy(preamble), tidy(parts.actual)].filter((part) => part !== '').join('\n\n');
  return {
    steps: tidy(parts.steps),
    expected: tidy(parts.expected),
    actual,
    diagnostics: tidy(parts.diagnostics),
    mapping: 'headings',
  };
}

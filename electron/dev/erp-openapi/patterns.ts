/**
 * What `parseInstant` (shared/sla/instants.ts) reads: date, `T`/space, hours and minutes, optional
 * seconds and up to 9 fraction digits, `Z` or an offset. Checked against the parser by a property
 * test: the pattern must accept everything the code accepts.
 */
export const INSTANT_PATTERN =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})$';
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
/** At least one character that is not white space. */
export const NOT_BLANK_PATTERN = '\\S';

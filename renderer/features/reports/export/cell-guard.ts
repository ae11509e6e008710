/**
 * Spreadsheet formula injection (CWE-1236): a text cell starting with = + - @ (or a tab or a
 * carriage return, which some programs skip before reading one) would be run as a formula when
 * the file is opened. A ticket title is typed by a customer, so such a text gets a leading
 * apostrophe: Excel shows the text as it was typed and never evaluates it.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

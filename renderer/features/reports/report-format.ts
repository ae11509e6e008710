/** Working or wall-clock time as hours with at most one decimal, in the UI's language. */
export function hoursText(ms: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 3_600_000);
}

export function percentText(share: number | null, locale: string): string {
  return share === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Time of day in the user's locale, e.g. "14:05". */
export function formatClock(iso: string, locale: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** [0.75, 0.9, 1] → "75 %, 90 %, 100 %" in Russian, "75%, 90%, 100%" in English. */
export function formatPercentList(levels: readonly number[], locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(
    levels.map((level) => format.format(level)),
  );
}

/** Host part of a URL for display; the URL itself was validated by the host. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

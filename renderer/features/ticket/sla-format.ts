/*
 * Display helpers for SLA times. Pure (Intl only), so they are unit-tested with literal instants.
 * Working time is shown in hours and minutes, never in days: a working day is 9 hours (8 on a
 * short day), so "2 days" would be ambiguous in an SLA dispute.
 */

import { durationUnits, pad2, zoneLabel } from '../../lib/format';

/** An SLA target as Table 1 states it: "8 ч", "40 ч 30 мин". */
export function formatTarget(ms: number, locale: string): string {
  const u = durationUnits(locale);
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} ${u.h}` : `${hours} ${u.h} ${pad2(rest)} ${u.min}`;
}

/** Intl locale for dates: English uses day-first 24-hour dates, like the Russian UI. */
export function dateLocale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'ru-RU';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "30.12.2025, 15:00" in the given zone. */
export function formatDateTime(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, DATE_TIME).format(new Date(iso));
}

/** "30.12.2025" in the given zone. */
export function formatDate(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, DATE).format(new Date(iso));
}

/** "15:00" in the given zone. */
export function formatTime(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, TIME).format(new Date(iso));
}

/** The zone's offset at that instant: "UTC+3", "UTC+5:45", "UTC". */
export function offsetLabel(iso: string, zone: string): string {
  return zoneLabel(new Date(iso), zone, 'en');
}

/** A calendar date "2025-12-30" as "вт, 30.12.2025" (the weekday matters for working time). */
export function formatCivilDate(date: string, locale: string): string {
  const at = `${date}T12:00:00Z`;
  return formatter(locale, 'UTC', { ...DATE, weekday: 'short' }).format(new Date(at));
}

/** Calendar days from `from` to `to`, both included ("2026-01-05".."2026-01-09" → 5). */
export function civilDaysInclusive(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

export interface DualInstant {
  /** In the customer's zone: what the regulation counts in. */
  customer: { text: string; offset: string };
  /** In the engineer's own zone, only when its offset differs at that instant. */
  engineer: { text: string; offset: string } | null;
}

/**
 * An instant in the customer's zone and, where the engineer's zone shows a different clock, in
 * the engineer's too; the engineer's date is repeated only when it differs.
 */
export function dualInstant(
  iso: string,
  customerZone: string,
  engineerZone: string,
  locale: string,
): DualInstant {
  const customer = {
    text: formatDateTime(iso, customerZone, locale),
    offset: offsetLabel(iso, customerZone),
  };
  const engineerOffset = offsetLabel(iso, engineerZone);
  if (engineerOffset === customer.offset) return { customer, engineer: null };
  const sameDate = formatDate(iso, customerZone, locale) === formatDate(iso, engineerZone, locale);
  return {
    customer,
    engineer: {
      text: sameDate
        ? formatTime(iso, engineerZone, locale)
        : formatDateTime(iso, engineerZone, locale),
      offset: engineerOffset,
    },
  };
}

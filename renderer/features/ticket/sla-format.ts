/*
 * Display helpers for SLA times. Pure (Intl only), so they are unit-tested with literal instants.
 * Working time is shown in hours and minutes, never in days: a working day is 9 hours (8 on a
 * short day), so "2 days" would be ambiguous in an SLA dispute.
 */

import {
  dateText,
  dateTimeText,
  displayLocale,
  timeText,
  zoneLabel,
} from '@shared/format/instant-text';
import { durationUnits, pad2 } from '../../lib/format';

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
  return displayLocale(language);
}

/** "30.12.2025, 15:00" ("30/12/2025, 15:00" in English) in the given zone. */
export function formatDateTime(iso: string, zone: string, locale: string): string {
  return dateTimeText(Date.parse(iso), zone, locale);
}

/** "30.12.2025" in the given zone. */
export function formatDate(iso: string, zone: string, locale: string): string {
  return dateText(Date.parse(iso), zone, locale);
}

/** "15:00" in the given zone. */
export function formatTime(iso: string, zone: string, locale: string): string {
  return timeText(Date.parse(iso), zone, locale);
}

/** The zone at that instant as the language names it: "МСК+5" / "UTC+8", "МСК" / "UTC+3". */
export function offsetLabel(iso: string, zone: string, locale: string): string {
  return zoneLabel(Date.parse(iso), zone, locale);
}

const weekdayDates = new Map<string, Intl.DateTimeFormat>();

/** A calendar date "2025-12-30" as "вт, 30.12.2025" (the weekday matters for working time). */
export function formatCivilDate(date: string, locale: string): string {
  const at = `${date}T12:00:00Z`;
  const intlLocale = displayLocale(locale);
  let format = weekdayDates.get(intlLocale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
    weekdayDates.set(intlLocale, format);
  }
  return format.format(new Date(at));
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
    offset: offsetLabel(iso, customerZone, locale),
  };
  const engineerOffset = offsetLabel(iso, engineerZone, locale);
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

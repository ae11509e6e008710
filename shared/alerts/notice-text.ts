import { customerInstantText, dayText, timeText } from '../format/instant-text';
import type { AlertClock, AlertLocale } from './schemas';

/*
 * Notification texts. They are built where the notification is shown (main or the browser host),
 * which has no i18next, so the two languages live here, small and explicit.
 */

export interface NoticeFacts {
  number: number | null;
  organization: string;
  priority: 1 | 2 | 3 | 4;
  clock: AlertClock;
  level: number;
  targetMs: number;
  dueAtMs: number | null;
  /** The organization's zone, which leads every instant as on the other screens; else the viewer's. */
  customerZone?: string | undefined;
  workingHours: boolean;
  /** Shown at the instant the level was reached: the time left is then exactly known. */
  onTime: boolean;
}

export interface SummaryFacts {
  breached: Array<number | null>;
  warning: Array<number | null>;
}

const MINUTE = 60_000;

/** Russian plural form: 1 минута, 2 минуты, 5 минут, 21 минута, 11 минут. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** "2 часа 15 минут" / "2 hours 15 minutes", rounded up to the minute (never "0 minutes"). */
export function durationInWords(ms: number, locale: AlertLocale): string {
  const totalMinutes = Math.max(1, Math.ceil(ms / MINUTE));
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (locale === 'ru') {
    if (hours > 0) parts.push(`${hours} ${ruPlural(hours, 'час', 'часа', 'часов')}`);
    if (minutes > 0) parts.push(`${minutes} ${ruPlural(minutes, 'минута', 'минуты', 'минут')}`);
  } else {
    if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
    if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  }
  return parts.join(' ');
}

const ticketName = (number: number | null, locale: AlertLocale) =>
  number === null
    ? locale === 'ru'
      ? 'новая заявка'
      : 'new ticket'
    : `${locale === 'ru' ? '№' : '#'}${number}`;

const percent = (level: number, locale: AlertLocale) =>
  locale === 'ru' ? `${Math.round(level * 100)} %` : `${Math.round(level * 100)}%`;

/**
 * An instant of the viewer's own (a mute's end, quiet hours): on their own clock, so without a
 * zone, as the window writes its own times: "14:05" today, "26.11 14:05" on another day.
 */
export function formatOwnTime(
  ms: number,
  nowMs: number,
  zone: string,
  locale: AlertLocale,
): string {
  const time = timeText(ms, zone, locale);
  const day = dayText(ms, zone, locale);
  return day === dayText(nowMs, zone, locale) ? time : `${day} ${time}`;
}

/**
 * The deadline as every screen writes it (shared/format/instant-text): in the customer's zone,
 * named ("09:00 МСК+5", "26.11 09:00 МСК+5" on another day), and the viewer's own reading beside
 * it when their clock shows something else: "09:00 МСК+5 (у вас 05:00)".
 */
export function formatDue(
  dueAtMs: number,
  nowMs: number,
  viewerZone: string,
  locale: AlertLocale,
  customerZone: string = viewerZone,
): string {
  const { customer, own } = customerInstantText(dueAtMs, customerZone, locale, viewerZone, nowMs);
  if (own === null) return customer;
  return locale === 'ru' ? `${customer} (у вас ${own})` : `${customer} (yours ${own})`;
}

export function ticketNoticeText(
  facts: NoticeFacts,
  nowMs: number,
  zone: string,
  locale: AlertLocale,
): { title: string; body: string } {
  const ru = locale === 'ru';
  const name = ticketName(facts.number, locale);
  const clockRu = facts.clock === 'reaction' ? 'реакции' : 'решения';
  const clockEn = facts.clock === 'reaction' ? 'reaction' : 'resolution';
  const breach = facts.level >= 1;
  const title = ru
    ? `П${facts.priority} · ${name} · ${breach ? `срок ${clockRu} истёк` : `${percent(facts.level, locale)} срока ${clockRu}`}`
    : `P${facts.priority} · ${name} · ${breach ? `${clockEn} deadline passed` : `${percent(facts.level, locale)} of the ${clockEn} time used`}`;
  const due =
    facts.dueAtMs === null
      ? null
      : formatDue(facts.dueAtMs, nowMs, zone, locale, facts.customerZone);
  return { title, body: `${facts.organization}\n${remainingLine(facts, due, nowMs, locale)}` };
}

function remainingLine(
  facts: NoticeFacts,
  due: string | null,
  nowMs: number,
  locale: AlertLocale,
): string {
  const ru = locale === 'ru';
  if (facts.level >= 1) {
    if (due === null) return ru ? 'Срок истёк.' : 'The deadline has passed.';
    return ru ? `Срок истёк в ${due}.` : `The deadline passed at ${due}.`;
  }
  // Working time left is exactly known only at the crossing (the host has no calendars);
  // around the clock (P1) it is simply the distance to the deadline.
  let left: number | null = null;
  if (!facts.workingHours && facts.dueAtMs !== null) left = facts.dueAtMs - nowMs;
  else if (facts.onTime) left = facts.targetMs * (1 - facts.level);
  const until = due === null ? '' : ru ? ` — срок в ${due}` : ` — due at ${due}`;
  if (left === null || left <= 0) {
    return ru ? `Срок в ${due ?? '—'}.` : `Due at ${due ?? '—'}.`;
  }
  const words = durationInWords(left, locale);
  const kind = facts.workingHours ? (ru ? ' рабочего времени' : ' of working time') : '';
  return ru ? `Осталось ${words}${kind}${until}.` : `${words}${kind} left${until}.`;
}

const SUMMARY_NAMES = 4;

function nameList(numbers: Array<number | null>, locale: AlertLocale): string {
  const names = numbers.slice(0, SUMMARY_NAMES).map((n) => ticketName(n, locale));
  const rest = numbers.length - names.length;
  if (rest === 0) return names.join(', ');
  return locale === 'ru'
    ? `${names.join(', ')} и ещё ${rest}`
    : `${names.join(', ')} and ${rest} more`;
}

/** One notification for alerts missed while the computer slept or the app was closed. */
export function summaryNoticeText(
  facts: SummaryFacts,
  locale: AlertLocale,
): { title: string; body: string } {
  const count = facts.breached.length + facts.warning.length;
  const ru = locale === 'ru';
  const title = ru
    ? `Сроки по ${count} ${ruPlural(count, 'заявке', 'заявкам', 'заявкам')}`
    : `Deadlines on ${count} ${count === 1 ? 'ticket' : 'tickets'}`;
  const lines: string[] = [];
  if (facts.breached.length > 0) {
    const list = nameList(facts.breached, locale);
    lines.push(ru ? `Срок истёк: ${list}` : `Overdue: ${list}`);
  }
  if (facts.warning.length > 0) {
    const list = nameList(facts.warning, locale);
    lines.push(ru ? `Срок на исходе: ${list}` : `Running out: ${list}`);
  }
  return { title, body: lines.join('\n') };
}

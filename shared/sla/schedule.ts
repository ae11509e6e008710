import { classifyDay, type DayKind, type ProductionCalendar } from '../calendars/calendar-format';
import { civilDateOf, dayNumberOf } from '../calendars/civil-date';
import { localWallTime } from './zone';
import { SlaInputError } from './types';

const DAY_MS = 86_400_000;
/** Business schedules are tabulated for these years only; outside them input is rejected. */
export const FIRST_SUPPORTED_YEAR = 1970;
export const LAST_SUPPORTED_YEAR = 2199;

/**
 * Counted working time as a monotone function of the instant. Everything the engine needs reduces
 * to `counted(b) − counted(a)` (time counted between two instants) and `reach(x)` (the earliest
 * instant at which the running total reaches x), so pauses and targets are plain arithmetic.
 */
export interface WorkSchedule {
  readonly kind: '24x7' | 'business';
  counted(t: number): number;
  /** Earliest instant t with counted(t) ≥ x. */
  reach(x: number): number;
  isWorking(t: number): boolean;
  /** Years in [from, to] that the calendar had no data for and were counted by its fallback. */
  uncoveredYears(from: number, to: number): number[];
  /** Whether uncoveredYears(from, to) has any, without building the list. */
  hasUncoveredYears(from: number, to: number): boolean;
}

export const ROUND_THE_CLOCK: WorkSchedule = {
  kind: '24x7',
  counted: (t) => t,
  reach: (x) => x,
  isWorking: () => true,
  uncoveredYears: () => [],
  hasUncoveredYears: () => false,
};

export interface DayWindow {
  dayNumber: number;
  kind: DayKind;
  /** Working weekend day by decree. */
  transferred: boolean;
  covered: boolean;
  /** Working window [start, end) in epoch ms; start === end on a day off. */
  start: number;
  end: number;
}

export interface BusinessHoursMinutes {
  startMinute: number;
  endMinute: number;
  shortEndMinute: number;
}

const KIND_CODES: DayKind[] = ['workday', 'short_day', 'weekend', 'holiday'];

/**
 * One table per (zone, calendar, business hours): for each local day its working window in epoch
 * ms and the running total of working time before it. luxon runs once or twice per local day when
 * a year is first needed; after that every query is a couple of array reads.
 */
export class BusinessSchedule implements WorkSchedule {
  readonly kind = 'business' as const;
  private firstDay = 0;
  private dayCount = 0;
  private anchorDay: number | null = null;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** prefix[i]: counted ms from the anchor day's start to the start of day i (negative before it). */
  private prefix = new Float64Array(1);
  private kinds = new Uint8Array(0);
  private covered = new Uint8Array(0);
  /** uncoveredBefore[i]: days before day i counted by the calendar's fallback (O(1) warnings). */
  private uncoveredBefore = new Int32Array(1);
  /** The day dayIndexAt found last: where reach() starts looking. */
  private lastIndex = 0;
  /** The last two instants counted() answered, and its answers (NaN: none yet). */
  private recentAt = Number.NaN;
  private recentCounted = 0;
  private earlierAt = Number.NaN;
  private earlierCounted = 0;
  /** What findDaysThatMatter found. */
  private firstThatMatters = 0;
  private lastThatMatters = 0;

  constructor(
    private readonly zone: string,
    private readonly calendar: ProductionCalendar,
    private readonly hours: BusinessHoursMinutes,
  ) {}

  counted(t: number): number {
    // Both clocks of a ticket start at its creation and run to the same now or stop, so the
    // second clock asks for the instants the first just did. Totals never change once handed out.
    if (t === this.recentAt) return this.recentCounted;
    if (t === this.earlierAt) return this.earlierCounted;
    const i = this.dayIndexAt(t);
    const start = this.starts[i]!;
    const span = this.ends[i]! - start;
    const into = t - start;
    const counted = this.prefix[i]! + (into <= 0 ? 0 : into >= span ? span : into);
    this.earlierAt = this.recentAt;
    this.earlierCounted = this.recentCounted;
    this.recentAt = t;
    this.recentCounted = counted;
    return counted;
  }

  reach(x: number): number {
    while (x > this.prefix[this.dayCount]!) this.extendTo(this.firstDay + this.dayCount + 366);
    while (x <= this.prefix[0]!) this.extendTo(this.firstDay - 366);
    // Smallest i with prefix[i + 1] ≥ x; then prefix[i] < x, so day i is a working day. A deadline
    // is usually a few days after the instant looked up last, so walk from there first: any start
    // with prefix[start] < x finds the same day.
    const last = this.dayCount - 1;
    let lo = this.lastIndex <= last && this.prefix[this.lastIndex]! < x ? this.lastIndex : 0;
    for (let steps = 0; steps < 32 && lo < last && this.prefix[lo + 1]! < x; steps++) lo++;
    if (lo === last || this.prefix[lo + 1]! >= x) return this.starts[lo]! + (x - this.prefix[lo]!);
    lo++;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.prefix[mid + 1]! >= x) hi = mid;
      else lo = mid + 1;
    }
    return this.starts[lo]! + (x - this.prefix[lo]!);
  }

  isWorking(t: number): boolean {
    const i = this.dayIndexAt(t);
    return t >= this.starts[i]! && t < this.ends[i]!;
  }

  uncoveredYears(from: number, to: number): number[] {
    this.findDaysThatMatter(from, to);
    const { firstThatMatters: first, lastThatMatters: last } = this;
    if (first > last || this.uncoveredBefore[last + 1] === this.uncoveredBefore[first]) return [];
    const years = new Set<number>();
    for (let i = first; i <= last; i++) {
      if (!this.covered[i]) years.add(civilDateOf(this.firstDay + i).year);
    }
    return [...years].sort((a, b) => a - b);
  }

  hasUncoveredYears(from: number, to: number): boolean {
    this.findDaysThatMatter(from, to);
    const { firstThatMatters: first, lastThatMatters: last } = this;
    return first <= last && this.uncoveredBefore[last + 1] !== this.uncoveredBefore[first];
  }

  /** First and last index of the days whose full-length window could meet [from, to]. */
  private findDaysThatMatter(from: number, to: number): void {
    // A day matters if its full-length window could meet [from, to], whatever kind it turned out.
    const workdayMs = (this.hours.endMinute - this.hours.startMinute) * 60_000;
    // `from` first: reaching an earlier year rebuilds the table from that year on and shifts
    // every index, so an index taken before it would point at another day.
    let first = this.dayIndexAt(from);
    const last = this.dayIndexAt(to);
    if (this.starts[first]! + workdayMs <= from) first++;
    // Fields, not a returned pair: a pair is an allocation on every evaluation.
    this.firstThatMatters = first;
    this.lastThatMatters = last;
  }

  /** The local days whose windows could intersect [from, to], for explanations. */
  daysBetween(from: number, to: number): DayWindow[] {
    const days: DayWindow[] = [];
    const first = this.dayIndexAt(from);
    const last = this.dayIndexAt(to);
    for (let i = first; i <= last; i++) {
      const dayNumber = this.firstDay + i;
      const weekday = ((((dayNumber + 3) % 7) + 7) % 7) + 1;
      const kind = KIND_CODES[this.kinds[i]!]!;
      days.push({
        dayNumber,
        kind,
        transferred: weekday >= 6 && (kind === 'workday' || kind === 'short_day'),
        covered: this.covered[i] === 1,
        start: this.starts[i]!,
        end: this.ends[i]!,
      });
    }
    return days;
  }

  /** Index of the last local day whose window starts at or before t. */
  private dayIndexAt(t: number): number {
    const utcDay = Math.floor(t / DAY_MS);
    if (
      this.anchorDay === null ||
      utcDay - 2 < this.firstDay ||
      utcDay + 2 >= this.firstDay + this.dayCount
    ) {
      this.extendTo(utcDay - 2);
      this.extendTo(utcDay + 2);
    }
    let i = utcDay - this.firstDay;
    while (i + 1 < this.dayCount && this.starts[i + 1]! <= t) i++;
    while (i > 0 && this.starts[i]! > t) i--;
    this.lastIndex = i;
    return i;
  }

  /** Grows the table by whole years so that it covers `day`. */
  private extendTo(day: number): void {
    if (this.anchorDay !== null && day >= this.firstDay && day < this.firstDay + this.dayCount)
      return;
    const year = civilDateOf(day).year;
    if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
      throw new SlaInputError(
        'year_not_supported',
        `working time in ${year} is outside the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
      );
    }
    const yearFirst = dayNumberOf(year, 1, 1);
    const yearEnd = dayNumberOf(year + 1, 1, 1);
    const from = this.anchorDay === null ? yearFirst : Math.min(yearFirst, this.firstDay);
    const to = this.anchorDay === null ? yearEnd : Math.max(yearEnd, this.firstDay + this.dayCount);
    this.rebuild(from, to);
  }

  private rebuild(from: number, to: number): void {
    const count = to - from;
    const starts = new Float64Array(count);
    const ends = new Float64Array(count);
    const kinds = new Uint8Array(count);
    const covered = new Uint8Array(count);
    const oldFirst = this.firstDay;
    const oldCount = this.dayCount;
    for (let i = 0; i < count; i++) {
      const day = from + i;
      const old = day - oldFirst;
      if (this.anchorDay !== null && old >= 0 && old < oldCount) {
        starts[i] = this.starts[old]!;
        ends[i] = this.ends[old]!;
        kinds[i] = this.kinds[old]!;
        covered[i] = this.covered[old]!;
        continue;
      }
      const { kind, covered: isCovered } = classifyDay(this.calendar, day);
      kinds[i] = KIND_CODES.indexOf(kind);
      covered[i] = isCovered ? 1 : 0;
      starts[i] = localWallTime(this.zone, day, this.hours.startMinute);
      if (kind === 'workday') ends[i] = localWallTime(this.zone, day, this.hours.endMinute);
      else if (kind === 'short_day')
        ends[i] = localWallTime(this.zone, day, this.hours.shortEndMinute);
      else ends[i] = starts[i]!;
    }
    // The anchor day's start is counted time 0 forever, so totals handed out earlier stay valid.
    const anchor = this.anchorDay ?? from;
    const prefix = new Float64Array(count + 1);
    const anchorIndex = anchor - from;
    for (let i = anchorIndex; i < count; i++) prefix[i + 1] = prefix[i]! + (ends[i]! - starts[i]!);
    for (let i = anchorIndex - 1; i >= 0; i--) prefix[i] = prefix[i + 1]! - (ends[i]! - starts[i]!);
    const uncoveredBefore = new Int32Array(count + 1);
    for (let i = 0; i < count; i++)
      uncoveredBefore[i + 1] = uncoveredBefore[i]! + (covered[i] ? 0 : 1);
    this.uncoveredBefore = uncoveredBefore;
    this.anchorDay = anchor;
    this.firstDay = from;
    this.dayCount = count;
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
    this.covered = covered;
    this.prefix = prefix;
  }
}

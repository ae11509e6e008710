// moment-business-time 2.0 ships no types: it patches moment.fn and reads two extra locale keys.
import 'moment';

declare module 'moment' {
  type WorkingHours = [string, string, ...string[]] | null;

  interface LocaleSpecification {
    /** Per weekday (0 = Sunday): opening/closing `HH:mm:ss` pairs, or null for a day off. */
    workinghours?: Record<0 | 1 | 2 | 3 | 4 | 5 | 6, WorkingHours>;
    /** `YYYY-MM-DD` dates (minimatch patterns allowed) that are not working days. */
    holidays?: string[];
  }

  interface Moment {
    /** Adds working time in place and returns this. */
    addWorkingTime(amount: number, unit: unitOfTime.DurationConstructor): Moment;
    subtractWorkingTime(amount: number, unit: unitOfTime.DurationConstructor): Moment;
    /** Working time from `other` to this (positive when this is later). */
    workingDiff(other: MomentInput, unit?: unitOfTime.Diff, precise?: boolean): number;
    isWorkingDay(): boolean;
    isWorkingTime(): boolean;
    nextWorkingTime(): Moment;
    lastWorkingTime(): Moment;
  }
}

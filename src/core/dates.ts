// Plain calendar dates as 'YYYY-MM-DD' strings. Arithmetic is on the calendar itself, through a
// Date at midnight UTC (UTC has no daylight saving, so nothing can shift a day); the labels come
// from date-fns's format, which reads a Date in the host's zone, so they are made from a Date at
// local midnight of the same day. Each call makes its own Date: a Date kept from one call to the
// next would name another day once the host's zone changed.
import { format } from 'date-fns/format';
import { toLocalDate } from './isoDate.js';

export { isIsoDate, toLocalDate } from './isoDate.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of midnight UTC of a plain date; a RangeError when the text is no real date. */
function utcMidnight(iso: string): number {
  const match = ISO_DATE.exec(iso);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]) - 1, Number(match[3])] : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month, day));
  if (year < 100) date.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  return date.getTime();
}

function localMidnight(iso: string): Date {
  const date = toLocalDate(iso);
  if (!date) throw new RangeError(`not a calendar date: ${iso}`);
  return date;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The plain date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const date = new Date(utcMidnight(iso) + days * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(iso: string): number {
  return new Date(utcMidnight(iso)).getUTCDay();
}

export function weekdayName(iso: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[weekdayIndex(iso)]!;
}

export function weekdayNumber(name: string): number {
  return WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
}

/** The next Monday strictly after `today`. */
export function nextMondayAfter(today: string): string {
  const daysAhead = (8 - weekdayIndex(today)) % 7 || 7;
  return addDays(today, daysAhead);
}

/** "Mon 7 Dec": the plan's fixed English (date-fns's default locale). */
export function shortDate(iso: string): string {
  return format(localMidnight(iso), 'EEE d MMM');
}

/** "Mon 7 Dec 2026" */
export function longDate(iso: string): string {
  return format(localMidnight(iso), 'EEE d MMM yyyy');
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

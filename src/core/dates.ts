// Plain calendar dates as 'YYYY-MM-DD' strings. Arithmetic is on the calendar itself, through a
// Date at midnight UTC (UTC has no daylight saving, so nothing can shift a day). The labels are
// date-fns's English names of days and months, put together here: date-fns's format read its
// pattern anew on every call, and a team's replays make hundreds of thousands of labels.
import type { Day, Month } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { dateParts, type DateParts } from './isoDate.js';

export { isIsoDate, toLocalDate } from './isoDate.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The year, month and day of a plain date; a RangeError when the text is no real date. */
function partsOf(iso: string): DateParts {
  const parts = dateParts(iso);
  if (!parts) throw new RangeError(`not a calendar date: ${iso}`);
  return parts;
}

/** Milliseconds of midnight UTC of a plain date. */
function utcMidnight({ year, month, day }: DateParts): number {
  const ms = Date.UTC(year, month - 1, day);
  return year < 100 ? new Date(ms).setUTCFullYear(year, month - 1, day) : ms; // Date.UTC maps years 0-99 to 1900-1999
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The plain date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const parts = partsOf(iso);
  const day = parts.day + days;
  // Most calls stay inside the month (a day of the same week): only the day changes.
  if (Number.isInteger(day) && day >= 1 && day <= 28) return `${iso.slice(0, 8)}${pad(day)}`;
  const date = new Date(utcMidnight(parts) + days * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(iso: string): number {
  return new Date(utcMidnight(partsOf(iso))).getUTCDay();
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

/** "Mon 7 Dec": the plan's fixed English. */
export function shortDate(iso: string): string {
  const parts = partsOf(iso);
  const weekday = new Date(utcMidnight(parts)).getUTCDay() as Day;
  const day = enUS.localize.day(weekday, { width: 'abbreviated' });
  const month = enUS.localize.month((parts.month - 1) as Month, { width: 'abbreviated' });
  return `${day} ${parts.day} ${month}`;
}

/** "Mon 7 Dec 2026" */
export function longDate(iso: string): string {
  return `${shortDate(iso)} ${iso.slice(0, 4)}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(partsOf(to)) - utcMidnight(partsOf(from))) / DAY_MS);
}

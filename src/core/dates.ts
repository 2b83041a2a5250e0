// Plain calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through local-midnight Date
// objects made afresh for each call, and back, so the host time zone can never shift a day.
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { toLocalDate } from './isoDate.js';

export { isIsoDate, toLocalDate } from './isoDate.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function mustParse(iso: string): Date {
  const date = toLocalDate(iso);
  if (!date) throw new RangeError(`not a calendar date: ${iso}`);
  return date;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The plain date `days` after `iso`. Local-midnight arithmetic: DST cannot shift the day. */
export function addDays(iso: string, days: number): string {
  const date = addDaysToDate(mustParse(iso), days);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(iso: string): number {
  return mustParse(iso).getDay();
}

export function weekdayName(iso: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[weekdayIndex(iso)]!;
}

export function weekdayNumber(name: string): number {
  return WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
}

/** The next Monday strictly after `today`. */
export function nextMondayAfter(today: string): string {
  const daysAhead = ((8 - weekdayIndex(today)) % 7) || 7;
  return addDays(today, daysAhead);
}

/** "Mon 7 Dec": the plan's fixed English (date-fns's default locale). */
export function shortDate(iso: string): string {
  return format(mustParse(iso), 'EEE d MMM');
}

/** "Mon 7 Dec 2026" */
export function longDate(iso: string): string {
  return format(mustParse(iso), 'EEE d MMM yyyy');
}

export function daysBetween(from: string, to: string): number {
  return Math.round((mustParse(to).getTime() - mustParse(from).getTime()) / 86_400_000);
}

// Plain calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through local-midnight Date
// objects and back, so the host time zone can never shift a day.
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { toLocalDate } from './isoDate.js';

export { isIsoDate, toLocalDate } from './isoDate.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

// Plans and renderers ask for the same few hundred dates again and again. The cached Dates are
// only ever read (date-fns copies its input), never changed.
const parsed = new Map<string, Date>();

function mustParse(iso: string): Date {
  let date = parsed.get(iso);
  if (date === undefined) {
    date = toLocalDate(iso);
    if (!date) throw new RangeError(`not a calendar date: ${iso}`);
    if (parsed.size > 5_000) parsed.clear();
    parsed.set(iso, date);
  }
  return date;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Sums asked for before, by date and then by days added. A batch asks for the same few hundred
// thousands of times; the answer is then always the same string, which the renderers' caches,
// keyed by text, find without hashing it again.
const sums = new Map<string, Map<number, string>>();

/** The plain date `days` after `iso`. Local-midnight arithmetic: DST cannot shift the day. */
export function addDays(iso: string, days: number): string {
  let byDays = sums.get(iso);
  if (byDays === undefined) {
    if (sums.size > 5_000) sums.clear();
    byDays = new Map();
    sums.set(iso, byDays);
  }
  let sum = byDays.get(days);
  if (sum === undefined) {
    const date = addDaysToDate(mustParse(iso), days);
    sum = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    byDays.set(days, sum);
  }
  return sum;
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

// Date labels in the plan's fixed English. Two patterns with no locale to choose need no formatter;
// date-fns's format cost the first plan of every run a millisecond and more to set up. A test holds
// these to date-fns's "EEE d MMM" and "EEE d MMM yyyy".
const WEEKDAY_LABELS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Mon 7 Dec" */
export function shortDate(iso: string): string {
  const date = mustParse(iso);
  return `${WEEKDAY_LABELS[date.getDay()]} ${date.getDate()} ${MONTH_LABELS[date.getMonth()]}`;
}

/** "Mon 7 Dec 2026" */
export function longDate(iso: string): string {
  return `${shortDate(iso)} ${pad(mustParse(iso).getFullYear(), 4)}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((mustParse(to).getTime() - mustParse(from).getTime()) / 86_400_000);
}

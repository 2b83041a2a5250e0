// Parsing a plain 'YYYY-MM-DD' date, kept free of imports so option parsing stays light.
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface DateParts {
  year: number;
  /** 1 = January … 12 = December. */
  month: number;
  day: number;
}

/**
 * The year, month and day of a plain date, or undefined when the text is no real date. Read digit
 * by digit rather than through a RegExp and a Date: the replay reads dates hundreds of times an
 * athlete, and this was a tenth of a team's `status` (docs/performance.md).
 */
export function dateParts(iso: string): DateParts | undefined {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return undefined;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!) ? { year, month, day } : undefined;
}

/** The number the characters of `text` from `from` up to `to` spell; NaN unless all are digits 0-9. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48; // 48 is '0'
    if (!(digit >= 0 && digit <= 9)) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** The Date at local midnight of a plain date, or undefined when the text is no real date. */
export function toLocalDate(iso: string): Date | undefined {
  const parts = dateParts(iso);
  if (!parts) return undefined;
  const date = new Date(parts.year, parts.month - 1, parts.day);
  if (parts.year < 100) date.setFullYear(parts.year, parts.month - 1, parts.day); // years 0-99 would map to 1900-1999
  return date;
}

export function isIsoDate(text: string): boolean {
  return dateParts(text) !== undefined;
}

/**
 * The last date a plan may start on or be made from: a plan runs at most a year (52 weeks, and the
 * weeks a log can add), and dates here end with the year 9999.
 */
export const LAST_PLAN_DATE = '9997-12-31';

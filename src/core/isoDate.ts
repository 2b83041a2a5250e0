// Parsing a plain 'YYYY-MM-DD' date, kept free of imports so option parsing stays light.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Date at local midnight of a plain date, or undefined when the text is no real date. */
export function toLocalDate(iso: string): Date | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  date.setFullYear(year); // years 0-99 would otherwise map to 1900-1999
  const roundTrips = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return roundTrips ? date : undefined;
}

export function isIsoDate(text: string): boolean {
  return toLocalDate(text) !== undefined;
}

/**
 * The last date a plan may start on or be made from: a plan runs at most a year (52 weeks, and the
 * weeks a log can add), and dates here end with the year 9999.
 */
export const LAST_PLAN_DATE = '9997-12-31';

// The values a runner types, parsed the same way wherever they come from: a flag, a wizard answer,
// a roster or a check-in sheet cell. A bad value throws commander's InvalidArgumentError with the
// words that say how to fix it; the readers of rosters and sheets put them beside the line.
import { InvalidArgumentError } from 'commander';
import { WEEKDAYS } from '../core/choices.js';
import { isIsoDate, LAST_PLAN_DATE } from '../core/isoDate.js';
import { SYMPTOM_IDS } from '../core/symptoms.js';
import { closest } from '../suggest.js';

const WHOLE = /^\d+$/;

export function wholeNumber(min: number, max: number, example: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!WHOLE.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`Use a whole number from ${min} to ${max}, e.g. ${example}.`);
    }
    return n;
  };
}

export function volume(example: string) {
  return (value: string): number => {
    const amount = parseAmount(value);
    if (typeof amount === 'string')
      throw new InvalidArgumentError(`${amount} Use a number of 0 or more, e.g. ${example}.`);
    if (amount.unit !== undefined) throw new InvalidArgumentError(`Give the number alone, e.g. ${example}.`);
    return amount.value;
  };
}

/** R-VOL-7: an easy pace as minutes:seconds per km or mile, e.g. 6:30; the result is minutes (6.5). */
export function pace(value: string): number {
  const match = /^(\d{1,2}):([0-5]\d)$/.exec(value.trim());
  const minutes = match ? Number(match[1]) + Number(match[2]) / 60 : NaN;
  if (!(minutes >= PACE_RANGE.min && minutes <= PACE_RANGE.max)) {
    throw new InvalidArgumentError(
      'Use your easy pace as minutes:seconds per km or mile (your --units), from 2:00 to 30:00, e.g. 6:30.',
    );
  }
  return minutes;
}

export const PACE_RANGE = { min: 2, max: 30 } as const;

export type AmountUnit = 'km' | 'mi' | 'min';

const UNIT_WORDS: Record<string, AmountUnit> = {
  km: 'km',
  kms: 'km',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
  mi: 'mi',
  mile: 'mi',
  miles: 'mi',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
};
const AMOUNT = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)$/i;

/**
 * A running amount as typed, in the wizard and in flags alike: "6.5", "6,5" (a decimal comma),
 * "15km", "15 km", "90 min". A comma before exactly three digits ("1,500") could be a thousands
 * separator or a decimal, so it is refused. Returns the problem in words when the text is no amount.
 */
export function parseAmount(text: string): { value: number; unit?: AmountUnit } | string {
  const match = AMOUNT.exec(text.trim());
  if (!match) return /^-\s*\d/.test(text.trim()) ? `"${text.trim()}" is below 0.` : `"${text.trim()}" is not a number.`;
  const [, digits, word] = match as unknown as [string, string, string];
  if (/,\d{3}$/.test(digits))
    return `"${digits}" could be ${digits.replace(',', '')} or ${digits.replace(',', '.')}: write it without the comma, or with a point.`;
  const value = Number(digits.replace(',', '.'));
  if (!Number.isFinite(value) || value > 10_000) return `"${digits}" is more than 10,000.`;
  if (word === '') return { value };
  const unit = UNIT_WORDS[word.toLowerCase()];
  if (!unit) return `"${word}" is not a unit backplan knows (km, mi or min).`;
  return { value, unit };
}

export function isoDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('Use a real calendar date as YYYY-MM-DD, e.g. 2026-12-07.');
  if (value > LAST_PLAN_DATE)
    throw new InvalidArgumentError(
      `Use a date up to ${LAST_PLAN_DATE}: a plan from a later one would run past the year 9999.`,
    );
  return value;
}

/** Repeatable and comma-separated: `--symptom limp --symptom night-pain,fever`. */
export function symptomList(value: string, previous: string[] = []): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const id of ids) {
    if (!SYMPTOM_IDS.includes(id)) {
      const guess = closest(id, SYMPTOM_IDS);
      throw new InvalidArgumentError(
        `Unknown symptom "${id}"${guess ? `; did you mean "${guess}"?` : '.'} Run "backplan symptoms" to list them.`,
      );
    }
  }
  return [...new Set([...previous, ...ids])];
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function weekdayList(value: string): string[] {
  const days = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (days.length === 0) throw new InvalidArgumentError('List weekdays separated by commas, e.g. mon,wed,sat.');
  return [
    ...new Set(
      days.map((day) => {
        const index = DAY_NAMES.findIndex((name) => name.startsWith(day) && day.length >= 3);
        if (index === -1)
          throw new InvalidArgumentError(
            `"${day}" is not a weekday. List weekdays separated by commas, e.g. mon,wed,sat.`,
          );
        return WEEKDAYS[index]!;
      }),
    ),
  ];
}

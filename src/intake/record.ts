// One intake from a record whose keys are the `plan` flag names without "--": a roster row (CSV or
// YAML) or a profile file. Values are parsed by the same parsers as the flags, so a bad value gets
// the same message wherever it comes from.
import { InvalidArgumentError } from 'commander';
import { DISTANCE_UNITS as UNITS, RUNNER_TYPES } from '../core/choices.js';
import { isoDate, pace, symptomList, volume, weekdayList, wholeNumber } from './values.js';
import { closest } from '../suggest.js';
import type { IntakeInput } from './schema.js';

type Parser = (text: string) => unknown;

const choice =
  (allowed: readonly string[]): Parser =>
  (text) => {
    const value = text.trim().toLowerCase();
    if (!allowed.includes(value)) throw new InvalidArgumentError(`Use one of ${allowed.join(', ')}.`);
    return value;
  };
const yesNo: Parser = (text) => {
  const value = text.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(value)) return true;
  if (['no', 'n', 'false', '0'].includes(value)) return false;
  throw new InvalidArgumentError('Use yes or no.');
};
const listOf =
  (parse: (text: string) => string[]): Parser =>
  (text) =>
    parse(text.replace(/;/g, ','));
const plainText: Parser = (text) => text.trim() || undefined;

/** Record key → the intake field it sets and how its text is read. */
const FIELDS: Record<string, { field: keyof IntakeInput | 'weeklyMinutes' | 'id'; parse: Parser }> = {
  id: { field: 'id', parse: plainText },
  name: { field: 'name', parse: plainText },
  pain: { field: 'pain', parse: wholeNumber(0, 10, 'pain 2') },
  symptoms: { field: 'symptoms', parse: listOf((t) => (t.trim() ? symptomList(t) : [])) },
  weekly: { field: 'weekly', parse: volume('weekly 15') },
  units: { field: 'units', parse: choice(UNITS) },
  'weekly-minutes': { field: 'weeklyMinutes', parse: volume('weekly-minutes 90') },
  'runs-per-week': { field: 'runsPerWeek', parse: wholeNumber(1, 7, 'runs-per-week 3') },
  'longest-run': { field: 'longestRun', parse: volume('longest-run 8') },
  'goal-weekly': { field: 'goalWeekly', parse: volume('goal-weekly 30') },
  pace: { field: 'pace', parse: pace },
  age: { field: 'age', parse: wholeNumber(5, 110, 'age 42') },
  'first-episode': { field: 'firstEpisode', parse: yesNo },
  'arching-pain': { field: 'archingPain', parse: yesNo },
  runner: { field: 'runner', parse: choice(RUNNER_TYPES) },
  start: { field: 'start', parse: isoDate },
  weeks: { field: 'weeks', parse: wholeNumber(1, 52, 'weeks 8') },
  days: { field: 'days', parse: listOf(weekdayList) },
  cleared: { field: 'cleared', parse: yesNo },
};
const ALIASES: Record<string, string> = { symptom: 'symptoms' };
export const RECORD_KEYS = Object.keys(FIELDS);

/** A record's problem, naming the key it is in. */
export class RecordError extends Error {
  override name = 'RecordError';
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`${key}: ${message}`);
  }
}

export interface RecordIntake {
  id?: string;
  intake: Partial<IntakeInput>;
}

/** YAML and JSON give numbers, booleans and lists; CSV gives text. Both become the text a flag would hold. */
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(asText).join(',');
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') throw new InvalidArgumentError('Expected a value, not a nested mapping.');
  return String(value);
}

export function intakeFromRecord(record: Record<string, unknown>): RecordIntake {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(record)) {
    const lower = rawKey.trim().toLowerCase();
    // Own keys only: a roster column named "constructor" or "__proto__" is an unknown field, not Object's.
    const key = Object.hasOwn(ALIASES, lower) ? ALIASES[lower]! : lower;
    const spec = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    if (!spec) {
      const guess = closest(key, RECORD_KEYS);
      throw new RecordError(
        rawKey,
        `unknown field${guess ? `; did you mean "${guess}"?` : ''} (fields are the plan flags without --)`,
      );
    }
    const text = asText(value);
    if (text.trim() === '') continue; // an empty cell is no answer
    try {
      out[spec.field] = spec.parse(text);
    } catch (error) {
      throw new RecordError(key, error instanceof Error ? error.message : String(error));
    }
  }
  if (out.weekly !== undefined && out.weeklyMinutes !== undefined)
    throw new RecordError('weekly-minutes', 'give weekly (with units) or weekly-minutes, not both');
  if (out.weeklyMinutes !== undefined) {
    if (record.units !== undefined && String(record.units).trim())
      throw new RecordError('units', 'does not apply with weekly-minutes (goal-weekly is minutes too)');
    if (out.pace !== undefined) {
      throw new RecordError('pace', 'does not apply with weekly-minutes (everything is minutes already)');
    }
    out.weekly = out.weeklyMinutes;
    out.units = 'min';
  }
  const { id, weeklyMinutes: _minutes, ...intake } = out;
  return { id: id as string | undefined, intake: intake as Partial<IntakeInput> };
}

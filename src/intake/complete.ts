// The intake's happy path without zod, for start-up speed: the plan flags have each been checked
// by their parsers (src/cli/options.ts), so what is left is filling in the defaults and the one
// check across two fields. Whatever this is not sure of returns null, and the zod schema
// (schema.ts) decides, with its own messages; a property test holds the two to the same answers.
import { isIsoDate } from '../core/isoDate.js';
import { SYMPTOM_IDS } from '../core/symptoms.js';
import type { Intake } from '../core/types.js';
import type { IntakeInput } from './schema.js';
import { RUNNER_TYPES, VOLUME_UNITS, WEEKDAYS } from '../core/choices.js';

const KEYS = new Set([
  'name',
  'pain',
  'symptoms',
  'weekly',
  'units',
  'runsPerWeek',
  'longestRun',
  'goalWeekly',
  'pace',
  'age',
  'firstEpisode',
  'archingPain',
  'runner',
  'start',
  'weeks',
  'days',
  'cleared',
]);

const whole = (v: unknown, min: number, max: number): boolean =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const amount = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10_000;
const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
const flag = (v: unknown): boolean => v === undefined || typeof v === 'boolean';

export function completeIntake(raw: Partial<IntakeInput>): Intake | null {
  if (Object.keys(raw).some((key) => !KEYS.has(key))) return null;
  const name = typeof raw.name === 'string' ? raw.name.trim() : raw.name;
  const ok =
    (name === undefined || (typeof name === 'string' && name.length >= 1 && name.length <= 120)) &&
    whole(raw.pain, 0, 10) &&
    optional(raw.symptoms, (v) => Array.isArray(v) && v.every((id) => SYMPTOM_IDS.includes(id))) &&
    optional(raw.weekly, amount) &&
    optional(raw.units, (v) => (VOLUME_UNITS as readonly unknown[]).includes(v)) &&
    optional(raw.runsPerWeek, (v) => whole(v, 1, 7)) &&
    optional(raw.longestRun, amount) &&
    (raw.longestRun ?? 0) <= ((raw.goalWeekly as number) ?? 0) &&
    amount(raw.goalWeekly) &&
    (raw.goalWeekly as number) > 0 &&
    (raw.goalWeekly as number) >= (raw.weekly ?? 0) &&
    optional(raw.pace, (v) => typeof v === 'number' && v >= 2 && v <= 30) &&
    !(raw.pace !== undefined && raw.units === 'min') &&
    optional(raw.age, (v) => whole(v, 5, 110)) &&
    flag(raw.firstEpisode) &&
    flag(raw.archingPain) &&
    flag(raw.cleared) &&
    !(raw.archingPain === true && raw.age === undefined) &&
    !(raw.firstEpisode === true && raw.age === undefined) &&
    optional(raw.runner, (v) => (RUNNER_TYPES as readonly unknown[]).includes(v)) &&
    optional(raw.start, (v) => typeof v === 'string' && isIsoDate(v)) &&
    optional(raw.weeks, (v) => whole(v, 1, 52)) &&
    optional(raw.days, (v) => Array.isArray(v) && v.length >= 1 && v.every((d) => WEEKDAYS.includes(d)));
  if (!ok) return null;
  const intake: Intake = {
    pain: raw.pain!,
    symptoms: raw.symptoms ?? [],
    weekly: raw.weekly ?? 0,
    units: raw.units ?? 'km',
    goalWeekly: raw.goalWeekly!,
    firstEpisode: raw.firstEpisode ?? false,
    archingPain: raw.archingPain ?? false,
    runner: raw.runner ?? 'beginner',
    cleared: raw.cleared ?? false,
  };
  if (name !== undefined) intake.name = name;
  if (raw.runsPerWeek !== undefined) intake.runsPerWeek = raw.runsPerWeek;
  if (raw.longestRun !== undefined) intake.longestRun = raw.longestRun;
  if (raw.pace !== undefined) intake.pace = raw.pace;
  if (raw.age !== undefined) intake.age = raw.age;
  if (raw.start !== undefined) intake.start = raw.start;
  if (raw.weeks !== undefined) intake.weeks = raw.weeks;
  if (raw.days !== undefined) intake.days = raw.days;
  return intake;
}

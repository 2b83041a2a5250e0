// From command-line flags to raw intake fields (validate.ts checks them, with errors that name
// the flag to fix). No zod here: the plan command's start-up path imports this file.
import { UsageError } from '../errors.js';
import type { Intake } from '../core/types.js';
import type { IntakeInput } from './schema.js';

/** The intake answers as flags give them (the same names the wizard and rosters use). */
export interface IntakeFlags {
  pain?: number;
  symptom?: string[];
  weekly?: number;
  units?: Intake['units'];
  weeklyMinutes?: number;
  runsPerWeek?: number;
  longestRun?: number;
  goalWeekly?: number;
  pace?: number;
  age?: number;
  firstEpisode?: boolean;
  archingPain?: boolean;
  runner?: Intake['runner'];
  start?: string;
  weeks?: number;
  days?: string[];
  cleared?: boolean;
  name?: string;
}

/** The flag that sets each intake field, for error messages. */
export const FLAG_OF: Record<keyof IntakeInput, string> = {
  name: '--name',
  pain: '--pain',
  symptoms: '--symptom',
  weekly: '--weekly',
  units: '--units',
  runsPerWeek: '--runs-per-week',
  longestRun: '--longest-run',
  goalWeekly: '--goal-weekly',
  pace: '--pace',
  age: '--age',
  firstEpisode: '--first-episode',
  archingPain: '--arching-pain',
  runner: '--runner',
  start: '--start',
  weeks: '--weeks',
  days: '--days',
  cleared: '--cleared',
};

export const REQUIRED: { field: 'pain' | 'goalWeekly'; usage: string }[] = [
  { field: 'pain', usage: '--pain <0-10>' },
  { field: 'goalWeekly', usage: '--goal-weekly <n>' },
];

/** Raw intake fields from flags; undefined where a flag was not given. */
export function intakeFromFlags(flags: IntakeFlags): Partial<IntakeInput> {
  if (flags.weekly !== undefined && flags.weeklyMinutes !== undefined) {
    throw new UsageError(
      '--weekly and --weekly-minutes both given',
      'give your current running as a distance (--weekly with --units) or in minutes (--weekly-minutes), not both',
    );
  }
  if (flags.weeklyMinutes !== undefined && flags.units !== undefined) {
    throw new UsageError(
      '--units does not apply to --weekly-minutes',
      'with --weekly-minutes, --goal-weekly and --longest-run are minutes too; drop --units, or use --weekly',
    );
  }
  if (flags.weeklyMinutes !== undefined && flags.pace !== undefined) {
    throw new UsageError(
      '--pace does not apply to --weekly-minutes',
      'a pace turns distances into minutes; with --weekly-minutes everything is minutes already, so drop --pace',
    );
  }
  const raw: Partial<IntakeInput> = {
    name: flags.name,
    pain: flags.pain,
    symptoms: flags.symptom,
    weekly: flags.weeklyMinutes ?? flags.weekly,
    units: flags.weeklyMinutes !== undefined ? 'min' : flags.units,
    runsPerWeek: flags.runsPerWeek,
    longestRun: flags.longestRun,
    goalWeekly: flags.goalWeekly,
    pace: flags.pace,
    age: flags.age,
    firstEpisode: flags.firstEpisode,
    archingPain: flags.archingPain,
    runner: flags.runner,
    start: flags.start,
    weeks: flags.weeks,
    days: flags.days as IntakeInput['days'],
    cleared: flags.cleared,
  };
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Partial<IntakeInput>;
}

// From command-line flags to a validated Intake, with errors that name the flag to fix.
import type { Intake } from '../core/types.js';
import { UsageError } from '../cli/errors.js';
import type { IntakeFlags } from '../cli/options.js';
import { checkIntake, intakeSchema, type IntakeInput } from './schema.js';

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
  age: '--age',
  firstEpisode: '--first-episode',
  archingPain: '--arching-pain',
  runner: '--runner',
  start: '--start',
  weeks: '--weeks',
  days: '--days',
  cleared: '--cleared',
};

const REQUIRED: { field: 'pain' | 'goalWeekly'; usage: string }[] = [
  { field: 'pain', usage: '--pain <0-10>' },
  { field: 'goalWeekly', usage: '--goal-weekly <n>' },
];

/** Raw intake fields from flags; undefined where a flag was not given. */
export function intakeFromFlags(flags: IntakeFlags): Partial<IntakeInput> {
  if (flags.weekly !== undefined && flags.weeklyMinutes !== undefined) {
    throw new UsageError('--weekly and --weekly-minutes both given', 'give your current running as a distance (--weekly with --units) or in minutes (--weekly-minutes), not both');
  }
  if (flags.weeklyMinutes !== undefined && flags.units !== undefined) {
    throw new UsageError('--units does not apply to --weekly-minutes', 'with --weekly-minutes, --goal-weekly and --longest-run are minutes too; drop --units, or use --weekly');
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

/** Validates merged intake fields; a missing required answer or a bad value is a usage error. */
export function validateIntake(raw: Partial<IntakeInput>): Intake {
  const missing = REQUIRED.filter((r) => raw[r.field] === undefined).map((r) => r.usage);
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(' and ')}`,
      'say how much it hurts at rest (0-10) and your weekly running before the pain, e.g. --pain 2 --goal-weekly 30 --units km',
    );
  }
  const result = intakeSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path[0] as keyof IntakeInput | undefined;
    const flag = field ? FLAG_OF[field] : 'intake';
    const value = field ? raw[field] : undefined;
    throw new UsageError(`${flag}${value !== undefined ? ` ${String(value)}` : ''} ${issue.message.replace(/^Invalid input: /, '')}`, `fix ${flag} and run again; see --help`);
  }
  return checkIntake(result.data);
}

// Merged intake fields → a validated Intake through the zod schema; a missing answer or a bad value
// is a usage error naming the flag to fix.
import { DataError, UsageError } from '../errors.js';
import type { Intake } from '../core/types.js';
import { FLAG_OF, REQUIRED } from './fromFlags.js';
import { checkIntake, intakeSchema, type IntakeInput } from './schema.js';

/** Validates merged intake fields; a missing required answer or a bad value is a usage error. */
export function validateIntake(raw: Partial<IntakeInput>): Intake {
  const missing = REQUIRED.filter((r) => raw[r.field] === undefined).map((r) => r.usage);
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(' and ')}`,
      'say how much it hurts at rest (0-10) and your weekly running before the pain, e.g. --pain 2 --goal-weekly 30 --units km',
    );
  }
  if (raw.archingPain === true && raw.age === undefined) {
    // Under 20, pain when arching backwards is a red flag (R-TRIAGE-2); without the age it cannot be weighed.
    throw new UsageError(
      '--arching-pain needs --age',
      'under 20, pain when arching backwards may be a stress fracture and needs a doctor first; give your age, e.g. --age 17',
    );
  }
  if (raw.firstEpisode === true && raw.age === undefined) {
    // At 50 or over, a first episode needs a doctor first (R-TRIAGE-3); without the age it cannot be weighed.
    throw new UsageError(
      '--first-episode needs --age',
      'at 50 or over, a first episode of back pain needs a doctor (GP) first; give your age, e.g. --age 52',
    );
  }
  const result = intakeSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path[0] as keyof IntakeInput | undefined;
    const flag = field ? FLAG_OF[field] : 'intake';
    const value = field ? raw[field] : undefined;
    throw new UsageError(
      `${flag}${value !== undefined ? ` ${String(value)}` : ''} ${issue.message.replace(/^Invalid input: /, '')}`,
      `fix ${flag} and run again; see --help`,
    );
  }
  return checkIntake(result.data);
}

/**
 * A saved athlete file's intake: a bad value is the file's fault (exit 1, naming the file and the
 * field), not a flag's. Pain when arching with no age is not refused here: the engine weighs it as
 * if under 20, an urgent reason (R-TRIAGE-2), and the triage says to give the age.
 */
export function validateSavedIntake(raw: Partial<IntakeInput>, file: string): Intake {
  const result = intakeSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || 'intake';
    throw new DataError(
      `${file}: intake: ${field} ${issue.message.replace(/^Invalid input: /, '')}`,
      'change the answer with "backplan edit", or start again with "backplan init --force"',
    );
  }
  return checkIntake(result.data);
}

// The runner's saved answers, for the commands that write them (init, edit): reading an existing
// athlete file, keeping its log inside the plan, and the answers in a few lines of words.
import { statSync } from 'node:fs';
import { longDate } from '../core/dates.js';
import { findSymptom } from '../core/symptoms.js';
import { replan } from '../core/replay.js';
import type { Intake, Stop, Templates } from '../core/types.js';
import { terminalSafe, wrap } from '../export/style.js';
import { readAthlete, type AthleteFile } from '../store/athlete.js';
import { validateSavedIntake } from '../intake/validate.js';
import { DataError, FileError } from '../errors.js';

/**
 * A start date that keeps the log inside the plan: with check-ins logged, the start they were
 * made against (the replay reads the log from the plan's start on; a later start would orphan it).
 */
export function startKeepsLog(existing: AthleteFile | undefined, start: string): true | string {
  if (!existing || existing.log.length === 0) return true;
  const saved = existing.intake.start;
  const first = existing.log.reduce((a, e) => (e.date < a ? e.date : a), existing.log[0]!.date);
  if (saved === undefined ? start <= first : start === saved) return true;
  const count = `${existing.log.length} check-in${existing.log.length === 1 ? '' : 's'}`;
  return `the log holds ${count} from ${longDate(first)} on, logged against the plan ${saved ? `that starts ${longDate(saved)}` : 'as it was'}; moving the start would leave them outside the plan${saved ? ` (keep ${saved})` : ''}`;
}

/**
 * Nothing but a clinician's all-clear lifts a stop (R-TRIAGE-1/2, R-PAIN-6, R-ESC-1..3): new
 * answers over a log (edit, init --force, team init --force) whose re-plan lifts the stop in
 * force are refused unless they bring the all-clear (--cleared). Returns the problem, or null.
 */
export function stopLiftedBy(before: Stop | null, after: Stop | null, clearing: boolean): string | null {
  if (!before || after || clearing) return null;
  return `running is stopped since ${longDate(before.since)} (${before.reason}: ${before.text}), and only a clinician's all-clear lifts that`;
}

/**
 * stopLiftedBy for answers replacing a saved file's (init --force, team init --force). A file whose
 * answers no longer validate holds no stop it can judge: it is replaced whole, its .bak kept.
 */
export function liftsStop(existing: AthleteFile, after: Intake, templates: Templates, today: string): string | null {
  let before: Intake;
  try {
    before = validateSavedIntake(existing.intake, existing.path);
  } catch {
    return null;
  }
  const stopOf = (intake: Intake) => replan(intake, existing.log, templates, today).progress.stopped;
  const stop = stopOf(before);
  return stop && stopLiftedBy(stop, stopOf(after), after.cleared && !before.cleared);
}

/** The hint that goes with stopLiftedBy's problem. */
export const STOP_HINT =
  'once cleared, log it with "backplan checkin --cleared"; answers given by mistake: start again with "backplan reset"';

/**
 * The athlete file about to be replaced; refused when it cannot be read: its log may hold a stop
 * that a new file would lift without --cleared (R-TRIAGE-2, R-ESC-1..3).
 */
export function readToReplace(path: string, shown: string): AthleteFile | undefined {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
    throw new DataError(
      `${shown} is a folder, not an athlete file; nothing was changed`,
      'give the file itself, not its folder',
    );
  try {
    return readAthlete(path);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    const where = error.line !== null ? `line ${error.line}: ` : '';
    throw new DataError(
      `${shown} cannot be read (${where}${error.detail}); replacing it would drop its check-ins, and any stop they hold, so nothing was changed`,
      'fix that line, or start over with "backplan reset" (the file and its check-ins go)',
    );
  }
}

export function readIfValid(path: string): AthleteFile | undefined {
  try {
    return readAthlete(path);
  } catch {
    return undefined;
  }
}

/** The answers in a few lines, in words (symptoms as the checklist says them), wrapped to `width`. */
export function summary(intake: Intake, defaultRunDays: number, width = 80): string {
  const unit = intake.units === 'min' ? 'min' : intake.units;
  const symptoms = intake.symptoms.map((id) => findSymptom(id)?.text ?? id);
  const parts = [
    [
      intake.name ? terminalSafe(intake.name) : '',
      `pain at rest ${intake.pain}/10`,
      symptoms.length ? `symptoms: ${symptoms.join('; ')}` : 'no symptoms ticked',
      intake.cleared ? 'cleared by a clinician' : '',
    ],
    [
      `running now: ${intake.weekly} ${unit} a week on ${intake.runsPerWeek ?? defaultRunDays} days`,
      `before the pain: ${intake.goalWeekly} ${unit} a week`,
    ],
    [
      `${intake.runner} runner${intake.age ? `, age ${intake.age}` : ''}`,
      `starts ${longDate(intake.start!)}`,
      `run days: ${intake.days?.join(', ') ?? 'backplan chooses'}`,
    ],
  ];
  const lines = [
    'Your answers',
    ...parts.flatMap((line) => wrap(line.filter(Boolean).join(' · '), width, '    ', '  ')),
  ];
  return lines.join('\n');
}

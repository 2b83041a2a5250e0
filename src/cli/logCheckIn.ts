// Logging one check-in in the athlete file: the same checks and the same record for `checkin` and
// for every caller that logs on a runner's behalf.
import { longDate } from '../core/dates.js';
import { sessionBeforeMorning } from '../core/log.js';
import { replan, type Replanned } from '../core/replay.js';
import type { CheckIn, Intake, Templates } from '../core/types.js';
import { appendCheckIn, readAthlete, type AthleteFile } from '../store/athlete.js';
import { withLock } from '../store/lock.js';
import { DataError } from '../errors.js';

export interface LogTarget {
  athlete: AthleteFile;
  /** The athlete file's path as the user gave it, for messages. */
  shown: string;
  intake: Intake;
  templates: Templates;
  today: string;
}

/**
 * Appends a validated entry and re-plans from the log with it. Under the lock the file is read
 * again, so a check-in logged meanwhile by another backplan is kept; a dry run writes nothing,
 * not even the lock.
 */
export function logCheckIn(target: LogTarget, entry: CheckIn, dryRun: boolean): Replanned & { checked: CheckIn } {
  const { intake, templates, today } = target;
  const logIt = (current: AthleteFile) => {
    checkAgainstLog(entry, current.log);
    const checked = withPlannedRun(entry, intake, current.log, templates, today);
    const replanned = replan(intake, [...current.log, checked], templates, today);
    if (!dryRun) appendCheckIn(current, checked);
    return { ...replanned, checked };
  };
  const { athlete } = target;
  return dryRun
    ? logIt(athlete)
    : withLock(athlete.path, target.shown, () => logIt(readAthlete(athlete.path) ?? athlete));
}

/** One session check-in a day, and a next-morning pain needs the session it belongs to. */
export function checkAgainstLog(entry: CheckIn, log: readonly CheckIn[]): void {
  if (entry.completed !== undefined && log.some((e) => e.completed !== undefined && e.date === entry.date)) {
    throw new DataError(
      `a session on ${longDate(entry.date)} is already logged; nothing was changed`,
      'log another day with --date, or correct the entry in the athlete file',
    );
  }
  if (entry.morning) {
    const sessions = log.filter((e) => e.completed !== undefined);
    if (!sessionBeforeMorning(sessions, entry.date)) {
      throw new DataError(
        `no session logged in the two days before ${longDate(entry.date)} to add a next-morning pain to`,
        "log the session first, or give the morning's date with --date",
      );
    }
  }
}

/**
 * R-LOG-2: a session keeps the level and minutes the plan had for its day when it was logged, so
 * that an entry logged later for an earlier day cannot rewrite it.
 */
function withPlannedRun(
  entry: CheckIn,
  intake: Intake,
  log: readonly CheckIn[],
  templates: Templates,
  today: string,
): CheckIn {
  if (entry.completed !== 'yes' && entry.completed !== 'partial') return entry;
  const { plan } = replan(intake, log, templates, today);
  const run = plan.weeks.flatMap((w) => w.sessions).find((s) => s.date === entry.date && s.runMinutes > 0);
  if (!run) return entry;
  return { ...entry, ...(run.level !== undefined ? { plannedLevel: run.level } : {}), plannedMinutes: run.runMinutes };
}

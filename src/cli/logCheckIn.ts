// Logging one check-in in the athlete file: the same checks and the same record for `checkin` and
// for every caller that logs on a runner's behalf.
import { longDate } from '../core/dates.js';
import { sessionBeforeMorning } from '../core/log.js';
import { replan, replanAround, type Replanned, type ReplannedAround } from '../core/replay.js';
import type { CheckIn, Intake, Progress, Rules, Stop, Templates, Week } from '../core/types.js';
import { highestPain } from '../core/checkin.js';
import { appendCheckIns, readAthlete, type AthleteFile } from '../store/athlete.js';
import { withLock } from '../store/lock.js';
import { DataError } from '../errors.js';
import { withFields } from '../core/copy.js';

export interface LogTarget {
  athlete: AthleteFile;
  /** The athlete file's path as the user gave it, for messages. */
  shown: string;
  intake: Intake;
  templates: Templates;
  today: string;
  /** Today came from --today, not the clock: it may not be set before the log (checkTodayNotBeforeLog). */
  todayGiven?: boolean;
}

export type Logged = Replanned & { checked: CheckIn };

/**
 * Appends a validated entry and re-plans from the log with it. Under the lock the file is read
 * again, so a check-in logged meanwhile by another backplan is kept; a dry run writes nothing,
 * not even the lock.
 */
export function logCheckIn(target: LogTarget, entry: CheckIn, dryRun: boolean): Logged {
  const logIt = (current: AthleteFile) => {
    const [logged] = judgeInTurn(current.log, [entry], target);
    if (!dryRun) appendCheckIns(current, [logged!.checked]);
    return logged!;
  };
  const { athlete } = target;
  return dryRun
    ? logIt(athlete)
    : withLock(athlete.path, target.shown, () => logIt(readAthlete(athlete.path) ?? athlete));
}

/**
 * Entries judged in turn, each as `checkin` judges one: checked against the log and the entries
 * before it, given the run the plan had for its day (R-LOG-2), and re-planned with them. The
 * re-plan after an entry is the plan before the next one, so it is not made twice.
 */
export function judgeInTurn(log: readonly CheckIn[], entries: readonly CheckIn[], athlete: Athlete): Logged[] {
  const { intake, templates } = athlete;
  const replanOn = (current: readonly CheckIn[], asOf: string) => replan(intake, current, templates, asOf);
  return inTurn(log, entries, athlete, replanOn, (replanned) => replanned.plan.weeks);
}

/**
 * judgeInTurn for a team's rows, which read only each entry's decisions and whether running is
 * stopped: every re-plan assembles only the weeks from its day to the next run (replanAround),
 * the very weeks the whole plan holds there, so each entry is judged and recorded the same.
 */
export function judgeRowsInTurn(
  log: readonly CheckIn[],
  entries: readonly CheckIn[],
  athlete: Athlete,
): (ReplannedAround & { checked: CheckIn })[] {
  const { intake, templates } = athlete;
  const replanOn = (current: readonly CheckIn[], asOf: string) =>
    replanAround(intake, current, templates, asOf, { from: asOf, through: asOf });
  return inTurn(log, entries, athlete, replanOn, (replanned) => replanned.weeks);
}

/** Whom the entries are judged for: the answers, the templates and today. */
type Athlete = Omit<LogTarget, 'athlete' | 'shown'>;

function inTurn<R extends { progress: Progress }>(
  log: readonly CheckIn[],
  entries: readonly CheckIn[],
  { intake, templates, today, todayGiven }: Athlete,
  replanOn: (log: readonly CheckIn[], asOf: string) => R,
  weeksOf: (replanned: R) => readonly Week[],
): (R & { checked: CheckIn })[] {
  const rules = templates.rules;
  if (todayGiven) checkTodayNotBeforeLog(log, today, entries);
  const judged: (R & { checked: CheckIn })[] = [];
  let current = log;
  let replanned: R | undefined;
  // The stop in force before these entries: the one the runner or the coach has been shown. A
  // stop the entries' own order makes along the way (a sheet of past weeks, read one row at a
  // time) was never shown to anyone. Entries that bring an all-clear of their own keep no stop.
  let shownStop: Stop | null | undefined = entries.some((e) => e.cleared) ? null : undefined;
  for (const entry of entries) {
    checkAgainstLog(entry, current);
    checkNotBeforeClearance(entry, current, rules);
    // The plan as it stood on the session's day: a run logged late for a past day keeps the level
    // that day's plan held (an advance due with it included, R-LOG-1), not the "missed" it shows now.
    const asOf = entry.date < today ? entry.date : today;
    const now = replanned ?? (wasRun(entry) && asOf === today ? replanOn(current, today) : undefined);
    // Only the stop is kept of a re-plan made for it, and only the weeks around today are assembled.
    if (shownStop === undefined) shownStop = now ? now.progress.stopped : stopToday(intake, templates, today, current);
    const before = wasRun(entry) ? (asOf === today ? now! : replanOn(current, asOf)) : undefined;
    const checked = before ? withPlannedRun(entry, weeksOf(before)) : entry;
    // A setback the entry makes (a morning pain makes one on its session's day) is counted anew.
    const clearance = clearanceAfter(entry, current);
    const setbacksBefore = clearance ? setbacksIn((replanned ?? replanOn(current, today)).progress) : 0;
    current = [...current, checked];
    replanned = replanOn(current, today);
    if (shownStop && !replanned.progress.stopped) throw stopKept(shownStop);
    if (clearance && setbacksIn(replanned.progress) > setbacksBefore) throw setbackUnder(entry, clearance);
    judged.push(withFields(replanned, { checked }));
  }
  return judged;
}

/**
 * A check-in is judged as of today with the whole log. A --today before entries already logged
 * would leave them out of the judgement: a stop they made would not be seen, nor kept. Only a
 * --today given is checked (the clock's today can fall behind the log's, across time zones), and
 * never for an entry that reports a symptom, which is always heard.
 */
export function checkTodayNotBeforeLog(log: readonly CheckIn[], today: string, entries: readonly CheckIn[] = []): void {
  if (entries.some((e) => (e.symptoms?.length ?? 0) > 0)) return;
  const newest = log.reduce<string | null>((latest, e) => (latest === null || e.date > latest ? e.date : latest), null);
  if (newest === null || newest <= today) return;
  throw new DataError(
    `--today ${longDate(today)} is before the newest check-in already logged (${longDate(newest)}), which it would leave out; nothing was logged`,
    `leave out --today, or give ${newest} or later`,
  );
}

/** Whether running is stopped today with a log: the re-plan assembles only the week of today. */
function stopToday(intake: Intake, templates: Templates, today: string, log: readonly CheckIn[]): Stop | null {
  return replanAround(intake, log, templates, today, { from: today, through: today }).progress.stopped;
}

/**
 * A stop the runner has been shown stands until a clinician clears it (R-TRIAGE-1/2, R-ESC-1..3):
 * an entry that would lift it (a clean run dated between the holds that stopped it, a run on the
 * day "not improving" was found) is refused, not logged.
 */
function stopKept(stop: Stop): DataError {
  return new DataError(
    `running is stopped since ${longDate(stop.since)} (${stop.reason}: ${stop.text}), and only a clinician's all-clear lifts that; nothing was logged`,
    'see a doctor or physical therapist, then log their all-clear with --cleared',
  );
}

/**
 * A clinician's all-clear covers what was reported before it. A symptom, or a pain that escalates
 * (R-ESC-1), reported after an all-clear already logged but dated before its day would be covered
 * by it all the same (the log is replayed by date): it is refused, to be logged for today.
 */
function checkNotBeforeClearance(entry: CheckIn, log: readonly CheckIn[], rules: Rules): void {
  if (entry.cleared) return;
  const carries = (entry.symptoms?.length ?? 0) > 0 || (highestPain(entry) ?? 0) >= rules.escalationPain;
  if (!carries) return;
  const clearance = clearanceAfter(entry, log);
  if (!clearance) return;
  const what = entry.symptoms?.length ? 'a symptom' : `a pain of ${highestPain(entry)}/10`;
  throw new DataError(
    `${what} dated ${longDate(entry.date)} would fall under the all-clear already logged for ${longDate(clearance.date)}, which was given before it was reported; nothing was logged`,
    'log it for today, so that it counts now (checkin --symptom ID or --rest-pain N, with no --date)',
  );
}

/** The newest all-clear already logged that an entry would fall under, replayed by date. */
function clearanceAfter(entry: CheckIn, log: readonly CheckIn[]): CheckIn | undefined {
  if (entry.cleared) return undefined;
  // A morning entry comes first on its day, before an all-clear logged that day (daysOf).
  return log.findLast((e) => e.cleared && (e.date > entry.date || (entry.morning && e.date === entry.date)));
}

/**
 * A setback (a hold, a drop-back, a stop) dated under an all-clear already logged would be
 * counted before the clearance, where it no longer counts toward R-ESC-2, while its check-in says
 * it does: it is refused like a symptom, to be logged for today.
 */
function setbackUnder(entry: CheckIn, clearance: CheckIn): DataError {
  return new DataError(
    `a setback (a hold, a drop-back or a stop) dated ${longDate(entry.date)} would fall under the all-clear already logged for ${longDate(clearance.date)}, which was given before it was reported; nothing was logged`,
    'log how you are today, so that it counts now (checkin --rest-pain N, or the next session)',
  );
}

const setbacksIn = (progress: Progress): number => progress.decisions.filter((d) => SETBACKS.has(d.kind)).length;

const SETBACKS: ReadonlySet<string> = new Set(['hold', 'drop-back', 'stop', 'stop-running']);

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

/** A session run in full or in part: it keeps the run the plan had for its day. */
const wasRun = (entry: CheckIn): boolean => entry.completed === 'yes' || entry.completed === 'partial';

/**
 * R-LOG-2: a session keeps the level and minutes the plan had for its day when it was logged, so
 * that an entry logged later for an earlier day cannot rewrite it.
 */
function withPlannedRun(entry: CheckIn, weeks: readonly Week[]): CheckIn {
  const run = weeks.flatMap((w) => w.sessions).find((s) => s.date === entry.date && s.runMinutes > 0);
  if (!run) return entry;
  return withFields(entry, {
    ...(run.level !== undefined ? { plannedLevel: run.level } : {}),
    plannedMinutes: run.runMinutes,
  });
}

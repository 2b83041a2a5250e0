// `backplan checkin`: log how a session went (by flags or questions), append it to the athlete
// file, re-plan from intake + log, and say what was decided, by which rule, and what comes next.
import type { Command } from 'commander';
import { longDate, shortDate } from '../../core/dates.js';
import { nextSession, replan, sessionBeforeMorning, summarise } from '../../core/replay.js';
import { EMERGENCY_ACTION, URGENT_ACTION } from '../../core/safety.js';
import { triage } from '../../core/triage.js';
import type { CheckIn, Completed, Decision, Plan, Progress, Session, WarmupSoreness } from '../../core/types.js';
import { checkInSchema } from '../../intake/checkin.js';
import { appendCheckIn, readAthlete, type AthleteFile } from '../../store/athlete.js';
import { withLock } from '../../store/lock.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { openAthlete, type SavedFlags } from '../saved.js';
import type { Style } from '../../export/style.js';
import { styleFor } from '../style.js';
import { askCheckIn, inquirerPrompter } from '../wizard.js';
import { canPrompt } from './init.js';

interface CheckinFlags extends SavedFlags {
  date?: string;
  completed?: Completed;
  painBefore?: number;
  painDuring?: number;
  painAfter?: number;
  nextMorning?: number;
  morning?: boolean;
  warmupSoreness?: WarmupSoreness;
  symptom?: string[];
  note?: string;
  cleared?: boolean;
  input?: boolean;
  format?: 'text' | 'json';
  dryRun?: boolean;
  color?: boolean;
}

const SESSION_FLAGS = ['completed', 'painBefore', 'painDuring', 'painAfter', 'warmupSoreness'] as const;
const FLAG_NAMES: Record<string, string> = {
  completed: '--completed', painBefore: '--pain-before', painDuring: '--pain-during', painAfter: '--pain-after',
  warmupSoreness: '--warmup-soreness', nextMorning: '--next-morning', symptom: '--symptom',
};

export async function runCheckin(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<CheckinFlags>();
  const saved = await openAthlete(io, flags);
  const { intake, today, athlete } = saved;
  const date = flags.date ?? today;
  checkDate(date, today, intake.start);
  if (triage(intake).level === 'emergency') {
    io.stderr(`No plan to check in to: ${EMERGENCY_ACTION}\n`);
    return EXIT.withheld;
  }

  let entry = entryFromFlags(flags, date);
  if (entry.completed === undefined && !entry.morning && !entry.cleared) {
    if (canPrompt(io, flags)) {
      entry = { ...entry, ...(await askCheckIn(io.prompt ?? (await inquirerPrompter()), entry)) };
    } else {
      throw new UsageError('no terminal to ask in, and --completed is missing', 'add --completed yes|partial|no and --pain-during 0-10 (or --morning --next-morning N, or --cleared)');
    }
  }
  if (entry.completed !== undefined && entry.completed !== 'no' && entry.painDuring === undefined) {
    throw new UsageError('--pain-during is missing: the worst pain during the session decides what comes next', 'add --pain-during 0-10');
  }
  const checked = checkInSchema.parse(stripUndefined(entry));

  const logIt = (current: AthleteFile) => {
    checkAgainstLog(checked, current.log);
    const replanned = replan(intake, [...current.log, checked], saved.templates, today);
    if (!flags.dryRun) appendCheckIn(current, checked);
    return replanned;
  };
  // Under the lock, the file is read again: a check-in logged meanwhile by another backplan is kept.
  // A dry run writes nothing, not even the lock.
  const { plan, progress } = flags.dryRun ? logIt(athlete) : withLock(athlete.path, saved.shown, () => logIt(readAthlete(athlete.path) ?? athlete));

  const outcome = outcomeOf(checked, plan, progress, today);
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify({ schemaVersion: 1, logged: checked, decisions: outcome.decisions, phase: progress.phase, level: progress.level, cleanSessions: progress.cleanSessions, cleanNeeded: progress.cleanNeeded, stopped: progress.stopped, nextSession: outcome.next }, null, 2)}\n`);
  } else {
    io.stdout(textOf(outcome, plan, progress, await styleFor(io, 'stdout', flags.color)));
  }
  io.stderr(flags.dryRun ? 'Dry run: nothing was logged.\n' : `Logged in ${saved.shown}.\n`);
  return plan.triage.withheld ? EXIT.withheld : EXIT.ok;
}

function checkDate(date: string, today: string, start: string | undefined): void {
  if (date > today) throw new UsageError(`--date ${date} is after today (${today})`, 'log a session once it is done');
  if (start && date < start) throw new UsageError(`--date ${date} is before the plan starts (${longDate(start)})`, 'check --date; the log holds sessions of this plan only');
}

function entryFromFlags(flags: CheckinFlags, date: string): CheckIn {
  const given = (names: readonly string[]) => names.filter((n) => (flags as Record<string, unknown>)[n] !== undefined);
  if (flags.cleared) {
    const extra = given([...SESSION_FLAGS, 'nextMorning', 'symptom']);
    if (flags.morning || extra.length > 0) throw new UsageError(`--cleared records a clinician's clearance on its own; drop ${[...(flags.morning ? ['--morning'] : []), ...extra.map((n) => FLAG_NAMES[n])].join(', ')}`, 'log the session in a check-in of its own');
    return { date, cleared: true, note: flags.note };
  }
  if (flags.morning) {
    const extra = given(SESSION_FLAGS);
    if (extra.length > 0) throw new UsageError(`--morning logs only the next-morning pain; drop ${extra.map((n) => FLAG_NAMES[n]).join(', ')}`, 'log the session itself without --morning');
    if (flags.nextMorning === undefined) throw new UsageError('--morning needs --next-morning, your pain at rest this morning', 'e.g. backplan checkin --morning --next-morning 1');
    return { date, morning: true, nextMorning: flags.nextMorning, symptoms: flags.symptom, note: flags.note };
  }
  return {
    date, completed: flags.completed, painBefore: flags.painBefore, painDuring: flags.painDuring, painAfter: flags.painAfter,
    nextMorning: flags.nextMorning, warmup: flags.warmupSoreness, symptoms: flags.symptom, note: flags.note,
  };
}

/** One session check-in a day, and a next-morning pain needs the session it belongs to. */
function checkAgainstLog(entry: CheckIn, log: readonly CheckIn[]): void {
  if (entry.completed !== undefined && log.some((e) => e.completed !== undefined && e.date === entry.date)) {
    throw new DataError(`a session on ${longDate(entry.date)} is already logged; nothing was changed`, 'log another day with --date, or correct the entry in the athlete file');
  }
  if (entry.morning) {
    const sessions = log.filter((e) => e.completed !== undefined);
    if (!sessionBeforeMorning(sessions, entry.date)) {
      throw new DataError(`no session logged in the two days before ${longDate(entry.date)} to add a next-morning pain to`, 'log the session first, or give the morning\'s date with --date');
    }
  }
}

interface Outcome {
  entry: CheckIn;
  /** The session the entry logged, or (for a next-morning pain) the session it belongs to. */
  day: string;
  decisions: Decision[];
  logged: string | null;
  next: { date: string; title: string; runMinutes: number } | null;
  nextNote: string;
}

function outcomeOf(entry: CheckIn, plan: Plan, progress: Progress, today: string): Outcome {
  // A morning entry re-decides the session it belongs to.
  const session = entry.morning ? sessionBeforeMorning(progress.sessions, entry.date) : progress.sessions.filter((s) => s.date === entry.date).at(-1);
  const day = session?.date ?? entry.date;
  const decisions = progress.decisions.filter((d) => d.date === day && (d.rule === 'R-PROG-3' || d.kind === 'cleared' || d === session?.decision));
  const next = progress.stopped ? null : nextSession(plan, entry.date, today);
  return {
    entry, decisions, day,
    logged: session ? summarise(session) : null,
    next: next && { date: next.date, title: next.title, runMinutes: next.runMinutes },
    nextNote: next ? nextNoteOf(next, progress) : '',
  };
}

function nextNoteOf(next: Session, progress: Progress): string {
  const level = /^Walk\/run L(\d+)/.exec(next.title)?.[1];
  const again = level !== undefined && progress.sessions.at(-1)?.decision.level === Number(level) && progress.sessions.at(-1)?.decision.kind !== 'advance';
  return `${shortDate(next.date)}, ${next.title}${again ? ` (level ${level} again)` : ''}`;
}

function textOf(outcome: Outcome, plan: Plan, progress: Progress, style: Style): string {
  const lines: string[] = [];
  const { entry } = outcome;
  if (entry.cleared) lines.push(`Logged ${shortDate(entry.date)}: cleared by a clinician.`);
  else if (outcome.logged) lines.push(`Logged ${entry.morning ? `the morning after ${shortDate(outcome.day)}` : shortDate(entry.date)}: ${outcome.logged}.`);
  for (const decision of outcome.decisions) {
    const colour = decision.kind === 'stop' || decision.kind === 'stop-running' ? style.red : decision.kind === 'drop-back' || decision.kind === 'hold' ? style.yellow : style.green;
    lines.push(colour(decision.text));
  }
  if (progress.stopped === 'emergency') lines.push(style.red(EMERGENCY_ACTION));
  else if (progress.stopped === 'urgent') lines.push(style.red(URGENT_ACTION), 'Until then: walking, gentle mobility and the core routine only. Log "backplan checkin --cleared" once a clinician has cleared you.');
  else if (plan.triage.level === 'caution' && !plan.triage.cleared && outcome.decisions.some((d) => d.rule === 'R-TRIAGE-3')) lines.push(plan.triage.message);
  if (outcome.next) lines.push(`Next: ${outcome.nextNote}.`);
  else if (!progress.stopped) lines.push('Next: nothing more in this plan. Make a new one with "backplan init --force".');
  return `${lines.join('\n')}\n`;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

// `backplan checkin`: log how a session went (by flags or questions), append it to the athlete
// file, re-plan from intake + log, and say what was decided, by which rule, and what comes next.
import type { Command } from 'commander';
import { longDate, shortDate } from '../../core/dates.js';
import { sessionBeforeMorning } from '../../core/log.js';
import { summarise } from '../../core/replay.js';
import { EMERGENCY_ACTION } from '../../core/safety.js';
import { triage } from '../../core/triage.js';
import type { CheckIn, Completed, Decision, NextSession, Plan, Progress, WarmupSoreness } from '../../core/types.js';
import { checkInSchema } from '../../intake/checkin.js';
import { EXIT, UsageError } from '../../errors.js';
import { logCheckIn } from '../logCheckIn.js';
import type { Io } from '../io.js';
import { plannedDay } from '../checkinDay.js';
import { openAthlete, replanSaved, type SavedFlags } from '../saved.js';
import type { Style } from '../../export/style.js';
import { styleFor } from '../style.js';
import { askCheckIn, inquirerPrompter } from '../wizard.js';
import { canPrompt } from '../prompting.js';

interface CheckinFlags extends SavedFlags {
  date?: string;
  completed?: Completed;
  painBefore?: number;
  painDuring?: number;
  painAfter?: number;
  nextMorning?: number;
  morning?: boolean;
  restPain?: number;
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
  completed: '--completed',
  painBefore: '--pain-before',
  painDuring: '--pain-during',
  painAfter: '--pain-after',
  warmupSoreness: '--warmup-soreness',
  nextMorning: '--next-morning',
  symptom: '--symptom',
  restPain: '--rest-pain',
};

export async function runCheckin(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<CheckinFlags>();
  const saved = await openAthlete(io, flags);
  const { intake, today, athlete } = saved;
  const date = flags.date ?? today;
  checkDate(date, today, intake.start, flags);
  if (triage(intake, saved.templates.rules).level === 'emergency') {
    io.stderr(`No plan to check in to: ${EMERGENCY_ACTION}\n`);
    return EXIT.withheld;
  }

  let entry = entryFromFlags(flags, date, today);
  // New symptoms can be logged on any day, without a session (domain.md 1: they stop the plan whenever they appear).
  const symptomsOnly =
    entry.completed === undefined &&
    (entry.symptoms?.length ?? 0) > 0 &&
    [entry.painBefore, entry.painDuring, entry.painAfter, entry.nextMorning, entry.warmup].every(
      (v) => v === undefined,
    );
  if (
    entry.completed === undefined &&
    !entry.morning &&
    !entry.cleared &&
    entry.restPain === undefined &&
    !symptomsOnly
  ) {
    if (canPrompt(io, flags)) {
      // The first question names the day's session, from the plan as replayed (R-LOG-1).
      const day = plannedDay(replanSaved(saved), date);
      entry = { ...entry, ...(await askCheckIn(io.prompt ?? (await inquirerPrompter()), entry, day)) };
    } else {
      throw new UsageError(
        'no terminal to ask in, and --completed is missing',
        'add --completed yes|partial|no and --pain-during 0-10 (or --rest-pain N, --morning --next-morning N, or --cleared)',
      );
    }
  }
  if (entry.completed !== undefined && entry.completed !== 'no' && entry.painDuring === undefined) {
    throw new UsageError(
      '--pain-during is missing: the worst pain during the session decides what comes next',
      'add --pain-during 0-10',
    );
  }
  const parsed = checkInSchema.parse(stripUndefined(entry));

  const target = { ...saved, athlete, todayGiven: flags.today !== undefined };
  const { checked, plan, progress } = logCheckIn(target, parsed, flags.dryRun === true);

  const outcome = outcomeOf(checked, progress);
  if (flags.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          schemaVersion: 1,
          logged: checked,
          decisions: outcome.decisions,
          phase: progress.phase,
          level: progress.level,
          cleanSessions: progress.cleanSessions,
          cleanNeeded: progress.cleanNeeded,
          stopped: progress.stopped,
          restPain: progress.restPain,
          nextSession: progress.next,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout(
      textOf(outcome, plan, progress, await styleFor(io, 'stdout', flags.color), saved.templates.rules.painThreshold),
    );
  }
  io.stderr(flags.dryRun ? 'Dry run: nothing was logged.\n' : `Logged in ${saved.shown}.\n`);
  return plan.triage.withheld ? EXIT.withheld : EXIT.ok;
}

function checkDate(date: string, today: string, start: string | undefined, flags: CheckinFlags): void {
  if (date > today) throw new UsageError(`--date ${date} is after today (${today})`, 'log a session once it is done');
  if (start && date < start) {
    const day = flags.date === undefined ? `today (${date})` : `--date ${date}`;
    throw new UsageError(
      `${day} is before the plan starts (${longDate(start)})`,
      flags.cleared
        ? 'a clearance before the plan starts goes with your answers: "backplan edit --cleared"'
        : flags.date === undefined
          ? 'the log holds sessions of this plan only: check in once it has started'
          : 'check --date; the log holds sessions of this plan only',
    );
  }
}

function entryFromFlags(flags: CheckinFlags, date: string, today: string): CheckIn {
  const given = (names: readonly string[]) => names.filter((n) => (flags as Record<string, unknown>)[n] !== undefined);
  if (flags.cleared) {
    const extra = given([...SESSION_FLAGS, 'nextMorning', 'symptom', 'restPain']);
    if (flags.morning || extra.length > 0)
      throw new UsageError(
        `--cleared records a clinician's clearance on its own; drop ${[...(flags.morning ? ['--morning'] : []), ...extra.map((n) => FLAG_NAMES[n])].join(', ')}`,
        'log the session in a check-in of its own',
      );
    return { date, cleared: true, note: flags.note };
  }
  if (flags.restPain !== undefined) {
    const extra = given([...SESSION_FLAGS, 'nextMorning']);
    if (flags.morning || extra.length > 0)
      throw new UsageError(
        `--rest-pain logs pain at rest on its own; drop ${[...(flags.morning ? ['--morning'] : []), ...extra.map((n) => FLAG_NAMES[n])].join(', ')}`,
        'with a session, give the pain at rest before it as --pain-before',
      );
    return { date, restPain: flags.restPain, symptoms: flags.symptom, note: flags.note };
  }
  if (flags.morning) {
    const extra = given(SESSION_FLAGS);
    if (extra.length > 0)
      throw new UsageError(
        `--morning logs only the next-morning pain; drop ${extra.map((n) => FLAG_NAMES[n]).join(', ')}`,
        'log the session itself without --morning',
      );
    if (flags.nextMorning === undefined)
      throw new UsageError(
        '--morning needs --next-morning, your pain at rest this morning',
        'e.g. backplan checkin --morning --next-morning 1',
      );
    return { date, morning: true, nextMorning: flags.nextMorning, symptoms: flags.symptom, note: flags.note };
  }
  if (flags.completed === 'no') {
    const extra = given(['painDuring', 'painAfter', 'warmupSoreness']);
    if (extra.length > 0)
      throw new UsageError(
        `--completed no: there was no session to feel ${extra.map((n) => FLAG_NAMES[n]).join(', ')} in`,
        'drop them, or give --completed yes or partial; pain at rest goes in --pain-before or --rest-pain',
      );
  }
  if (flags.nextMorning !== undefined && date === today) {
    throw new UsageError(
      '--next-morning is the morning after the session, which has not come yet',
      'log it tomorrow with "backplan checkin --morning --next-morning N"',
    );
  }
  return {
    date,
    completed: flags.completed,
    painBefore: flags.painBefore,
    painDuring: flags.painDuring,
    painAfter: flags.painAfter,
    nextMorning: flags.nextMorning,
    warmup: flags.warmupSoreness,
    symptoms: flags.symptom,
    note: flags.note,
  };
}

interface Outcome {
  entry: CheckIn;
  /** The session the entry logged, or (for a next-morning pain) the session it belongs to. */
  day: string;
  decisions: Decision[];
  logged: string | null;
  next: NextSession | null;
}

function outcomeOf(entry: CheckIn, progress: Progress): Outcome {
  // A morning entry re-decides the session it belongs to.
  const session = entry.morning
    ? sessionBeforeMorning(progress.sessions, entry.date)
    : progress.sessions.filter((s) => s.date === entry.date).at(-1);
  const day = session?.date ?? entry.date;
  // What the entry decided: its session's decision, and what the log made of its day (a gap, a
  // clearance, pain at rest, an advance coming due, a pattern that stops running).
  const decisions = progress.decisions.filter(
    (d) =>
      (d.date === day || d.date === entry.date) &&
      (d === session?.decision || !progress.sessions.some((s) => s.decision === d)),
  );
  return { entry, decisions, day, logged: session ? summarise(session) : null, next: progress.next };
}

function nextNoteOf(next: NextSession, progress: Progress): string {
  const last = progress.sessions.at(-1)?.decision;
  const again =
    next.level !== null && last?.level === next.level && last.kind !== 'advance' && last.advanceFrom === undefined;
  return `${shortDate(next.date)}, ${next.title}${again ? ` (level ${next.level} again)` : ''}`;
}

function textOf(outcome: Outcome, plan: Plan, progress: Progress, style: Style, painThreshold: number): string {
  const lines: string[] = [];
  const { entry } = outcome;
  if (entry.cleared) lines.push(`Logged ${shortDate(entry.date)}: cleared by a clinician.`);
  else if (entry.restPain !== undefined)
    lines.push(`Logged ${shortDate(entry.date)}: pain at rest ${entry.restPain}/10.`);
  else if (outcome.logged)
    lines.push(
      `Logged ${entry.morning ? `the morning after ${shortDate(outcome.day)}` : shortDate(entry.date)}: ${outcome.logged}.`,
    );
  for (const decision of outcome.decisions) {
    const colour =
      decision.kind === 'stop' || decision.kind === 'stop-running'
        ? style.red
        : decision.kind === 'drop-back' || decision.kind === 'hold'
          ? style.yellow
          : style.green;
    lines.push(colour(decision.text));
  }
  const stop = progress.stopped;
  if (stop?.level === 'emergency') lines.push(style.red(EMERGENCY_ACTION));
  else if (stop && !outcome.decisions.some((d) => d.kind === 'stop-running')) {
    lines.push(style.red(`Running is stopped since ${shortDate(stop.since)} (${stop.reason}: ${stop.text}).`));
  }
  // An escalation's own decision already says who to see and how running resumes.
  if (stop?.level === 'urgent' && !outcome.decisions.some((d) => d.rule.startsWith('R-ESC'))) {
    lines.push(
      style.red(stop.advice),
      'Until then: walking, gentle mobility and the core routine only. Log "backplan checkin --cleared" once a clinician has cleared you.',
    );
  }
  if (
    !stop &&
    plan.triage.level === 'caution' &&
    !plan.triage.cleared &&
    outcome.decisions.some((d) => d.rule === 'R-TRIAGE-3')
  )
    lines.push(plan.triage.message);
  const rest = progress.restPain;
  const restHigh = rest !== null && rest.value >= painThreshold;
  if (!stop && restHigh && !outcome.decisions.some((d) => d.rule === 'R-PAIN-5')) {
    lines.push(
      style.yellow(
        `No run until you log pain at rest below ${painThreshold}/10 ("backplan checkin --rest-pain N"): ${rest.value}/10 on ${shortDate(rest.date)} (R-PAIN-5).`,
      ),
    );
  }
  if (outcome.next) lines.push(`Next: ${nextNoteOf(outcome.next, progress)}.`);
  else if (!stop && !restHigh)
    lines.push('Next: nothing more in this plan. Make a new one with "backplan init --force".');
  return `${lines.join('\n')}\n`;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

// `backplan edit`: change one answer (or several) in the athlete file, keep the log, and say how
// the plan moves: the plan is replayed from the log before and after, and the weeks ahead compared.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { longDate, shortDate } from '../../core/dates.js';
import { replan, type Replanned } from '../../core/replay.js';
import type { Intake, Week } from '../../core/types.js';
import { wrap } from '../../export/style.js';
import { phaseLabel, renderText } from '../../export/text.js';
import { FLAG_OF, intakeFromFlags } from '../../intake/fromFlags.js';
import type { IntakeInput } from '../../intake/schema.js';
import { validateIntake } from '../../intake/validate.js';
import { writeAthlete } from '../../store/athlete.js';
import { withLock } from '../../store/lock.js';
import { DataError, UsageError } from '../../errors.js';
import { textWidth, type Io } from '../io.js';
import { unitsTyped, type IntakeFlags } from '../options.js';
import { openAthlete, type SavedFlags } from '../saved.js';
import { askIntake, inquirerPrompter } from '../wizard.js';
import { readIfValid, startKeepsLog, STOP_HINT, stopLiftedBy, summary } from '../answers.js';
import { checkTodayNotBeforeLog } from '../logCheckIn.js';
import { canPrompt } from '../prompting.js';
import { withheldNotice } from '../render.js';

/** Answers a flag can take away: `--no-symptom` ticks none, `--no-age` forgets the age. */
export const CLEARABLE = ['symptom', 'days', 'age', 'longestRun', 'name'] as const;
const FIELD_OF = { symptom: 'symptoms', days: 'days', age: 'age', longestRun: 'longestRun', name: 'name' } as const;

type EditFlags = Omit<IntakeFlags, (typeof CLEARABLE)[number]> &
  SavedFlags & {
    symptom?: string[] | false;
    days?: string[] | false;
    age?: number | false;
    longestRun?: number | false;
    name?: string | false;
    input?: boolean;
    dryRun?: boolean;
  };

/** The most weeks whose change is spelled out; the rest are counted. */
const WEEKS_SPELLED_OUT = 4;

export async function runEdit(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<EditFlags>();
  const saved = await openAthlete(io, flags);
  const { athlete, shown, today, templates } = saved;
  // The stop an edit may not lift is judged with the whole log (see checkTodayNotBeforeLog).
  if (flags.today !== undefined) checkTodayNotBeforeLog(athlete.log, today);
  const cleared = CLEARABLE.filter((key) => flags[key] === false).map((key) => FIELD_OF[key]);
  const given = Object.fromEntries(
    Object.entries(flags).filter(([key, value]) => !(CLEARABLE.includes(key as never) && value === false)),
  );
  let known = intakeFromFlags(given as IntakeFlags);
  const asked = Object.keys(known).length === 0 && cleared.length === 0;
  const checkStart = (start: string) => startKeepsLog(athlete, start);

  if (known.start !== undefined && known.start !== athlete.intake.start) {
    const ok = checkStart(known.start);
    if (ok !== true)
      throw new DataError(
        `--start ${known.start} refused: ${ok}; nothing was changed`,
        'leave the start as it is, or begin again with "backplan reset"',
      );
  }
  if (asked) {
    if (!canPrompt(io, flags)) {
      throw new UsageError(
        'nothing to change: no answer given, and no terminal to ask in',
        'give the answers to change as flags, e.g. --pain 1 or --goal-weekly 40 (see "backplan edit --help")',
      );
    }
    const outcome = await askIntake(io.prompt ?? (await inquirerPrompter()), {}, today, athlete.intake, checkStart);
    known = outcome.kind === 'emergency' ? { symptoms: outcome.symptoms } : outcome.intake;
  }
  const raw = merged(athlete.intake, known, cleared, unitsTyped(command).values().next().value);
  const intake = validateIntake(raw);

  const before = replan(saved.intake, athlete.log, templates, today);
  const after = replan(intake, athlete.log, templates, today);
  const clearing = intake.cleared && !saved.intake.cleared;
  const lifted = stopLiftedBy(before.progress.stopped, after.progress.stopped, clearing);
  if (lifted) throw new DataError(`${lifted}; nothing was changed`, STOP_HINT);
  if (after.plan.triage.level === 'emergency') {
    // R-TRIAGE-1: the emergency message and nothing else, as init gives it; nothing is saved.
    io.stdout(renderText(after.plan));
    io.stderr('Nothing was saved.\n');
    return withheldNotice(io, after.plan);
  }
  const width = textWidth(io);
  const out = [
    ...wrap(
      `Changed: ${changedAnswers(saved.intake, intake, templates.rules.defaultRunDays).join('; ') || 'nothing'}.`,
      width,
      '  ',
      '',
    ),
    ...planChanges(before, after).flatMap((line) => wrap(line, width, '  ', '')),
  ];
  const changes = `${out.join('\n')}\n\n${summary(intake, templates.rules.defaultRunDays, width)}\n`;
  if (flags.dryRun) {
    io.stdout(changes);
    io.stderr('Dry run: nothing was saved.\n');
    return withheldNotice(io, after.plan);
  }
  const path = resolve(io.cwd, athlete.path);
  const logged = withLock(path, shown, () => {
    const current = readIfValid(path) ?? athlete; // check-ins logged meanwhile are kept
    if (current.log.length > 0 && intake.start !== current.intake.start) {
      const ok = startKeepsLog(current, intake.start!);
      if (ok !== true)
        throw new DataError(`--start ${intake.start} refused: ${ok}; nothing was changed`, 'leave the start as it is');
    }
    writeAthlete(path, raw as IntakeInput, current); // validated above
    return current.log.length;
  });
  // Said once saved: a file that cannot be written (read-only, a full disk) changed nothing.
  io.stdout(changes);
  const kept = logged > 0 ? `; your ${logged} check-in${logged === 1 ? ' is' : 's are'} kept` : '';
  io.stderr(
    `${wrap(`Saved to ${shown} (the previous version is ${shown}.bak)${kept}.`, width, '  ', '').join('\n')}\n`,
  );
  return withheldNotice(io, after.plan);
}

/**
 * The saved answers with the new ones over them, less the ones taken away. A change of units makes
 * the saved amounts meaningless: then the amounts must come with it.
 */
function merged(
  saved: IntakeInput,
  known: Partial<IntakeInput>,
  cleared: readonly string[],
  typed: string | undefined,
): Partial<IntakeInput> {
  const savedUnits = saved.units ?? 'km';
  const units = known.units ?? (typed === 'min' ? 'min' : undefined) ?? savedUnits;
  const raw: Partial<IntakeInput> = { ...saved, ...known, units };
  if (units !== savedUnits) {
    const missing = (['weekly', 'goalWeekly'] as const)
      .filter((key) => known[key] === undefined)
      .map((key) => (key === 'weekly' && units === 'min' ? '--weekly-minutes' : FLAG_OF[key]));
    if (missing.length > 0) {
      throw new UsageError(
        `the units change from ${savedUnits} to ${units}, but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} still in ${savedUnits}`,
        `give ${missing.join(' and ')} in ${units} as well`,
      );
    }
    if (known.longestRun === undefined) delete raw.longestRun;
  }
  for (const key of cleared) delete raw[key as keyof IntakeInput];
  return raw;
}

const ANSWER_WORDS: Partial<Record<keyof Intake, string>> = {
  name: 'name',
  pain: 'pain at rest',
  symptoms: 'symptoms',
  weekly: 'running now',
  units: 'units',
  runsPerWeek: 'runs a week',
  longestRun: 'longest run',
  goalWeekly: 'before the pain',
  age: 'age',
  firstEpisode: 'first episode',
  archingPain: 'pain arching backwards',
  runner: 'runner type',
  start: 'start',
  weeks: 'weeks',
  days: 'run days',
  cleared: 'cleared by a clinician',
};

/** "pain at rest 2 → 1" for each answer that changed. */
function changedAnswers(before: Intake, after: Intake, defaultRunDays: number): string[] {
  const words = (value: unknown): string =>
    value === undefined ? 'none' : Array.isArray(value) ? (value.length ? value.join(', ') : 'none') : String(value);
  // An answer left out means its default: runs a week are the rules' default.
  const of = (intake: Intake, key: keyof Intake) =>
    words(key === 'runsPerWeek' ? (intake.runsPerWeek ?? defaultRunDays) : intake[key]);
  return (Object.keys(ANSWER_WORDS) as (keyof Intake)[])
    .filter((key) => of(before, key) !== of(after, key))
    .map((key) => `${ANSWER_WORDS[key]} ${of(before, key)} → ${of(after, key)}`);
}

/** How the plan moves: the triage, the weeks from this one on, the plan's length and the next session. */
export function planChanges(before: Replanned, after: Replanned): string[] {
  const lines: string[] = [];
  const [a, b] = [before.plan, after.plan];
  if (a.triage.level !== b.triage.level || a.triage.withheld !== b.triage.withheld) {
    lines.push(
      `Triage: now ${b.triage.level}${b.triage.withheld ? ', no running' : ''} (was ${a.triage.level}). ${b.triage.message}`.trim(),
    );
  }
  const today = b.today;
  const weekLines: string[] = [];
  for (const week of b.weeks.filter((w) => w.end >= today)) {
    const old = a.weeks.find((w) => w.index === week.index);
    if (old && holds(old) === holds(week)) continue;
    weekLines.push(
      `Week ${week.index} (from ${shortDate(week.start)}) now holds ${holds(week)}${old ? `; it held ${holds(old)}` : ''}.`,
    );
  }
  lines.push(...weekLines.slice(0, WEEKS_SPELLED_OUT));
  if (weekLines.length > WEEKS_SPELLED_OUT)
    lines.push(`${weekLines.length - WEEKS_SPELLED_OUT} more weeks change: "backplan show --all" prints them.`);
  if (a.weeks.length !== b.weeks.length)
    lines.push(`The plan now runs ${b.weeks.length} weeks, to ${longDate(b.end)} (it ran ${a.weeks.length}).`);
  const next = (r: Replanned) =>
    r.progress.next ? `${shortDate(r.progress.next.date)}, ${r.progress.next.title}` : 'none';
  if (next(before) !== next(after)) lines.push(`Next session: ${next(after)} (it was ${next(before)}).`);
  if (lines.length === 0) lines.push('The plan ahead is the same.');
  return lines;
}

/** What a week holds, in a few words: "walk/run level 3, 3 runs, 45 running min". */
function holds(week: Week): string {
  const runs = week.sessions.filter((s) => s.runMinutes > 0).length;
  return `${phaseLabel(week)}, ${runs === 0 ? 'no running' : `${runs} run${runs === 1 ? '' : 's'}, ${week.runMinutes} running min`}`;
}

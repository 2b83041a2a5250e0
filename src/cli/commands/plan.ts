// `backplan plan`: flags → intake → core.plan → a renderer → stdout or a file.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { plan } from '../../core/plan.js';
import type { Intake, Plan, Progress, Templates } from '../../core/types.js';
import { completeIntake } from '../../intake/complete.js';
import { emergencyIntake } from '../../intake/emergency.js';
import { intakeFromFlags } from '../../intake/fromFlags.js';
import type { IntakeInput } from '../../intake/schema.js';
import { getTemplates } from '../../templates/get.js';
import { DataError, EXIT, UsageError } from '../../errors.js';
import { localToday, textWidth, type Io } from '../io.js';
import { formatOfFile, type ExportFlags, type IntakeFlags, type PlanFormat, type TemplateFlags } from '../options.js';
import { checkOutput, toStdout, writeOutput } from '../output.js';
import { planFileName, render, withheldNotice } from '../render.js';
import { styleFor } from '../style.js';
import { athleteFilesAmong } from '../../store/sameFile.js';
import { staleCalendar, staleCalendarLine } from '../../store/staleCalendar.js';

interface PlanFlags extends IntakeFlags, TemplateFlags, ExportFlags {
  today?: string;
  format?: PlanFormat;
  color?: boolean;
  file?: string;
  profile?: string;
  /** show: every week, in a terminal too. */
  all?: boolean;
}

/** `backplan plan`: the intake from flags, over the athlete file when --file (or BACKPLAN_FILE) names one. */
export async function runPlan(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<PlanFlags>();
  const saved = flags.file || io.env.BACKPLAN_FILE ? await savedIntake(io, flags) : {};
  const profile = flags.profile ? await profileIntake(io, flags.profile) : {};
  return deliver(io, flags, chooseFormat(flags), { ...saved, ...profile, ...intakeFromFlags(flags) });
}

/** --profile: one intake as YAML or JSON (a roster entry on its own); - reads stdin. */
async function profileIntake(io: Io, source: string): Promise<Partial<IntakeInput>> {
  const [{ FileError, lineOf, parseYaml, readYamlFile, toData }, { intakeFromRecord, RecordError }] = await Promise.all(
    [import('../../yaml/read.js'), import('../../intake/record.js')],
  );
  const name = source === '-' ? 'stdin' : source;
  const hint = 'check --profile: it names one athlete as YAML or JSON (examples/profile.yaml)';
  const parsed =
    source === '-'
      ? parseYaml(name, await io.readStdin(), hint)
      : readYamlFile(resolve(io.cwd, source), 1024 * 1024, 'a profile', hint);
  const data = toData(parsed);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new FileError(
      name,
      1,
      'expected one athlete as a mapping (pain: 2, goal-weekly: 30, …)',
      'for many athletes, use "backplan batch"',
    );
  }
  try {
    return intakeFromRecord(data as Record<string, unknown>).intake;
  } catch (error) {
    if (error instanceof RecordError)
      throw new FileError(
        name,
        lineOf(parsed, [error.key]),
        error.message,
        'keys are the plan flag names without --, e.g. goal-weekly',
      );
    throw error;
  }
}

/** `backplan show` and `backplan export <format>`: the saved athlete's plan, re-planned from the log. */
export async function runSaved(io: Io, command: Command, format?: PlanFormat): Promise<number> {
  const flags = command.optsWithGlobals<PlanFlags>();
  const chosen = format ? matchingOutput(format, flags) : chooseFormat(flags);
  checkCalendarFlags(flags, chosen);
  const { openAthlete, replanSaved } = await import('../saved.js');
  const saved = await openAthlete(io, flags);
  checkNotAthleteFile(io, flags, saved.athlete.path, chosen);
  const { plan: result, progress } = replanSaved(saved);
  if (!format && chosen === 'text' && toStdout(flags) && !flags.dryRun)
    return showText(io, flags, result, progress, saved.templates);
  const sequences =
    chosen === 'ics'
      ? (await import('../../export/sequence.js')).sequencesOf({ ...saved, log: saved.athlete.log }, flags.includeRest)
      : undefined;
  return deliverPlan(io, flags, chosen, result, saved.templates, sequences);
}

/**
 * `show` on stdout: "what do I do today?" first (R-LOG-1's next session), then the plan. In a
 * terminal, this week and next, and how to see the rest; every week with --all or into a pipe.
 */
async function showText(
  io: Io,
  flags: PlanFlags,
  result: Plan,
  progress: Progress,
  templates: Templates,
): Promise<number> {
  const { renderText, todayLine, todayOfPlan, weeksAhead } = await import('../../export/text.js');
  const lead = todayLine(todayOfPlan(result, progress.next, progress.stopped !== null));
  const weeks = io.stdoutIsTTY && !flags.all ? weeksAhead(result) : undefined;
  const style = await styleFor(io, 'stdout', flags.color);
  io.stdout(
    renderText(result, {
      style,
      exercises: templates.exercises,
      width: textWidth(io),
      lead,
      ...(weeks ? { weeks } : {}),
    }),
  );
  return withheldNotice(io, result);
}

async function savedIntake(io: Io, flags: PlanFlags): Promise<Partial<IntakeInput>> {
  const { athletePath, readAthlete } = await import('../../store/athlete.js');
  const path = athletePath(flags.file, io.env);
  const athlete = readAthlete(resolve(io.cwd, path));
  if (!athlete)
    throw new DataError(`no athlete file at ${path}`, 'run "backplan init" first, or name the file with --file');
  checkNotAthleteFile(io, flags, athlete.path, chooseFormat(flags));
  return athlete.intake;
}

/** An export never goes over the athlete file it was made from, --force or not: that would lose the log. */
function checkNotAthleteFile(io: Io, flags: PlanFlags, athletePath: string, format: PlanFormat): void {
  if (toStdout(flags)) return;
  if (athleteFilesAmong([resolve(io.cwd, flags.output!)], [athletePath]).length === 0) return;
  throw new DataError(
    `${flags.output} is the athlete file the plan is made from, or its backup; nothing was written or removed`,
    `write the plan to another file, e.g. -o ${planFileName(format)}`,
  );
}

async function deliver(io: Io, flags: PlanFlags, format: PlanFormat, raw: Partial<IntakeInput>): Promise<number> {
  checkCalendarFlags(flags, format);
  // R-TRIAGE-1: an emergency is said at once, not after a usage error for a missing answer.
  const intake = await validated(emergencyIntake(raw) ?? raw);
  const today = flags.today ?? localToday(io);
  const past = intake.start !== undefined && intake.start < today;
  if (past && !flags.file && !io.env.BACKPLAN_FILE) {
    io.stderr(
      `warning: --start ${intake.start} is before today (${today}); with no check-ins logged, its past runs count as not run.\n`,
    );
  }
  const templates = await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS, template: flags.template });
  // A plan begun in the past is the saved plan with nothing logged: the runs it held before today
  // were not run, so its levels drop for the gap (R-PROG-3), as show and export would plan them.
  const made = past
    ? (await import('../../core/replay.js')).replan(intake, [], templates, today).plan
    : plan(intake, templates, today);
  return deliverPlan(io, flags, format, made, templates);
}

async function deliverPlan(
  io: Io,
  flags: PlanFlags,
  format: PlanFormat,
  result: Plan,
  templates: Templates,
  sequences?: ReadonlyMap<string, number>,
): Promise<number> {
  if (result.triage.withheld && format === 'ics') {
    // A calendar of a withheld plan would look like a plan to follow: write none (R-TRIAGE-1/2).
    io.stderr(`No calendar written: ${result.triage.message}\n`);
    const old = toStdout(flags)
      ? undefined
      : staleCalendar(resolve(io.cwd, flags.output!), !!flags.force && !flags.dryRun);
    io.stderr(
      old
        ? staleCalendarLine(flags.output!, 'your plan is', old, true)
        : 'A calendar imported from backplan before holds runs that no longer apply: delete its events.\n',
    );
    return EXIT.withheld;
  }
  // A target that cannot be written is refused before the plan is rendered (a PDF starts a browser).
  checkOutput(io, flags, planFileName(format));
  const rendered = await render(result, format, templates, flags, io, sequences);
  writeOutput(io, flags, rendered.content, rendered.what, planFileName(format));
  return withheldNotice(io, result);
}

/** The intake, checked without loading zod when all is well; zod decides (and words the error) otherwise. */
async function validated(raw: Partial<IntakeInput>): Promise<Intake> {
  return completeIntake(raw) ?? (await import('../../intake/validate.js')).validateIntake(raw);
}

function chooseFormat(flags: PlanFlags): PlanFormat {
  if (flags.format) return matchingOutput(flags.format, flags);
  if (flags.output && !toStdout(flags)) {
    const implied = formatOfFile(flags.output);
    if (!implied)
      throw new UsageError(
        `cannot tell the format of ${flags.output} from its name`,
        'add --format text|json|md|ics|html|pdf, or name the file .txt, .json, .md, .ics, .html or .pdf',
      );
    return implied;
  }
  return 'text';
}

function checkCalendarFlags(flags: PlanFlags, format: PlanFormat): void {
  const calendarOnly = (['includeRest', 'time', 'tz', 'duration', 'alarm'] as const).filter(
    (k) => flags[k] !== undefined,
  );
  const flagName = {
    includeRest: '--include-rest',
    time: '--time',
    tz: '--tz',
    duration: '--duration',
    alarm: '--alarm',
  } as const;
  if (format !== 'pdf' && (flags.browser !== undefined || flags.paper !== undefined)) {
    const flag = flags.browser !== undefined ? '--browser' : '--paper';
    throw new UsageError(`${flag} applies only to PDF`, 'add --format pdf (or -o plan.pdf), or drop it');
  }
  if (format !== 'ics' && calendarOnly.length > 0) {
    const names = calendarOnly.map((k) => flagName[k]);
    throw new UsageError(
      `${names.join(', ')} ${names.length > 1 ? 'apply' : 'applies'} only to calendars`,
      'add --format ics (or -o plan.ics), or drop them',
    );
  }
  if (flags.time && !flags.tz) {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    throw new UsageError(
      '--time needs --tz, the time zone it is in',
      `e.g. --tz ${here && here !== 'UTC' ? here : 'Europe/London'}`,
    );
  }
  if (flags.tz && !flags.time)
    throw new UsageError(
      '--tz needs --time: all-day events have no time zone',
      'add --time HH:MM for timed events, or drop --tz',
    );
  if (flags.duration !== undefined && !flags.time)
    throw new UsageError(
      '--duration needs --time: all-day events have no length',
      'add --time HH:MM --tz Area/City, or drop --duration',
    );
}

/**
 * A PDF named .md, or Markdown named .pdf, opens as neither: a format that does not match the file
 * it goes to is refused where one of them is a PDF. Other pairs (JSON in a .txt) are left to the user.
 */
export function matchingOutput(format: PlanFormat, flags: PlanFlags): PlanFormat {
  if (!flags.output || toStdout(flags)) return format;
  const named = formatOfFile(flags.output);
  if (named && named !== format && (named === 'pdf' || format === 'pdf'))
    throw new UsageError(
      `the ${format} format does not fit ${flags.output}: its name says ${named}`,
      `name the file for its format, or drop the format to write what the name says`,
    );
  return format;
}

// `backplan init`: the wizard (or flags, without a terminal), the plan, and the athlete file.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { nextMondayAfter } from '../../core/dates.js';
import { plan } from '../../core/plan.js';
import type { Plan } from '../../core/types.js';
import { slugOf } from '../../export/slug.js';
import { wrap } from '../../export/style.js';
import { renderText, weeksAhead } from '../../export/text.js';
import { intakeFromFlags } from '../../intake/fromFlags.js';
import { validateIntake } from '../../intake/validate.js';
import type { IntakeInput } from '../../intake/schema.js';
import { athletePath, writeAthlete } from '../../store/athlete.js';
import { withLock } from '../../store/lock.js';
import { getTemplates } from '../../templates/get.js';
import { DataError, EXIT, UsageError } from '../../errors.js';
import { localToday, textWidth, type Io } from '../io.js';
import type { IntakeFlags, TemplateFlags } from '../options.js';
import { writeOutput } from '../output.js';
import { styleFor } from '../style.js';
import { askIntake, inquirerPrompter, type Choice, type Prompter } from '../wizard.js';
import { canPrompt } from '../prompting.js';
import { liftsStop, readIfValid, readToReplace, startKeepsLog, STOP_HINT, summary } from '../answers.js';
import { emergencyIntake } from '../../intake/emergency.js';
import { planFileName, render, withheldNotice } from '../render.js';
import { athleteFilesAmong } from '../../store/sameFile.js';

interface InitFlags extends IntakeFlags, TemplateFlags {
  export?: ('md' | 'ics')[];
  file?: string;
  force?: boolean;
  input?: boolean;
  today?: string;
  color?: boolean;
}

/** Whether init may ask questions: a terminal on stdin and stdout, and no --no-input. */
export async function runInit(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<InitFlags>();
  const path = resolve(io.cwd, athletePath(flags.file, io.env));
  const shown = flags.file ?? path;
  const interactive = canPrompt(io, flags);
  const today = flags.today ?? localToday(io);
  const known = intakeFromFlags(flags);
  // R-TRIAGE-1: an emergency symptom among the flags stops init before any question or check.
  const emergency = emergencyIntake(known);
  if (emergency) return emergencyStop(io, flags, today, emergency);
  if (!interactive) requireFlags(known);
  const ask = interactive ? (io.prompt ?? (await inquirerPrompter())) : undefined;

  // An existing athlete file is replaced only with --force or a yes that defaults to no. Its
  // answers are the wizard's defaults, and its log is kept: the start that log was made against stays.
  const before = existsSync(path) ? readToReplace(path, shown) : undefined;
  if (existsSync(path)) {
    if (!flags.force) {
      if (!ask)
        throw new DataError(
          `${shown} already exists; nothing was changed`,
          'add --force to replace it (the old one is kept as .bak; its log is kept), change one answer with "backplan edit", or use --file for another athlete',
        );
      const logged =
        before && before.log.length > 0
          ? `, and its ${before.log.length} check-in${before.log.length === 1 ? '' : 's'} kept`
          : '';
      const replace = await ask.confirm({
        message: `${shown} already exists. Replace it? (your answers are offered again${logged}; the old file is kept as ${basename(path)}.bak)`,
        default: false,
      });
      if (!replace) {
        io.stderr('Nothing changed.\n');
        return EXIT.ok;
      }
    }
  }
  const checkStart = (start: string) => startKeepsLog(before, start);
  if (known.start !== undefined) {
    const ok = checkStart(known.start);
    if (ok !== true)
      throw new DataError(
        `--start ${known.start} refused: ${ok}; nothing was changed`,
        'leave --start out to keep the plan\'s start, or begin again with "backplan reset"',
      );
  }

  let raw: Partial<IntakeInput> = known;
  if (ask) {
    const outcome = await askIntake(ask, known, today, before?.intake ?? {}, checkStart);
    if (outcome.kind === 'emergency') return emergencyStop(io, flags, today, { ...known, symptoms: outcome.symptoms });
    raw = outcome.intake;
  }
  raw = { start: before?.intake.start ?? nextMondayAfter(today), ...raw }; // saved, so the plan keeps its dates
  const intake = validateIntake(raw);
  const templates = await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS, template: flags.template });
  const result = plan(intake, templates, today);
  if (result.triage.level === 'emergency') return emergencyStop(io, flags, today, raw); // R-TRIAGE-1: nothing saved

  const flagged = flags.export ? exportsFromFlag(flags.export, result, io, path, flags.force) : undefined;

  // Saved first: a reader that goes away (`init … | head`) must not cost the runner their answers.
  // The file is read again under the lock, so check-ins logged meanwhile are kept.
  const { replaced, logged } = withLock(path, shown, () => {
    const existing = existsSync(path) ? readToReplace(path, shown) : undefined;
    if (existing && existing.log.length > 0 && intake.start !== existing.intake.start) {
      const ok = startKeepsLog(existing, intake.start!);
      if (ok !== true) throw new DataError(`${shown} changed meanwhile: ${ok}; nothing was changed`, 'run init again');
    }
    const lifted = existing && liftsStop(existing, intake, templates, today);
    if (lifted) throw new DataError(`${lifted}; nothing was changed`, STOP_HINT);
    writeAthlete(path, intake, existing);
    return { replaced: existing !== undefined, logged: existing?.log.length ?? 0 };
  });
  // The plan as it stands with the log kept: this week and next, then how to see the rest.
  const shownPlan =
    logged > 0
      ? (await import('../../core/replay.js')).replan(intake, readIfValid(path)?.log ?? [], templates, today).plan
      : result;
  const width = textWidth(io);
  const style = await styleFor(io, 'stdout', flags.color);
  io.stdout(
    `${summary(intake, templates.rules.defaultRunDays, width)}\n\n${renderText(shownPlan, { style, exercises: templates.exercises, width, weeks: weeksAhead(shownPlan) })}`,
  );
  const exports = flagged ?? (ask ? await chooseExports(ask, io, result, path) : []);
  const kept = logged > 0 ? `; your ${logged} check-in${logged === 1 ? ' is' : 's are'} kept` : '';
  const lines = [
    `Saved your answers to ${shown}${replaced || existsSync(`${path}.bak`) ? ` (the previous version is ${basename(path)}.bak)` : ''}${kept}.`,
    'See it again: "backplan show" (this week and next) or "backplan show --all".',
    result.triage.withheld
      ? 'Exports: "backplan export md -o plan.md" to print it.'
      : 'Exports: "backplan export md -o plan.md", "backplan export ics -o plan.ics".',
    'After each session: "backplan checkin"; where you stand: "backplan status".',
  ];
  io.stderr(`${lines.flatMap((line) => wrap(line, width, '  ', '')).join('\n')}\n`);
  for (const { format, file } of exports) {
    const rendered = await render(result, format, templates, { output: file, force: true }, io);
    writeOutput(io, { output: file, force: true }, rendered.content, rendered.what, planFileName(format));
  }
  return withheldNotice(io, result);
}

function requireFlags(known: Partial<IntakeInput>): void {
  const missing = [
    known.pain === undefined && '--pain <0-10>',
    known.weekly === undefined && '--weekly <n> (or --weekly-minutes <n>; 0 if not running)',
    known.goalWeekly === undefined && '--goal-weekly <n>',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new UsageError(
      `no terminal to ask in, and missing ${missing.join(', ')}`,
      'give them as flags (every question has one; see "backplan init --help"), or run init in a terminal',
    );
  }
}

/** R-TRIAGE-1: the emergency message and nothing else; only the symptoms (and name) matter here. */
async function emergencyStop(io: Io, flags: InitFlags, today: string, raw: Partial<IntakeInput>): Promise<number> {
  const intake = validateIntake(emergencyIntake(raw)!);
  const result = plan(intake, await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS }), today);
  io.stdout(renderText(result, { style: await styleFor(io, 'stdout', flags.color) }));
  io.stderr('Nothing was saved.\n');
  return withheldNotice(io, result);
}

const exportBase = (result: Plan): string => `${result.name ? slugOf(result.name) : 'backplan'}-plan`;

/** --export md,ics: the same files the question offers; an existing one only with --force. */
function exportsFromFlag(
  formats: ('md' | 'ics')[],
  result: Plan,
  io: Io,
  athletePath: string,
  force?: boolean,
): { format: 'md' | 'ics'; file: string }[] {
  const chosen = formats
    .filter((f) => !(f === 'ics' && result.triage.withheld))
    .map((format) => ({ format, file: `${exportBase(result)}.${format}` }));
  const over = overAthleteFile(chosen, io, athletePath);
  if (over)
    throw new DataError(
      `${over} is the athlete file, or its backup; nothing was saved`,
      'name the athlete file otherwise (e.g. --file athlete.yaml), or leave --export out',
    );
  const taken = chosen.filter(({ file }) => existsSync(resolve(io.cwd, file)));
  if (taken.length > 0 && !force)
    throw new DataError(
      `${taken.map((t) => t.file).join(' and ')} already exist${taken.length === 1 ? 's' : ''}; nothing was saved`,
      'add --force to replace, or run init somewhere else',
    );
  return chosen;
}

/** The export file that is the athlete file or its .bak, if one is (an export never goes over them). */
function overAthleteFile(chosen: { file: string }[], io: Io, athletePath: string): string | undefined {
  const over = athleteFilesAmong(
    chosen.map(({ file }) => resolve(io.cwd, file)),
    [athletePath],
  );
  return chosen.find(({ file }) => over.includes(resolve(io.cwd, file)))?.file;
}

async function chooseExports(
  ask: Prompter,
  io: Io,
  result: Plan,
  athletePath: string,
): Promise<{ format: 'md' | 'ics'; file: string }[]> {
  const base = exportBase(result);
  const offered: Choice<'md' | 'ics'>[] = [{ value: 'md', name: `Markdown to print or share (${base}.md)` }];
  if (!result.triage.withheld)
    offered.push({ value: 'ics', name: `Calendar file for Google, Apple or Outlook (${base}.ics)` });
  const formats = await ask.checkbox({
    message: 'Export the plan as well? (space to tick, enter when done)',
    choices: offered,
  });
  const chosen: { format: 'md' | 'ics'; file: string }[] = [];
  for (const format of formats) {
    const file = `${base}.${format}`;
    if (
      existsSync(resolve(io.cwd, file)) &&
      !(await ask.confirm({ message: `${file} already exists. Replace it?`, default: false }))
    )
      continue;
    if (overAthleteFile([{ file }], io, athletePath)) {
      io.stderr(`${file} is the athlete file, or its backup: not exported over it.\n`);
      continue;
    }
    chosen.push({ format, file });
  }
  return chosen;
}

// `backplan init`: the wizard (or flags, without a terminal), the plan, and the athlete file.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { longDate, nextMondayAfter } from '../../core/dates.js';
import { plan } from '../../core/plan.js';
import type { Intake, Plan } from '../../core/types.js';
import { slugOf } from '../../export/slug.js';
import { renderText } from '../../export/text.js';
import { intakeFromFlags } from '../../intake/fromFlags.js';
import { validateIntake } from '../../intake/validate.js';
import type { IntakeInput } from '../../intake/schema.js';
import { athletePath, readAthlete, writeAthlete, type AthleteFile } from '../../store/athlete.js';
import { withLock } from '../../store/lock.js';
import { getTemplates } from '../../templates/get.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { localToday, type Io } from '../io.js';
import type { IntakeFlags, TemplateFlags } from '../options.js';
import { writeOutput } from '../output.js';
import { styleFor } from '../style.js';
import { askIntake, inquirerPrompter, type Choice, type Prompter } from '../wizard.js';
import { render, withheldNotice } from './plan.js';

interface InitFlags extends IntakeFlags, TemplateFlags {
  export?: ('md' | 'ics')[];
  file?: string;
  force?: boolean;
  input?: boolean;
  today?: string;
  color?: boolean;
}

/** Whether init may ask questions: a terminal on stdin and stdout, and no --no-input. */
export const canPrompt = (io: Io, flags: { input?: boolean }): boolean => flags.input !== false && io.stdinIsTTY && io.stdoutIsTTY;

export async function runInit(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<InitFlags>();
  const path = resolve(io.cwd, athletePath(flags.file, io.env));
  const shown = flags.file ?? path;
  const interactive = canPrompt(io, flags);
  const today = flags.today ?? localToday(io);
  const known = intakeFromFlags(flags);
  if (!interactive) requireFlags(known);
  const ask = interactive ? (io.prompt ?? (await inquirerPrompter())) : undefined;

  // An existing athlete file is replaced only with --force or a yes that defaults to no.
  if (existsSync(path)) {
    if (!flags.force) {
      if (!ask) throw new DataError(`${shown} already exists; nothing was changed`, 'add --force to replace it (the old one is kept as .bak), or --file for another athlete');
      const replace = await ask.confirm({ message: `${shown} already exists. Replace it? (the old one is kept as ${basename(path)}.bak)`, default: false });
      if (!replace) {
        io.stderr('Nothing changed.\n');
        return EXIT.ok;
      }
    }
  }

  let raw: Partial<IntakeInput> = known;
  if (ask) {
    const outcome = await askIntake(ask, known, today);
    if (outcome.kind === 'emergency') return emergencyStop(io, flags, today, { ...known, symptoms: outcome.symptoms });
    raw = outcome.intake;
  }
  raw = { start: nextMondayAfter(today), ...raw }; // saved, so the plan keeps its dates
  const intake = validateIntake(raw);
  const templates = await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS, template: flags.template });
  const result = plan(intake, templates, today);
  if (result.triage.level === 'emergency') return emergencyStop(io, flags, today, raw); // R-TRIAGE-1: nothing saved

  const flagged = flags.export ? exportsFromFlag(flags.export, result, io, flags.force) : undefined;

  // Saved first: a reader that goes away (`init … | head`) must not cost the runner their answers.
  // The file is read again under the lock, so check-ins logged meanwhile are kept.
  const replaced = withLock(path, shown, () => {
    const existing = readIfValid(path); // a broken file is replaced whole; its .bak keeps it
    writeAthlete(path, intake, existing);
    return existing !== undefined;
  });
  const style = await styleFor(io, 'stdout', flags.color);
  io.stdout(`${summary(intake, templates.rules.defaultRunDays)}\n\n${renderText(result, { style, exercises: templates.exercises })}`);
  const exports = flagged ?? (ask ? await chooseExports(ask, io, result) : []);
  io.stderr(`Saved your answers to ${shown}${replaced || existsSync(`${path}.bak`) ? ` (the previous version is ${basename(path)}.bak)` : ''}.\n`);
  io.stderr('Next: "backplan show" prints this plan again; "backplan export ics -o plan.ics" puts it in a calendar.\n');
  for (const { format, file } of exports) {
    const rendered = await render(result, format, templates, { output: file, force: true }, io);
    writeOutput(io, { output: file, force: true }, rendered.content, rendered.what);
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
    throw new UsageError(`no terminal to ask in, and missing ${missing.join(', ')}`, 'give them as flags (every question has one; see "backplan init --help"), or run init in a terminal');
  }
}

function readIfValid(path: string): AthleteFile | undefined {
  try {
    return readAthlete(path);
  } catch {
    return undefined;
  }
}

/** R-TRIAGE-1: the emergency message and nothing else; only the symptoms (and name) matter here. */
async function emergencyStop(io: Io, flags: InitFlags, today: string, raw: Partial<IntakeInput>): Promise<number> {
  const intake = validateIntake({ name: raw.name, pain: raw.pain ?? 0, symptoms: raw.symptoms, goalWeekly: 1 });
  const result = plan(intake, await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS }), today);
  io.stdout(renderText(result, { style: await styleFor(io, 'stdout', flags.color) }));
  io.stderr('Nothing was saved.\n');
  return withheldNotice(io, result);
}

function summary(intake: Intake, defaultRunDays: number): string {
  const unit = intake.units === 'min' ? 'min' : intake.units;
  const lines = [
    'Your answers',
    `  ${intake.name ? `${intake.name} · ` : ''}pain at rest ${intake.pain}/10 · ${intake.symptoms.length ? `symptoms: ${intake.symptoms.join(', ')}` : 'no symptoms ticked'}${intake.cleared ? ' · cleared by a clinician' : ''}`,
    `  running now: ${intake.weekly} ${unit} a week on ${intake.runsPerWeek ?? defaultRunDays} days · before the pain: ${intake.goalWeekly} ${unit} a week`,
    `  ${intake.runner} runner${intake.age ? `, age ${intake.age}` : ''} · starts ${longDate(intake.start!)} · run days: ${intake.days?.join(', ') ?? 'backplan chooses'}`,
  ];
  return lines.join('\n');
}

const exportBase = (result: Plan): string => `${result.name ? slugOf(result.name) : 'backplan'}-plan`;

/** --export md,ics: the same files the question offers; an existing one only with --force. */
function exportsFromFlag(formats: ('md' | 'ics')[], result: Plan, io: Io, force?: boolean): { format: 'md' | 'ics'; file: string }[] {
  const chosen = formats.filter((f) => !(f === 'ics' && result.triage.withheld)).map((format) => ({ format, file: `${exportBase(result)}.${format}` }));
  const taken = chosen.filter(({ file }) => existsSync(resolve(io.cwd, file)));
  if (taken.length > 0 && !force) throw new DataError(`${taken.map((t) => t.file).join(' and ')} already exist${taken.length === 1 ? 's' : ''}; nothing was saved`, 'add --force to replace, or run init somewhere else');
  return chosen;
}

async function chooseExports(ask: Prompter, io: Io, result: Plan): Promise<{ format: 'md' | 'ics'; file: string }[]> {
  const base = exportBase(result);
  const offered: Choice<'md' | 'ics'>[] = [{ value: 'md', name: `Markdown to print or share (${base}.md)` }];
  if (!result.triage.withheld) offered.push({ value: 'ics', name: `Calendar file for Google, Apple or Outlook (${base}.ics)` });
  const formats = await ask.checkbox({ message: 'Export the plan as well? (space to tick, enter when done)', choices: offered });
  const chosen: { format: 'md' | 'ics'; file: string }[] = [];
  for (const format of formats) {
    const file = `${base}.${format}`;
    if (existsSync(resolve(io.cwd, file)) && !(await ask.confirm({ message: `${file} already exists. Replace it?`, default: false }))) continue;
    chosen.push({ format, file });
  }
  return chosen;
}

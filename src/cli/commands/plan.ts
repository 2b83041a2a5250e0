// `backplan plan`: flags → intake → core.plan → a renderer → stdout.
import type { Command } from 'commander';
import { plan } from '../../core/plan.js';
import { renderJson } from '../../export/json.js';
import { renderText } from '../../export/text.js';
import { intakeFromFlags, validateIntake } from '../../intake/fromFlags.js';
import { loadTemplates } from '../../templates/load.js';
import { EXIT } from '../errors.js';
import { localToday, type Io } from '../io.js';
import type { IntakeFlags, TemplateFlags } from '../options.js';
import { styleFor } from '../style.js';

interface PlanFlags extends IntakeFlags, TemplateFlags {
  today?: string;
  format: 'text' | 'json';
  color?: boolean;
}

export async function runPlan(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<PlanFlags>();
  const intake = validateIntake(intakeFromFlags(flags));
  const today = flags.today ?? localToday(io);
  if (intake.start && intake.start < today) {
    io.stderr(`warning: --start ${intake.start} is before today (${today}); the plan's first weeks are in the past.\n`);
  }
  const templates = loadTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS, template: flags.template });
  const result = plan(intake, templates, today);

  io.stdout(flags.format === 'json'
    ? renderJson(result)
    : renderText(result, { style: styleFor(io, 'stdout', flags.color), exercises: templates.exercises }));

  if (result.triage.withheld) {
    const what = result.triage.level === 'emergency' ? 'No plan' : 'No running in this plan';
    io.stderr(`${what}: a red-flag symptom needs ${result.triage.level === 'emergency' ? 'emergency care today' : 'a clinician first'} (exit code 3).\n`);
    return EXIT.withheld;
  }
  return EXIT.ok;
}

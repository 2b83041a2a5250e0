// The commander tree. Commands are thin: each action lazy-imports the module that does the work,
// so `backplan --version` loads nothing but commander.
import { Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import type { Io } from './io.js';
import { addExportOptions, addIntakeOptions, addTemplateOptions, isoDate, PLAN_FORMATS } from './options.js';

export interface RunState {
  exitCode: number;
}

export const EXIT_CODES_HELP = `
Exit codes:
  0    ok
  1    data or runtime error (a bad file, a template error)
  2    usage error (a wrong flag or value, a missing answer)
  3    plan withheld for safety: a red-flag symptom needs a clinician first
  130  cancelled (Ctrl-C)`;

const PROGRAM_EXAMPLES = `Examples:
  A runner with pain 2/10, not running now, who ran 30 km a week before:
    $ backplan plan --pain 2 --weekly 0 --goal-weekly 30 --units km

  A coach's script: one athlete as JSON, reproducible with a fixed date:
    $ backplan plan --name "Ana" --pain 1 --weekly 20 --goal-weekly 40 \\
        --symptom limp --today 2026-11-22 --format json > ana.json
`;

const PLAN_EXAMPLES = `Examples:
  A runner with pain 2/10, not running now, who ran 30 km a week before:
    $ backplan plan --pain 2 --weekly 0 --goal-weekly 30 --units km

  Running 90 minutes a week with pain 1/10, preferred days, 12 weeks:
    $ backplan plan --pain 1 --weekly-minutes 90 --goal-weekly 150 \\
        --days mon,wed,sat --weeks 12

  A coach's script: JSON with a fixed date, so the output never changes:
    $ backplan plan --name "Ana" --pain 1 --weekly 20 --goal-weekly 40 \\
        --runner distance --today 2026-11-22 --format json > ana.json

  Into a calendar at 07:00 London time with a reminder, and as Markdown:
    $ backplan plan --pain 2 --goal-weekly 30 -o plan.ics --time 07:00 \\
        --tz Europe/London --alarm 30
    $ backplan plan --pain 2 --goal-weekly 30 -o plan.md
`;

export function createProgram(io: Io, state: RunState = { exitCode: 0 }): Command {
  const program = new Command('backplan')
    .description('Return-to-running plans for runners with low back pain: red-flag triage, pain gates, a walk/run ladder and the 10% rule, as a dated week-by-week plan.')
    .version(pkg.version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help and exit')
    .option('--no-color', 'no colour in the output (also NO_COLOR=1 or TERM=dumb)')
    .option('--debug', 'show stack traces on errors')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText('before', PROGRAM_EXAMPLES)
    .addHelpText('after', EXIT_CODES_HELP);

  program.addHelpCommand(false);

  const plan = program
    .command('plan')
    .description('make a dated week-by-week return-to-running plan')
    .addHelpText('before', PLAN_EXAMPLES)
    .addHelpText('after', EXIT_CODES_HELP);
  addIntakeOptions(plan);
  addTemplateOptions(plan);
  plan
    .addOption(new Option('--today <date>', 'the date to plan from, YYYY-MM-DD (default: today), for reproducible output').argParser(isoDate))
    .addOption(new Option('--format <format>', 'output format (default: text, or what -o file.ext implies)').choices(PLAN_FORMATS));
  addExportOptions(plan)
    .action(async (_options, command: Command) => {
      const { runPlan } = await import('./commands/plan.js');
      state.exitCode = await runPlan(io, command);
    });

  program
    .command('symptoms')
    .description('list every symptom id with its plain-words meaning and triage level')
    .addHelpText('before', `Examples:\n  $ backplan symptoms\n  $ backplan symptoms --format json | jq -r '.[] | select(.level == "emergency") | .id'\n`)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (_options, command: Command) => {
      const { runSymptoms } = await import('./commands/symptoms.js');
      state.exitCode = runSymptoms(io, command);
    });

  const templates = program
    .command('templates')
    .description('list the plan templates, or check template files for errors')
    .addHelpText('before', `Examples:\n  $ backplan templates list\n  $ backplan templates lint my-plans/\n`);
  templates.addHelpCommand(false);
  templates
    .command('list')
    .description('list the available week templates and the plans folders in use')
    .addHelpText('before', `Examples:\n  $ backplan templates list\n  $ backplan templates list --plans-dir my-plans/\n`)
    .addOption(new Option('--plans-dir <dir>', 'a folder of your own plan files, searched before the built-in ones (env: BACKPLAN_PLANS)'))
    .action(async (_options, command: Command) => {
      const { runTemplatesList } = await import('./commands/templates.js');
      state.exitCode = runTemplatesList(io, command);
    });
  templates
    .command('lint')
    .description('check a plan file, or every .yaml file in a folder; errors name file, line and field')
    .addHelpText('before', `Examples:\n  $ backplan templates lint my-plans/\n  $ backplan templates lint my-plans/gentle.yaml\n`)
    .argument('<file|dir>', 'a plan YAML file or a folder of them')
    .action(async (target: string, _options, command: Command) => {
      const { runTemplatesLint } = await import('./commands/templates.js');
      state.exitCode = runTemplatesLint(io, target, command);
    });

  return program;
}

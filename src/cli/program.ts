// The commander tree. Commands are thin: each action lazy-imports the module that does the work,
// so `backplan --version` loads nothing but commander.
import { Argument, Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import type { Io } from './io.js';
import { COMPLETED, WARMUP_SORENESS } from '../core/choices.js';
import {
  addExportOptions,
  addIntakeOptions,
  addPrintOptions,
  addTemplateOptions,
  batchFormats,
  exportList,
  isoDate,
  nonEmptyPath,
  noteText,
  PLAN_FORMATS,
  symptomList,
  wholeNumber,
  csvDelimiter,
  refuseRepeatedValues,
  teamFormats,
} from './options.js';

export interface RunState {
  exitCode: number;
}

export const EXIT_CODES_HELP = `
Exit codes:
  0    ok
  1    data or runtime error (a bad file, a template error)
  2    usage error (a wrong flag or value, a missing answer)
  3    plan withheld for safety: a red flag, or a pattern in your log, needs a clinician first
  130  cancelled (Ctrl-C)`;

const PROGRAM_EXAMPLES = `Examples:
  A runner with pain 2/10, not running now, who ran 30 km a week before:
    $ backplan plan --pain 2 --weekly 0 --goal-weekly 30 --units km

  A coach's script: one athlete as JSON, reproducible with a fixed date:
    $ backplan plan --name "Ana" --pain 1 --weekly 20 --goal-weekly 40 \\
        --symptom limp --today 2026-11-22 --format json > ana.json
`;

const ATHLETE_FILE_HELP = `
The athlete file: --file, else $BACKPLAN_FILE, else $XDG_DATA_HOME/backplan/athlete.yaml,
else ~/.local/share/backplan/athlete.yaml.`;

const INIT_EXAMPLES = `Examples:
  A runner, in a terminal: answer the questions, see the plan, keep it.
    $ backplan init

  A coach's script, no questions asked (every question has a flag):
    $ backplan init --no-input --file ana.yaml --name Ana --pain 1 \\
        --weekly 20 --units km --goal-weekly 40 --runner distance
`;

const BATCH_EXAMPLES = `Examples:
  A coach: every athlete's Markdown and calendar into plans-out/, the summary on
  screen, from the example roster that comes with backplan (installed with npm -g):
    $ backplan batch "$(npm root -g)/backplan/examples/roster.csv" --out-dir plans-out

  In a script: JSON files and a JSON summary, the same output for the same date:
    $ backplan batch roster.yaml --out-dir out --format json --summary json --today 2026-11-22
`;

const BATCH_EXIT_CODES = `
Roster fields are the plan flags without --: name, id, pain, symptoms (ids separated by ;),
weekly, units, weekly-minutes, runs-per-week, longest-run, goal-weekly, age, first-episode,
arching-pain, runner, start, weeks, days, cleared. Files are <name>.<ext>, made safe and unique.

Exit codes:
  0    every plan written
  1    some row was invalid (every valid row is still written), or a file error
  2    usage error
  3    every row valid, and at least one athlete withheld for safety (see the summary)`;

const CHECKIN_EXAMPLES = `Examples:
  A runner after today's session, in a terminal: answer a few questions.
    $ backplan checkin

  The same by flags (scripts, or no terminal):
    $ backplan checkin --completed yes --pain-before 1 --pain-during 2 \\
        --pain-after 1 --warmup-soreness eased

  The next morning, on its own; pain at rest on a day without a session;
  and after a clinician's all-clear:
    $ backplan checkin --morning --next-morning 1
    $ backplan checkin --rest-pain 2
    $ backplan checkin --cleared --note "seen by the physio, cleared to run"
`;

const CHECKIN_HELP = `
Decisions (most severe first; thresholds in plans/rules.yaml):
  stop           an emergency symptom: get emergency care, no plan (R-TRIAGE-1)
  stop running   until --cleared: an urgent symptom (R-TRIAGE-2); any pain of 7+ (R-ESC-1);
                 a second drop-back within 14 days, or 3 holds or drop-backs in a row
                 (R-ESC-2); no better 4 weeks after the start or the last clearance (R-ESC-3)
  drop back      pain during or next morning of 5+: a level down, 2 days without running
  hold           pain during 3-4, pain after above before, next-morning pain above your
                 baseline, warm-up soreness that stayed, or a new caution sign: the same
                 level, an extra rest day; a limp means a settle week first (R-WEEK-4)
  no run         pain at rest of 3+ (before a session, the next morning, or --rest-pain):
                 no run until you log less; 7 days of it mean a settle week (R-PAIN-5)
  off plan       a run on a day the plan kept free (the day after a run, inside rest
                 days): logged and counted, never toward the next level (R-LOG-3)
  clean          2 clean sessions (3 for returning runners) earn the next level, at most
                 one a week: it starts with the first run on or after the date named
                 (R-PROG-2, R-LOG-1), and not while weekly pain rose a point (R-PAIN-4)
Planned runs with no check-in count as missed; more than 7 days without running drops a
level a week (R-PROG-3). A session logged late keeps the level and minutes of the entries
after it (R-LOG-2).`;

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

  To print and stick on the fridge (a PDF needs Chromium, Chrome, Edge or Brave):
    $ backplan plan --pain 2 --goal-weekly 30 -o plan.pdf
`;

/** The saved athlete's file, and the date that counts as today (check-ins, status, report). */
function addAthleteOptions(command: Command): Command {
  return command
    .addOption(new Option('--file <path>', 'the athlete file (default: see below)'))
    .addOption(
      new Option('--today <date>', 'today, YYYY-MM-DD (default: today), for reproducible output').argParser(isoDate),
    );
}

/** The program; given the arguments, with only the command they name (see commandNamed). */
export function createProgram(io: Io, state: RunState = { exitCode: 0 }, argv?: readonly string[]): Command {
  const program = new Command('backplan')
    .description(
      'Return-to-running plans for runners with low back pain: red-flag triage, pain gates, a walk/run ladder and the 10% rule, as a dated week-by-week plan.',
    )
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
  const only = commandNamed(argv);
  for (const [name, define] of Object.entries(COMMANDS)) {
    if (!only || name === only) define(program, io, state);
  }
  refuseRepeatedValues(program);
  return program;
}

const COMMANDS: Record<string, (program: Command, io: Io, state: RunState) => void> = {
  plan: definePlan,
  init: defineInit,
  edit: defineEdit,
  reset: defineReset,
  completion: defineCompletion,
  batch: defineBatch,
  show: defineShow,
  export: defineExport,
  checkin: defineCheckin,
  status: defineStatus,
  report: defineReport,
  symptoms: defineSymptoms,
  templates: defineTemplates,
  team: defineTeam,
};

/**
 * The command the arguments name, if any: then only that command is defined, which spares start-up
 * the options of all the others. Help for the whole program, and suggestions for a mistyped
 * command, need every command, and get them.
 */
function commandNamed(argv: readonly string[] | undefined): string | undefined {
  for (const arg of argv ?? []) {
    if (arg === '-h' || arg === '--help') return undefined; // the program's help, before any command
    if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

function definePlan(program: Command, io: Io, state: RunState): void {
  const plan = program
    .command('plan')
    .description('make a dated week-by-week return-to-running plan')
    .addHelpText('before', PLAN_EXAMPLES)
    .addHelpText('after', EXIT_CODES_HELP);
  addIntakeOptions(plan);
  addTemplateOptions(plan);
  plan
    .addOption(
      new Option(
        '--today <date>',
        'the date to plan from, YYYY-MM-DD (default: today), for reproducible output',
      ).argParser(isoDate),
    )
    .addOption(
      new Option('--format <format>', 'output format (default: text, or what -o file.ext implies)').choices(
        PLAN_FORMATS,
      ),
    );
  plan.addOption(new Option('--file <path>', 'start from a saved athlete file (flags override its answers)'));
  plan.addOption(
    new Option(
      '--profile <file>',
      'start from one intake in YAML or JSON (keys: the flag names without --); - reads stdin',
    ),
  );
  addPrintOptions(addExportOptions(plan)).action(async (_options, command: Command) => {
    const { runPlan } = await import('./commands/plan.js');
    state.exitCode = await runPlan(io, command);
  });
}

function defineInit(program: Command, io: Io, state: RunState): void {
  const init = program
    .command('init')
    .description('answer a few questions, see your plan, and save your answers for later commands')
    .addHelpText('before', INIT_EXAMPLES)
    .addHelpText('after', `${ATHLETE_FILE_HELP}\n${EXIT_CODES_HELP}`);
  addIntakeOptions(init);
  addTemplateOptions(init)
    .addOption(new Option('--file <path>', 'where to save your answers (default: see below)'))
    .addOption(new Option('--force', 'replace an existing athlete file without asking (the old one is kept as .bak)'))
    .addOption(new Option('--no-input', 'never ask; take every answer from flags (the default without a terminal)'))
    .addOption(
      new Option(
        '--export <formats>',
        'also write the plan as md, ics or md,ics (none: no export, and no question)',
      ).argParser(exportList),
    )
    .addOption(new Option('--today <date>', 'the date to plan from, YYYY-MM-DD (default: today)').argParser(isoDate))
    .action(async (_options, command: Command) => {
      const { runInit } = await import('./commands/init.js');
      state.exitCode = await runInit(io, command);
    });
}

const EDIT_EXAMPLES = `Examples:
  A runner, in a terminal: the questions again, your saved answers as the defaults.
    $ backplan edit

  One answer by its flag; the log is kept, and edit says how the plan moves:
    $ backplan edit --goal-weekly 40
    $ backplan edit --no-symptom --pain 1
`;

function defineEdit(program: Command, io: Io, state: RunState): void {
  const edit = program
    .command('edit')
    .description('change your saved answers (a flag per answer, or the questions again); the log is kept')
    .addHelpText('before', EDIT_EXAMPLES)
    .addHelpText(
      'after',
      `
Flags not given keep their saved values. --no-symptom, --no-days, --no-age, --no-longest-run and
--no-name take an answer away. The start date cannot move once check-ins are logged: they were
logged against the plan that starts then (begin again with "backplan reset").
${ATHLETE_FILE_HELP}
${EXIT_CODES_HELP}`,
    );
  addIntakeOptions(edit);
  addAthleteOptions(edit);
  addTemplateOptions(edit)
    .addOption(new Option('--no-symptom', 'tick no symptoms (takes the saved ones away)'))
    .addOption(new Option('--no-days', 'let backplan choose the running days'))
    .addOption(new Option('--no-age', 'forget the age'))
    .addOption(new Option('--no-longest-run', 'forget the longest run'))
    .addOption(new Option('--no-name', 'forget the name'))
    .addOption(new Option('--no-first-episode', 'this is not your first episode of back pain'))
    .addOption(new Option('--no-arching-pain', 'arching your back backwards does not hurt'))
    .addOption(new Option('--no-cleared', 'not (or no longer) cleared by a clinician'))
    .addOption(new Option('--no-input', 'never ask (the default without a terminal)'))
    .addOption(new Option('--dry-run', 'say what would change, and save nothing'))
    .action(async (_options, command: Command) => {
      const { runEdit } = await import('./commands/edit.js');
      state.exitCode = await runEdit(io, command);
    });
}

function defineReset(program: Command, io: Io, state: RunState): void {
  const reset = program
    .command('reset')
    .description('delete the athlete file, its backup and lock: your answers and every check-in')
    .addHelpText('before', 'Examples:\n  $ backplan reset\n  $ backplan reset --file ana.yaml --yes\n')
    .addHelpText(
      'after',
      `\nAsks first, and the answer defaults to No. Without a terminal it needs --yes.\n${ATHLETE_FILE_HELP}\n${EXIT_CODES_HELP}`,
    )
    .addOption(new Option('--file <path>', 'the athlete file (default: see below)'))
    .addOption(new Option('--yes', 'delete without asking (scripts)'))
    .addOption(new Option('--no-input', 'never ask; without --yes, nothing is deleted'));
  reset.action(async (_options, command: Command) => {
    const { runReset } = await import('./commands/reset.js');
    state.exitCode = await runReset(io, command);
  });
}

function defineCompletion(program: Command, io: Io, state: RunState): void {
  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'before',
      `Examples:
  bash, in ~/.bashrc:            source <(backplan completion bash)
  zsh, in ~/.zshrc:              source <(backplan completion zsh)
  fish:                          backplan completion fish > ~/.config/fish/completions/backplan.fish
`,
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { runCompletion } = await import('./commands/completion.js');
      state.exitCode = runCompletion(io, shell);
    });
}

function defineBatch(program: Command, io: Io, state: RunState): void {
  program
    .command('batch')
    .description("make every athlete's plan files from a roster (CSV, YAML or JSON)")
    .argument('<roster>', 'the roster: .csv (a header of flag names without --), .yaml or .json')
    .addHelpText('before', BATCH_EXAMPLES)
    .addHelpText('after', BATCH_EXIT_CODES)
    .addOption(
      new Option('--out-dir <dir>', 'the folder for the plan files (made if missing)')
        .argParser(nonEmptyPath)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--format <list>', 'files per athlete: any of md, ics, json')
        .argParser(batchFormats)
        .default(['md', 'ics'], 'md,ics'),
    )
    .addOption(new Option('--summary <format>', 'the summary on stdout').choices(['text', 'json']).default('text'))
    .addOption(new Option('--force', 'replace existing files'))
    .addOption(new Option('--dry-run', 'list the files that would be written, and write nothing'))
    .addOption(new Option('--today <date>', 'the date to plan from, YYYY-MM-DD (default: today)').argParser(isoDate))
    .addOption(
      new Option('--template <name|path>', 'week template by name, or a path to a template file (default: standard)'),
    )
    .addOption(new Option('--plans-dir <dir>', 'a folder of your own plan files (env: BACKPLAN_PLANS)'))
    .action(async (roster: string, _options, command: Command) => {
      const { runBatch } = await import('./commands/batch.js');
      state.exitCode = await runBatch(io, roster, command);
    });
}

function defineShow(program: Command, io: Io, state: RunState): void {
  const show = program
    .command('show')
    .description('print the plan of the saved athlete file')
    .addHelpText(
      'before',
      'Examples:\n  $ backplan show\n  $ backplan show --all\n  $ backplan show --file ana.yaml --format json\n',
    )
    .addHelpText('after', `${ATHLETE_FILE_HELP}\n${EXIT_CODES_HELP}`)
    .addOption(new Option('--file <path>', 'the athlete file (default: see below)'))
    .addOption(new Option('--today <date>', 'the date to plan from, YYYY-MM-DD (default: today)').argParser(isoDate))
    .addOption(new Option('--format <format>', 'output format').choices(PLAN_FORMATS))
    .addOption(new Option('--all', 'every week, in a terminal too (there, show prints this week and next)'));
  addTemplateOptions(show);
  addPrintOptions(addExportOptions(show)).action(async (_options, command: Command) => {
    const { runSaved } = await import('./commands/plan.js');
    state.exitCode = await runSaved(io, command);
  });
}

function defineExport(program: Command, io: Io, state: RunState): void {
  const exportCommand = program
    .command('export')
    .description('export the saved plan as Markdown, a calendar, HTML or PDF (or JSON, or text)')
    .addArgument(new Argument('<format>', 'the format to export').choices(PLAN_FORMATS))
    .addHelpText(
      'before',
      'Examples:\n  $ backplan export md -o plan.md\n  $ backplan export ics -o plan.ics --time 07:00 --tz Europe/London\n' +
        '  $ backplan export pdf -o plan.pdf --paper letter\n',
    )
    .addHelpText('after', `${ATHLETE_FILE_HELP}\n${EXIT_CODES_HELP}`)
    .addOption(new Option('--file <path>', 'the athlete file (default: see below)'))
    .addOption(new Option('--today <date>', 'the date to plan from, YYYY-MM-DD (default: today)').argParser(isoDate));
  addTemplateOptions(exportCommand);
  addPrintOptions(addExportOptions(exportCommand)).action(async (format: string, _options, command: Command) => {
    const { runSaved } = await import('./commands/plan.js');
    state.exitCode = await runSaved(io, command, format as (typeof PLAN_FORMATS)[number]);
  });
}

function defineCheckin(program: Command, io: Io, state: RunState): void {
  const checkin = program
    .command('checkin')
    .description('log how a session went; the plan adapts: advance, hold, drop back or stop')
    .addHelpText('before', CHECKIN_EXAMPLES)
    .addHelpText('after', `${CHECKIN_HELP}\n${ATHLETE_FILE_HELP}\n${EXIT_CODES_HELP}`)
    .addOption(new Option('--date <date>', 'the day of the session, YYYY-MM-DD (default: today)').argParser(isoDate))
    .addOption(new Option('--completed <answer>', 'did you do the session?').choices(COMPLETED))
    .addOption(
      new Option('--pain-before <0-10>', 'back pain at rest before the session').argParser(wholeNumber(0, 10, '1')),
    )
    .addOption(
      new Option('--pain-during <0-10>', 'the worst back pain during the session').argParser(wholeNumber(0, 10, '2')),
    )
    .addOption(new Option('--pain-after <0-10>', 'back pain just after the session').argParser(wholeNumber(0, 10, '1')))
    .addOption(
      new Option('--next-morning <0-10>', 'back pain at rest the morning after').argParser(wholeNumber(0, 10, '1')),
    )
    .addOption(new Option('--morning', 'log only the next-morning pain of the last session (with --next-morning)'))
    .addOption(
      new Option(
        '--rest-pain <0-10>',
        'back pain at rest today, logged on its own (a day without a session)',
      ).argParser(wholeNumber(0, 10, '2')),
    )
    .addOption(new Option('--warmup-soreness <answer>', 'soreness in the warm-up').choices(WARMUP_SORENESS))
    .addOption(
      new Option(
        '--symptom <id>',
        'a new symptom since the last check-in; repeat or comma-separate (see "backplan symptoms")',
      ).argParser(symptomList),
    )
    .addOption(
      new Option('--note <text>', 'a note for yourself or your clinician (up to 2,000 characters)').argParser(noteText),
    )
    .addOption(new Option('--cleared', 'a doctor or physical therapist has assessed you and cleared you to run'))
    .addOption(new Option('--no-input', 'never ask; take every answer from flags (the default without a terminal)'))
    .addOption(new Option('--format <format>', 'what to print').choices(['text', 'json']).default('text'))
    .addOption(new Option('--dry-run', 'show the decision, and log nothing'));
  addAthleteOptions(checkin);
  addTemplateOptions(checkin).action(async (_options, command: Command) => {
    const { runCheckin } = await import('./commands/checkin.js');
    state.exitCode = await runCheckin(io, command);
  });
}

function defineStatus(program: Command, io: Io, state: RunState): void {
  const status = program
    .command('status')
    .description('where you stand: phase and level, this week, and charts of pain and weekly running')
    .addHelpText(
      'before',
      'Examples:\n  $ backplan status\n  $ backplan status --file ana.yaml --format json | jq .level\n',
    )
    .addHelpText(
      'after',
      `\nJSON: {schemaVersion, phase, level (the walk/run level, or null off the ladder),\ncleanSessions, cleanNeeded, stopped ({level, reason, since, text} or null), restPain,\nnextSession, decision, thisWeek, adherence, pain, weeks, …}\nExit 3 while running is stopped until a clinician clears you.\n${ATHLETE_FILE_HELP}\n${EXIT_CODES_HELP}`,
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  addAthleteOptions(status);
  addTemplateOptions(status).action(async (_options, command: Command) => {
    const { runStatus } = await import('./commands/status.js');
    state.exitCode = await runStatus(io, command);
  });
}

function defineReport(program: Command, io: Io, state: RunState): void {
  const report = program
    .command('report')
    .description('a report for a clinician or coach: Markdown with two SVG charts beside it, or one HTML or PDF page')
    .addHelpText(
      'before',
      'Examples:\n  $ backplan report -o report.md\n  $ backplan report --file ana.yaml -o reports/ana.md --force\n' +
        '  $ backplan report -o report.html\n  $ backplan report -o report.pdf --paper letter\n',
    )
    .addHelpText(
      'after',
      `\n.md writes <name>.md, <name>-pain.svg and <name>-volume.svg in the same folder;
.html and .pdf write one file with the charts inside.\n${ATHLETE_FILE_HELP}\n${EXIT_CODES_HELP}`,
    )
    .addOption(
      new Option('-o, --output <file>', 'the report: .md (the charts go beside it), .html or .pdf').default(
        'backplan-report.md',
      ),
    )
    .addOption(new Option('--force', 'replace existing report and chart files'))
    .addOption(new Option('--dry-run', 'say what would be written, and write nothing'));
  addAthleteOptions(report);
  addPrintOptions(report);
  addTemplateOptions(report).action(async (_options, command: Command) => {
    const { runReport } = await import('./commands/status.js');
    state.exitCode = await runReport(io, command);
  });
}

function defineSymptoms(program: Command, io: Io, state: RunState): void {
  program
    .command('symptoms')
    .description('list every symptom id with its plain-words meaning and triage level')
    .addHelpText(
      'before',
      `Examples:\n  $ backplan symptoms\n  $ backplan symptoms --format json | jq -r '.[] | select(.level == "emergency") | .id'\n`,
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (_options, command: Command) => {
      const { runSymptoms } = await import('./commands/symptoms.js');
      state.exitCode = await runSymptoms(io, command);
    });
}

function defineTemplates(program: Command, io: Io, state: RunState): void {
  const templates = program
    .command('templates')
    .description('list the plan templates, or check template files for errors')
    .addHelpText('before', `Examples:\n  $ backplan templates list\n  $ backplan templates lint my-plans/\n`);
  templates.addHelpCommand(false);
  templates
    .command('list')
    .description('list the available week templates and the plans folders in use')
    .addHelpText(
      'before',
      `Examples:\n  $ backplan templates list\n  $ backplan templates list --plans-dir my-plans/\n`,
    )
    .addOption(
      new Option(
        '--plans-dir <dir>',
        'a folder of your own plan files, searched before the built-in ones (env: BACKPLAN_PLANS)',
      ),
    )
    .action(async (_options, command: Command) => {
      const { runTemplatesList } = await import('./commands/templates.js');
      state.exitCode = runTemplatesList(io, command);
    });
  templates
    .command('lint')
    .description('check a plan file, or every .yaml file in a folder; errors name file, line and field')
    .addHelpText(
      'before',
      `Examples:\n  $ backplan templates lint my-plans/\n  $ backplan templates lint my-plans/gentle.yaml\n`,
    )
    .argument('<file|dir>', 'a plan YAML file or a folder of them')
    .action(async (target: string, _options, command: Command) => {
      const { runTemplatesLint } = await import('./commands/templates.js');
      state.exitCode = runTemplatesLint(io, target, command);
    });
}

const TEAM_EXAMPLES = `Examples:
  A coach's season in three commands and a spreadsheet:
    $ backplan team init squad roster.csv           # one athlete file per row
    $ backplan team checkin squad week-1.csv        # the week's check-ins, judged
    $ backplan team status squad                    # who needs you first

  A runner logs their own check-ins in the same file:
    $ backplan checkin --file squad/ana-lopez.yaml --completed yes --pain-during 1

  Plans for everyone, and the team for a script:
    $ backplan team export squad --out-dir plans --format md,ics,html
    $ backplan team status squad --format csv > squad.csv
`;

const TEAM_HELP = `
The team folder holds one athlete file per athlete, <slug>.yaml: the name (or the id column)
made safe and unique (ana-lopez, ana-lopez-2), which also tells same-name athletes apart in
every summary. It is the same file "backplan checkin --file" writes; a file copied in joins
the team. Rosters and check-in sheets are CSV (commas, or semicolons as Excel saves them in
much of Europe: told from the header line, or --delimiter), YAML or JSON; blank rows (,,,)
are skipped; a bad row is reported with its file line.

Check-in sheet columns (the checkin flags): athlete (slug or name), date, completed,
pain-before, pain-during, pain-after, next-morning, rest-pain, warmup-soreness, symptoms
(ids separated by ;), note. A row logs a session (completed), a next-morning pain on its own,
or a pain at rest on its own. A row already logged (same date, same answers) is skipped, so
a sheet can be imported again; a bad row logs nothing for its athlete.

Needs the coach first, in this order: stopped (emergency; withheld for a red flag until a
clinician clears them; escalated by the log: R-ESC-1..3), pain at rest keeping runs off
(R-PAIN-5), pain rising week on week (R-PAIN-4), planned runs missed in the last 7 days.
A clinician's all-clear: backplan checkin --file <dir>/<slug>.yaml --cleared.

Exit codes:
  0    ok
  1    a row or file was invalid (every valid one was still done), or a file error
  2    usage error
  3    an athlete is stopped or withheld for safety (team status: even beside a bad file)`;

function defineTeam(program: Command, io: Io, state: RunState): void {
  const team = program
    .command('team')
    .description("a coach's team folder: athlete files from a roster, check-ins from a sheet, the team at a glance")
    .addHelpText('before', TEAM_EXAMPLES)
    .addHelpText('after', TEAM_HELP);
  team.addHelpCommand(false);
  const today = () =>
    new Option('--today <date>', 'today, YYYY-MM-DD (default: today), for reproducible output').argParser(isoDate);
  const delimiter = () =>
    new Option(
      '--delimiter <char>',
      'the CSV field separator: comma, semicolon or tab (default: told from the header)',
    ).argParser(csvDelimiter);
  const summary = () =>
    new Option('--summary <format>', 'the summary on stdout').choices(['text', 'json']).default('text');

  addTemplateOptions(
    team
      .command('init')
      .description('one athlete file per roster row in <dir>; an existing one is replaced only with --force')
      .argument('<dir>', 'the team folder (made if missing)')
      .argument('<roster>', 'the roster: .csv (a header of plan flag names without --), .yaml or .json')
      .addHelpText(
        'before',
        'Examples:\n  $ backplan team init squad roster.csv\n' +
          '  $ backplan team init squad roster.csv --delimiter semicolon --summary json\n',
      )
      .addHelpText('after', TEAM_HELP)
      .addOption(
        new Option('--force', "replace existing athlete files' answers (check-ins kept, the old file as .bak)"),
      )
      .addOption(new Option('--dry-run', 'check the roster and say what would be written; write nothing'))
      .addOption(delimiter())
      .addOption(summary())
      .addOption(today()),
  ).action(async (dir: string, roster: string, _options, command: Command) => {
    const { runTeamInit } = await import('./commands/team.js');
    state.exitCode = await runTeamInit(io, dir, roster, command);
  });

  addTemplateOptions(
    team
      .command('checkin')
      .description('log a sheet of check-ins, each judged by the same rules as checkin')
      .argument('<dir>', 'the team folder')
      .argument('<checkins>', 'the check-in sheet: .csv, .yaml or .json')
      .addHelpText(
        'before',
        'Examples:\n  $ backplan team checkin squad week-1.csv\n' +
          '  $ backplan team checkin squad week-1.csv --dry-run --summary json\n\n' +
          '  week-1.csv:\n    athlete,date,completed,pain-before,pain-during,pain-after,next-morning,note\n' +
          '    ana-lopez,2026-11-24,yes,1,2,1,,felt fine\n    ben,2026-11-25,,,,,1,\n',
      )
      .addHelpText('after', TEAM_HELP)
      .addOption(new Option('--dry-run', 'judge every row and say what it would decide; log nothing'))
      .addOption(delimiter())
      .addOption(summary())
      .addOption(today()),
  ).action(async (dir: string, sheet: string, _options, command: Command) => {
    const { runTeamCheckin } = await import('./commands/team.js');
    state.exitCode = await runTeamCheckin(io, dir, sheet, command);
  });

  addTemplateOptions(
    team
      .command('status')
      .description('one row per athlete, those who need the coach first; exit 3 when any is stopped')
      .argument('<dir>', 'the team folder')
      .addHelpText(
        'before',
        'Examples:\n  $ backplan team status squad\n' +
          "  $ backplan team status squad --format json | jq '.athletes[] | select(.stopped)'\n",
      )
      .addHelpText('after', TEAM_HELP)
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
      .addOption(today()),
  ).action(async (dir: string, _options, command: Command) => {
    const { runTeamStatus } = await import('./commands/team.js');
    state.exitCode = await runTeamStatus(io, dir, command);
  });

  addTemplateOptions(
    team
      .command('export')
      .description("each athlete's plan as it stands, as <slug>.<format> in --out-dir")
      .argument('<dir>', 'the team folder')
      .addHelpText(
        'before',
        'Examples:\n  $ backplan team export squad --out-dir plans\n' +
          '  $ backplan team export squad --out-dir plans --format md,ics,html --force\n',
      )
      .addHelpText(
        'after',
        `\nCalendars keep per-athlete UIDs (keyed by the slug) and raise SEQUENCE for days that
changed, so re-importing after check-ins updates events. A withheld plan gets no calendar.\n${TEAM_HELP}`,
      )
      .addOption(
        new Option('--out-dir <dir>', 'the folder for the plan files (made if missing)')
          .argParser(nonEmptyPath)
          .makeOptionMandatory(),
      )
      .addOption(
        new Option('--format <list>', 'files per athlete: any of md, ics, json, html')
          .argParser(teamFormats)
          .default(['md', 'ics'], 'md,ics'),
      )
      .addOption(new Option('--force', 'replace existing files'))
      .addOption(new Option('--dry-run', 'list the files that would be written, and write nothing'))
      .addOption(today()),
  ).action(async (dir: string, _options, command: Command) => {
    const { runTeamExport } = await import('./commands/team.js');
    state.exitCode = await runTeamExport(io, dir, command);
  });
}

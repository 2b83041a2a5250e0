// One place for option specs and their parsers. Parsers throw InvalidArgumentError with a
// message that says what was wrong and how to fix it; commander adds the flag name.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { IntakeFlags } from '../intake/fromFlags.js';
import { DISTANCE_UNITS, RUNNER_TYPES } from '../core/choices.js';
import {
  isoDate,
  parseAmount,
  pace,
  symptomList,
  weekdayList,
  wholeNumber,
  type AmountUnit,
} from '../intake/values.js';

export {
  isoDate,
  pace,
  parseAmount,
  PACE_RANGE,
  symptomList,
  volume,
  weekdayList,
  wholeNumber,
} from '../intake/values.js';
export type { AmountUnit } from '../intake/values.js';

/** The units typed with the numbers of each command's amount flags: `--weekly 15km`. */
const typedUnits = new WeakMap<Command, Map<string, AmountUnit>>();

/**
 * An amount flag that takes a unit typed with its number; the units are reconciled before the
 * action (see unitsTyped).
 */
function amountWithUnit(command: Command, flag: string, example: string) {
  return (value: string): number => {
    const amount = parseAmount(value);
    if (typeof amount === 'string')
      throw new InvalidArgumentError(`${amount} Use a number of 0 or more, e.g. ${example}.`);
    let typed = typedUnits.get(command);
    if (!typed) typedUnits.set(command, (typed = new Map()));
    if (amount.unit) typed.set(flag, amount.unit);
    else typed.delete(flag);
    return amount.value;
  };
}

/** The units typed with the amounts of this command line, by flag. */
export function unitsTyped(command: Command): ReadonlyMap<string, AmountUnit> {
  return typedUnits.get(command) ?? new Map();
}

/**
 * Units typed with numbers must agree with each other and with --units or --weekly-minutes; a
 * distance unit with no --units given sets it (`--weekly 15mi` means miles). The saved athlete's
 * units are checked by the command that knows them (edit).
 */
function reconcileUnits(command: Command): void {
  const typed = unitsTyped(command);
  if (typed.size === 0) return;
  const units = [...new Set(typed.values())];
  const where = [...typed].map(([flag, unit]) => `${flag} in ${unit}`).join(', ');
  if (units.length > 1)
    throw new UsageError(`the amounts name different units (${where})`, 'give them all in one unit');
  const unit = units[0]!;
  const flags = command.opts<IntakeFlags>();
  if (unit === 'min') {
    if (flags.units)
      throw new UsageError(
        `${where} but --units ${flags.units}`,
        'give minutes with --weekly-minutes, or distances in --units',
      );
    if (typed.has('--weekly') && flags.weeklyMinutes === undefined) {
      // "--weekly 90min" is what --weekly-minutes says.
      command.setOptionValueWithSource('weeklyMinutes', flags.weekly, 'cli');
      command.setOptionValueWithSource('weekly', undefined, 'cli');
    }
    return;
  }
  if (flags.weeklyMinutes !== undefined)
    throw new UsageError(
      `${where} but --weekly-minutes counts minutes`,
      'give every amount in minutes, or use --weekly with --units',
    );
  if (flags.units && flags.units !== unit)
    throw new UsageError(
      `${where} but --units ${flags.units}`,
      `drop the unit from the numbers, or give --units ${unit}`,
    );
  if (!flags.units) command.setOptionValueWithSource('units', unit, 'cli');
}

/** --note: as long as the athlete file takes. */
export function noteText(value: string): string {
  if (value.length > MAX_NOTE_LENGTH)
    throw new InvalidArgumentError(`Keep the note to ${MAX_NOTE_LENGTH} characters (this one has ${value.length}).`);
  return value;
}
const MAX_NOTE_LENGTH = 2000;

/** A folder or file name that names something: an empty one would quietly mean the current folder. */
export function nonEmptyPath(value: string): string {
  if (value.trim() === '')
    throw new InvalidArgumentError('Give a folder name, e.g. plans-out (an empty one would mean the current folder).');
  return value;
}

export { RUNNER_TYPES };
export const UNITS = DISTANCE_UNITS;
export const PLAN_FORMATS = ['text', 'json', 'md', 'ics', 'html', 'pdf'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The format a file name implies, for `-o plan.ics` without --format. */
export function formatOfFile(file: string): PlanFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return (
    (
      {
        ics: 'ics',
        ical: 'ics',
        md: 'md',
        markdown: 'md',
        json: 'json',
        txt: 'text',
        html: 'html',
        htm: 'html',
        pdf: 'pdf',
      } as const
    )[ext as 'ics'] ?? undefined
  );
}

/** `--format md,ics,json` for batch: any subset. */
export function batchFormats(value: string): ('md' | 'ics' | 'json')[] {
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 0 || items.some((i) => i !== 'md' && i !== 'ics' && i !== 'json'))
    throw new InvalidArgumentError('List any of md, ics and json, e.g. md,ics.');
  return [...new Set(items)] as ('md' | 'ics' | 'json')[];
}

/** `team export --format md,ics,json,html`: any subset. */
export function teamFormats(value: string): ('md' | 'ics' | 'json' | 'html')[] {
  const allowed = ['md', 'ics', 'json', 'html'];
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 0 || items.some((i) => !allowed.includes(i))) {
    throw new InvalidArgumentError('List any of md, ics, json and html, e.g. md,ics.');
  }
  return [...new Set(items)] as ('md' | 'ics' | 'json' | 'html')[];
}

/** `--delimiter`: the field separator of a CSV file, for one a spreadsheet saved its own way. */
export function csvDelimiter(value: string): ',' | ';' | '\t' {
  const named: Record<string, ',' | ';' | '\t'> = {
    ',': ',',
    comma: ',',
    ';': ';',
    semicolon: ';',
    '\t': '\t',
    '\\t': '\t',
    tab: '\t',
  };
  const found = named[value.trim().toLowerCase()] ?? named[value];
  if (!found) throw new InvalidArgumentError('Use comma, semicolon or tab (or the character itself, quoted: ";").');
  return found;
}

/** `--export md,ics` or `--export none`. */
export function exportList(value: string): ('md' | 'ics')[] {
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return [];
  if (items.length === 0 || items.some((i) => i !== 'md' && i !== 'ics'))
    throw new InvalidArgumentError('Use md, ics, md,ics or none.');
  return [...new Set(items)] as ('md' | 'ics')[];
}

export function clockTime(value: string): string {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('Use a 24-hour time as HH:MM, e.g. 07:30.');
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

export function timeZone(value: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidArgumentError('Use an IANA time zone name (Area/City), e.g. Europe/London or America/New_York.');
  }
}

/** The intake flags shared by every command that makes a plan. */
export function addIntakeOptions(command: Command): Command {
  command.hook('preAction', () => reconcileUnits(command));
  return command
    .addOption(
      new Option('--pain <0-10>', 'pain at rest now, 0 (none) to 10 (worst)').argParser(wholeNumber(0, 10, '--pain 2')),
    )
    .addOption(
      new Option(
        '--symptom <ids>',
        'a symptom you have now (repeat, or list with commas); see "backplan symptoms"',
      ).argParser(symptomList),
    )
    .addOption(
      new Option('--weekly <n>', 'running volume this week in --units (0 = not running now; 15km, 6,5 mi)').argParser(
        amountWithUnit(command, '--weekly', '--weekly 15'),
      ),
    )
    .addOption(
      new Option('--units <unit>', 'distance unit for --weekly, --longest-run and --goal-weekly').choices(UNITS),
    )
    .addOption(
      new Option('--weekly-minutes <n>', 'running volume this week in minutes, instead of --weekly').argParser(
        amountWithUnit(command, '--weekly-minutes', '--weekly-minutes 90'),
      ),
    )
    .addOption(
      new Option('--runs-per-week <n>', 'how many days a week you run (or want to)').argParser(
        wholeNumber(1, 7, '--runs-per-week 3'),
      ),
    )
    .addOption(
      new Option('--longest-run <n>', 'longest run of the last 30 days (same unit as --weekly)').argParser(
        amountWithUnit(command, '--longest-run', '--longest-run 8'),
      ),
    )
    .addOption(
      new Option('--goal-weekly <n>', 'weekly volume before the pain: the plan never goes above it').argParser(
        amountWithUnit(command, '--goal-weekly', '--goal-weekly 30'),
      ),
    )
    .addOption(
      new Option(
        '--pace <m:ss>',
        'your easy pace per km or mile (--units), e.g. 6:30; without it a fast 5:00/km is assumed',
      ).argParser(pace),
    )
    .addOption(
      new Option('--age <years>', 'your age (some red flags depend on it)').argParser(wholeNumber(5, 110, '--age 42')),
    )
    .addOption(new Option('--first-episode', 'this is your first-ever episode of back pain'))
    .addOption(new Option('--arching-pain', 'it hurts when you arch your back backwards'))
    .addOption(new Option('--runner <type>', 'runner type, which shapes the week').choices(RUNNER_TYPES))
    .addOption(
      new Option('--start <date>', 'first day of the plan, YYYY-MM-DD (default: the next Monday)').argParser(isoDate),
    )
    .addOption(new Option('--weeks <n>', 'plan length in weeks (default 8)').argParser(wholeNumber(1, 52, '--weeks 8')))
    .addOption(new Option('--days <list>', 'preferred running weekdays, e.g. mon,wed,sat').argParser(weekdayList))
    .addOption(new Option('--cleared', 'a doctor or physical therapist has cleared you to run'))
    .addOption(new Option('--name <text>', "the athlete's name, shown on the plan"));
}

export function addTemplateOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--template <name|path>', 'week template by name, or a path to a template file (default: standard)'),
    )
    .addOption(
      new Option(
        '--plans-dir <dir>',
        'a folder of your own plan files, searched before the built-in ones (env: BACKPLAN_PLANS)',
      ),
    );
}

/** Where the plan goes, and the calendar's settings. */
export function addExportOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '-o, --output <file>',
        'write the plan to a file (format from its extension unless --format is given); - for stdout',
      ),
    )
    .addOption(new Option('--force', 'replace the output file if it exists'))
    .addOption(new Option('--dry-run', 'say what would be written, and write nothing'))
    .addOption(new Option('--include-rest', 'ics: also put rest days in the calendar'))
    .addOption(
      new Option('--time <HH:MM>', 'ics: timed events at this time, instead of all-day events (needs --tz)').argParser(
        clockTime,
      ),
    )
    .addOption(new Option('--tz <zone>', 'ics: the time zone of --time, e.g. Europe/London').argParser(timeZone))
    .addOption(
      new Option('--duration <minutes>', "ics: length of timed events (default: the day's sessions)").argParser(
        wholeNumber(5, 600, '--duration 45'),
      ),
    )
    .addOption(
      new Option('--alarm <minutes>', 'ics: a reminder this many minutes before each event').argParser(
        wholeNumber(0, 10_080, '--alarm 30'),
      ),
    );
}

export interface ExportFlags extends PrintFlags {
  output?: string;
  force?: boolean;
  dryRun?: boolean;
  includeRest?: boolean;
  time?: string;
  tz?: string;
  duration?: number;
  alarm?: number;
}

export const PAPER_SIZES = ['a4', 'letter'] as const;

/** How a PDF is printed: by which browser, on which paper. */
export interface PrintFlags {
  browser?: string;
  paper?: (typeof PAPER_SIZES)[number];
}

/** --browser and --paper, for the commands that can print a PDF. */
export function addPrintOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--browser <path|name>',
        'pdf: the browser that prints it (default: found on PATH; env: BACKPLAN_BROWSER)',
      ),
    )
    .addOption(
      new Option('--paper <size>', 'pdf: the paper size (default: a4)').choices(PAPER_SIZES).argParser(paperSize),
    );
}

/** A4 or Letter, however it is typed (`--paper A4`). */
function paperSize(value: string): (typeof PAPER_SIZES)[number] {
  const size = PAPER_SIZES.find((p) => p === value.trim().toLowerCase());
  if (!size) throw new InvalidArgumentError(`Allowed choices are ${PAPER_SIZES.join(', ')}.`);
  return size;
}

export type { IntakeFlags };

export interface TemplateFlags {
  template?: string;
  plansDir?: string;
}

/**
 * A value option given twice is refused, on every command: commander keeps the last one, so
 * `--pain-during 8 --pain-during 1` had logged a clean 1/10. --symptom adds up, and may repeat.
 */
export function refuseRepeatedValues(command: Command): void {
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.parseArg === symptomList) continue;
    let first: string | undefined;
    command.on(`option:${option.name()}`, (value: string) => {
      if (first === undefined) {
        first = value;
        return;
      }
      const flag = option.long ?? option.flags;
      throw new UsageError(
        `${flag} is given twice (${first} and ${value})`,
        `give ${flag} once, with the value you mean`,
      );
    });
  }
  for (const sub of command.commands) refuseRepeatedValues(sub);
}

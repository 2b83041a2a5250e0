// `backplan team init <dir> <roster>`: one athlete file per roster row, <dir>/<slug>.yaml, with the
// same safe, unique slugs `batch` gives its files. A run that would replace a file writes none.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nextMondayAfter } from '../core/dates.js';
import { plan } from '../core/plan.js';
import { EMERGENCY_ACTION } from '../core/safety.js';
import type { Intake, Templates, TriageLevel } from '../core/types.js';
import { DataError, EXIT, FileError } from '../errors.js';
import type { Io } from '../cli/io.js';
import { SlugBook } from '../export/slug.js';
import { cut, jsonSafe, shown, wrap } from '../export/style.js';
import { completeIntake } from '../intake/complete.js';
import { intakeFromRecord } from '../intake/record.js';
import type { IntakeInput } from '../intake/schema.js';
import { readRoster, type ReadOptions, type RosterEntry } from '../roster/read.js';
import { type AthleteFile, readAthlete, writeAthlete } from '../store/athlete.js';
import { liftsStop, startKeepsLog, STOP_HINT } from '../cli/answers.js';
import { isReadOnly } from '../store/atomic.js';
import { withLock } from '../store/lock.js';
import { ATHLETE_EXT } from './folder.js';
import { fitTable } from './table.js';

export interface InitOptions extends ReadOptions {
  today: string;
  templates: Templates;
  force: boolean;
  dryRun: boolean;
  format: 'text' | 'json';
}

interface Athlete {
  where: string;
  slug: string;
  intake: Intake;
  triage: TriageLevel;
  withheld: boolean;
  phase: string;
  /** The row named its file with an id column, rather than by the athlete's name. */
  byId: boolean;
  /** The row gave a start; else the plan starts the Monday after today, or keeps a file's. */
  startGiven: boolean;
}

interface Invalid {
  where: string;
  label: string;
  problem: string;
}

export async function initTeam(
  io: Io,
  dir: string,
  dirShown: string,
  roster: string,
  rosterShown: string,
  options: InitOptions,
): Promise<number> {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new DataError(
      `${dirShown} is a file, not a folder`,
      'give a folder for the athlete files (it is made if missing)',
    );
  const athletes: Athlete[] = [];
  const invalid: Invalid[] = [];
  const book = new SlugBook();
  for await (const entry of readRoster(roster, rosterShown, options)) {
    const checked = await check(entry, book, options);
    if ('slug' in checked) athletes.push(checked);
    else invalid.push(checked);
  }
  const taken = athletes
    .filter((a) => existsSync(join(dir, `${a.slug}${ATHLETE_EXT}`)))
    .map((a) => `${a.slug}${ATHLETE_EXT}`);
  if (taken.length > 0 && !options.force) {
    const named = taken.slice(0, 3).join(', ') + (taken.length > 3 ? ` and ${taken.length - 3} more` : '');
    throw new DataError(
      `${plural(taken.length, 'athlete file')} in ${dirShown} would be replaced (${named}); nothing was written`,
      'add --force to replace their answers (each keeps its check-ins, its old version as .bak), or use another folder',
    );
  }
  let kept = await keepExisting(dir, dirShown, athletes, options);
  const unsaved: Invalid[] = [];
  if (!options.dryRun) {
    mkdirSync(dir, { recursive: true });
    // A file the disk refuses (full, read-only) is named with its row; the others are still tried.
    kept = kept.filter((athlete) => {
      try {
        save(join(dir, `${athlete.slug}${ATHLETE_EXT}`), athlete.intake);
        return true;
      } catch (error) {
        if (!(error instanceof FileError || error instanceof DataError)) throw error;
        unsaved.push({
          where: athlete.where,
          label: shown(athlete.intake.name ?? athlete.slug, 40),
          problem: error.message,
        });
        return false;
      }
    });
  }
  const ordered = [...kept.filter((a) => a.withheld), ...kept.filter((a) => !a.withheld)];
  const notWritten = [...invalid, ...unsaved];
  io.stdout(
    options.format === 'json'
      ? json(ordered, invalid, unsaved, dirShown, options.dryRun)
      : text(ordered, invalid, unsaved, dirShown, options.dryRun),
  );
  for (const bad of notWritten)
    io.stderr(`error: ${bad.where}${bad.label !== bad.where ? ` (${bad.label})` : ''}: ${shown(bad.problem, 300)}\n`);
  if (invalid.length > 0)
    io.stderr(
      `  ${invalid.length} row${invalid.length === 1 ? ' was' : 's were'} skipped; every valid row was ` +
        `${options.dryRun ? 'checked' : 'written'}. Fix them and run again with --force.\n`,
    );
  if (unsaved.length > 0)
    io.stderr(
      `  ${plural(unsaved.length, 'athlete file')} could not be written and ${kept.length} ${kept.length === 1 ? 'was' : 'were'}; ` +
        'fix what is named, then run again with --force.\n',
    );
  if (notWritten.length > 0) return EXIT.data;
  return athletes.some((a) => a.withheld) ? EXIT.withheld : EXIT.ok;
}

/**
 * With --force, the rows whose file exists take over its check-ins, so each must be that file's
 * athlete and keep the start those check-ins were logged against. A file that cannot be read, or
 * that another row may own, stops the run before anything is written: replacing it could lose a
 * log, or give one athlete's check-ins to another.
 */
async function keepExisting(
  dir: string,
  dirShown: string,
  athletes: Athlete[],
  options: InitOptions,
): Promise<Athlete[]> {
  const refusals: { file: string; problem: string; hint: string }[] = [];
  const nameCount = new Map<string, number>();
  for (const a of athletes)
    if (!a.byId) nameCount.set(nameKey(a.intake.name), (nameCount.get(nameKey(a.intake.name)) ?? 0) + 1);
  const kept: Athlete[] = [];
  for (const athlete of athletes) {
    const file = `${athlete.slug}${ATHLETE_EXT}`;
    const path = join(dir, file);
    if (!existsSync(path)) {
      kept.push(athlete);
      continue;
    }
    let existing: AthleteFile | undefined;
    try {
      existing = readAthlete(path);
    } catch (error) {
      const problem =
        error instanceof FileError
          ? `${error.line ? `line ${error.line}: ` : ''}${error.detail}`
          : error instanceof Error
            ? error.message
            : String(error);
      refusals.push({
        file,
        problem: `cannot be read (${problem})`,
        hint: 'mend that line (or move the file out of the folder), then run again',
      });
      continue;
    }
    if (!existing) {
      kept.push(athlete);
      continue;
    }
    // A read-only file is its owner's: the run stops before any file is re-made, not half-way.
    if (isReadOnly(statSync(path))) {
      refusals.push({ file, problem: 'is read-only', hint: 'make it writable (chmod u+w), then run again' });
      continue;
    }
    if (!athlete.byId && nameCount.get(nameKey(athlete.intake.name))! > 1) {
      refusals.push({
        file,
        problem: `may belong to either of the rows named ${shown(athlete.intake.name ?? '(no name)', 40)}`,
        hint: `give those rows an id column naming each one's file (e.g. ${athlete.slug}), then run again`,
      });
      continue;
    }
    if (!athlete.byId && nameKey(existing.intake.name) !== nameKey(athlete.intake.name)) {
      refusals.push({
        file,
        problem: `holds ${shown(existing.intake.name ?? '(no name)', 40)}, not ${shown(athlete.intake.name ?? '(no name)', 40)} (${athlete.where})`,
        hint: 'give each row an id column naming its own file (its name before .yaml), then run again',
      });
      continue;
    }
    // A name the folder holds twice (ana-lopez and ana-lopez-2): one row cannot say which is its.
    if (!athlete.byId && sameNameFile(dir, athlete)) {
      refusals.push({
        file,
        problem: `may belong to another athlete named ${shown(athlete.intake.name ?? '(no name)', 40)}: ${athlete.slug}-2${ATHLETE_EXT} holds that name too`,
        hint: `give the row an id column naming its file (${athlete.slug} or ${athlete.slug}-2), then run again`,
      });
      continue;
    }
    const start = athlete.startGiven ? athlete.intake.start! : (existing.intake.start ?? athlete.intake.start!);
    const keeps = startKeepsLog(existing, start);
    if (keeps !== true) {
      refusals.push({
        file,
        problem: `start ${start} refused (${athlete.where}): ${keeps}`,
        hint: "leave that row's start empty to keep the plan's, then run again",
      });
      continue;
    }
    const lifted = liftsStop(existing, { ...athlete.intake, start }, options.templates, options.today);
    if (lifted) {
      refusals.push({ file, problem: `would lift a stop (${athlete.where}): ${lifted}`, hint: STOP_HINT });
      continue;
    }
    kept.push(start === athlete.intake.start ? athlete : await withStart(athlete, start, options));
  }
  if (refusals.length === 0) return kept;
  const [first] = refusals;
  const more = refusals.length > 1 ? ` (and ${plural(refusals.length - 1, 'other file')})` : '';
  throw new DataError(`${join(dirShown, first!.file)} ${first!.problem}${more}; nothing was written`, first!.hint);
}

/** Whether the file a second athlete of this name would have (<slug>-2) holds the same name. */
function sameNameFile(dir: string, athlete: Athlete): boolean {
  const path = join(dir, `${athlete.slug}-2${ATHLETE_EXT}`);
  if (!existsSync(path)) return false;
  try {
    return nameKey(readAthlete(path)?.intake.name) === nameKey(athlete.intake.name);
  } catch {
    return true; // unreadable: it may be theirs
  }
}

/** A name as rows and files are matched by it: the same letters, whatever the case and spacing. */
const nameKey = (name: string | undefined): string =>
  (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The athlete with the start their file keeps, and the plan that start makes. */
async function withStart(athlete: Athlete, start: string, options: InitOptions): Promise<Athlete> {
  const intake =
    completeIntake({ ...athlete.intake, start }) ??
    (await import('../intake/validate.js')).validateIntake({ ...athlete.intake, start });
  const made = plan(intake, options.templates, options.today);
  return {
    ...athlete,
    intake,
    triage: made.triage.level,
    withheld: made.triage.withheld,
    phase: made.weeks[0]?.phase ?? 'none',
  };
}

/** The answers saved as `init` saves them; the file there keeps its check-ins, read again under the lock. */
function save(path: string, intake: Intake): void {
  withLock(path, path, () => {
    // A file made unreadable since it was checked stops the run here, rather than lose its log.
    const existing = readAthlete(path);
    if (existing) {
      const keeps = startKeepsLog(existing, intake.start!);
      if (keeps !== true) throw new DataError(`${path} changed meanwhile: ${keeps}`, 'run team init again');
    }
    writeAthlete(path, intake as IntakeInput, existing);
  });
}

async function check(entry: RosterEntry, book: SlugBook, options: InitOptions): Promise<Athlete | Invalid> {
  const label = labelOf(entry);
  if (!entry.record) return { where: entry.where, label, problem: entry.problem ?? 'unreadable' };
  try {
    const { id, intake: raw } = intakeFromRecord(entry.record);
    // The start is saved, so the plan keeps its dates.
    const dated: Partial<IntakeInput> = { start: nextMondayAfter(options.today), ...raw };
    const intake = completeIntake(dated) ?? (await import('../intake/validate.js')).validateIntake(dated);
    const made = plan(intake, options.templates, options.today);
    const slug = book.claim(id ?? intake.name);
    return {
      where: entry.where,
      slug,
      intake,
      triage: made.triage.level,
      withheld: made.triage.withheld,
      phase: made.weeks[0]?.phase ?? 'none',
      byId: id !== undefined,
      startGiven: raw.start !== undefined,
    };
  } catch (error) {
    return {
      where: entry.where,
      label,
      problem: error instanceof Error ? error.message.replace(/^--/, '') : String(error),
    };
  }
}

function labelOf(entry: RosterEntry): string {
  const name = entry.record?.name ?? entry.record?.id ?? entry.label;
  return name !== undefined && String(name).trim() ? shown(String(name), 40) : entry.where;
}

function text(athletes: Athlete[], invalid: Invalid[], unsaved: Invalid[], dirShown: string, dryRun: boolean): string {
  const rows = athletes.map((a) => [
    a.withheld ? '!' : ' ',
    shown(a.intake.name ?? '-', 28),
    `${a.slug}${ATHLETE_EXT}`,
    a.triage,
    a.phase,
  ]);
  for (const bad of invalid) rows.push(['x', bad.label, bad.where, 'invalid', '-']);
  for (const bad of unsaved) rows.push(['x', bad.label, bad.where, 'not written', '-']);
  const table = fitTable(
    [
      { header: ' ', priority: 0 },
      { header: 'athlete', priority: 0, min: 12 },
      { header: 'file', priority: 0, min: 16 },
      { header: 'triage', priority: 1 },
      { header: 'starts in', priority: 2 },
    ],
    rows,
    80,
  );
  const withheld = athletes.filter((a) => a.withheld);
  const emergency = withheld.some((a) => a.triage === 'emergency');
  const footer = [
    `${plural(athletes.length, 'athlete file')} ${dryRun ? 'would be written' : 'written'} in ${dirShown}`,
    withheld.length > 0 &&
      `${withheld.length} withheld for safety (!): no running until a clinician clears them` +
        `${emergency ? ', or emergency care first' : ''}`,
    invalid.length > 0 && `${invalid.length} invalid row${invalid.length === 1 ? '' : 's'} (x), see stderr`,
    unsaved.length > 0 && `${plural(unsaved.length, 'file')} not written (x), see stderr`,
  ]
    .filter(Boolean)
    .join('; ');
  const lines = [...table, '', ...wrap(`${footer}.`, 80, '')];
  if (emergency) lines.push(...wrap(`For the athletes marked emergency: ${EMERGENCY_ACTION}`, 80, ''));
  if (!dryRun)
    lines.push(
      ...wrap(
        `Next: log check-ins with "backplan team checkin ${dirShown} checkins.csv", ` +
          `and see the team with "backplan team status ${dirShown}".`,
        80,
        '',
      ),
    );
  return `${lines.join('\n')}\n`;
}

function json(athletes: Athlete[], invalid: Invalid[], unsaved: Invalid[], dir: string, dryRun: boolean): string {
  return `${jsonSafe(
    JSON.stringify(
      {
        schemaVersion: 1,
        dir,
        dryRun,
        athletes: athletes.map((a) => ({
          where: a.where,
          name: a.intake.name ?? null,
          slug: a.slug,
          file: `${a.slug}${ATHLETE_EXT}`,
          triage: a.triage,
          withheld: a.withheld,
          phase: a.phase,
          start: a.intake.start,
        })),
        invalid: invalid.map((i) => ({ where: i.where, name: i.label, problem: cut(i.problem, 300) })),
        notWritten: unsaved.map((i) => ({ where: i.where, name: i.label, problem: cut(i.problem, 300) })),
      },
      null,
      2,
    ),
  )}\n`;
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

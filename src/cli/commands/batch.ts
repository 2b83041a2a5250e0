// `backplan batch <roster> --out-dir <dir>`: every athlete's plan files in one run.
//
// The roster is read once, validating every entry and handing out file names, so a
// run that would replace a file can refuse before writing anything. Then each plan is made from
// its validated intake and written at once: what is kept per athlete is that intake and its file
// names, about a kilobyte, never a plan.
import type { Command } from 'commander';
import { existsSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { plan } from '../../core/plan.js';
import { triage } from '../../core/triage.js';
import type { Intake, Plan, Templates } from '../../core/types.js';
import { icsPieces } from '../../export/ics.js';
import { renderJson } from '../../export/json.js';
import { markdownPieces } from '../../export/markdown.js';
import { RenderCache } from '../../export/pieces.js';
import { cut, jsonSafe, shown } from '../../export/style.js';
import { completeIntake } from '../../intake/complete.js';
import type { IntakeInput } from '../../intake/schema.js';
import { intakeFromRecord } from '../../intake/record.js';
import { readRoster, type RosterEntry } from '../../roster/read.js';
import { SlugBook } from '../../export/slug.js';
import { writeFailureReason, writeFileAtomic } from '../../store/atomic.js';
import { FileBytes } from '../../store/fileBytes.js';
import { getTemplates } from '../../templates/get.js';
import { DataError, EXIT } from '../../errors.js';
import { localToday, type Io } from '../io.js';
import type { TemplateFlags } from '../options.js';
import { staleCalendar, staleCalendarLine } from '../../store/staleCalendar.js';

export type BatchFormat = 'md' | 'ics' | 'json';

interface BatchFlags extends TemplateFlags {
  outDir: string;
  format: BatchFormat[];
  force?: boolean;
  dryRun?: boolean;
  summary: 'text' | 'json';
  today?: string;
}

interface Valid {
  where: string;
  intake: Intake;
  slug: string;
  label: string;
  files: string[];
}
interface Invalid {
  where: string;
  label: string;
  problem: string;
}
type Checked = Valid | Invalid;

interface Made {
  where: string;
  label: string;
  slug: string;
  triage: Plan['triage']['level'];
  withheld: boolean;
  phase: string;
  week1RunMinutes: number;
  files: string[];
}

export async function runBatch(io: Io, rosterArg: string, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<BatchFlags>();
  const roster = resolve(io.cwd, rosterArg);
  const outDir = resolve(io.cwd, flags.outDir);
  checkOutDir(outDir, flags.outDir);
  const today = flags.today ?? localToday(io);
  const templates = await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS, template: flags.template });

  const valid: Valid[] = [];
  const invalid: Invalid[] = [];
  const book = new SlugBook();
  for await (const entry of readRoster(roster, rosterArg)) {
    const checked = await check(entry, book, flags.format, templates);
    if ('slug' in checked) valid.push(checked);
    else invalid.push(checked);
  }

  const files = valid.flatMap((v) => v.files);
  for (const file of files) insideOutDir(outDir, file);
  if (!flags.force) {
    const existing = alreadyThere(outDir, files);
    if (existing.length > 0) {
      const named = existing.slice(0, 3).join(', ') + (existing.length > 3 ? ` and ${existing.length - 3} more` : '');
      throw new DataError(
        `${existing.length} file${existing.length === 1 ? '' : 's'} in ${flags.outDir} would be replaced (${named}); nothing was written`,
        'add --force to replace them, or choose another --out-dir',
      );
    }
  }
  if (flags.dryRun) {
    io.stdout(files.map((f) => `would write ${join(flags.outDir, f)}\n`).join(''));
    io.stderr(
      `Dry run: ${files.length} file${files.length === 1 ? '' : 's'} for ${valid.length} athlete${valid.length === 1 ? '' : 's'}; nothing written.\n`,
    );
    reportInvalid(io, invalid);
    return exitCode(invalid.length, 0);
  }

  makeOutDir(outDir, flags.outDir);
  const progress = progressBar(io, valid.length);
  const made: Made[] = [];
  const bytes = new FileBytes();
  // The athletes' files share most of their text (sessions, weeks, the safety net): made once.
  const cache = new RenderCache();
  for (const slot of valid) {
    made.push(makeOne(slot, templates, today, outDir, !flags.force, { bytes, cache }));
    progress(made.length);
  }
  progress(-1);
  // A calendar an earlier run wrote for an athlete withheld now would still hold their runs.
  const icsExported = flags.format.includes('ics');
  for (const m of made.filter((one) => one.withheld)) {
    const calendar = `${m.slug}.ics`;
    const stale = staleCalendar(join(outDir, calendar), icsExported && flags.force === true);
    if (stale) io.stderr(staleCalendarLine(join(flags.outDir, calendar), `${m.slug} is`, stale, icsExported));
  }

  io.stdout(flags.summary === 'json' ? summaryJson(made, invalid, flags.outDir) : summaryText(made, invalid));
  reportInvalid(io, invalid);
  return exitCode(invalid.length, made.filter((m) => m.withheld).length);
}

/** A row's intake: the fast check, and zod (loaded then, with its message) when that is not sure. */
async function checkedIntake(raw: Partial<IntakeInput>): Promise<Intake> {
  return completeIntake(raw) ?? (await import('../../intake/validate.js')).validateIntake(raw);
}

/** 1 if any row was invalid (the run is incomplete), else 3 if any athlete is withheld, else 0. */
function exitCode(invalid: number, withheld: number): number {
  if (invalid > 0) return EXIT.data;
  return withheld > 0 ? EXIT.withheld : EXIT.ok;
}

async function check(
  entry: RosterEntry,
  book: SlugBook,
  formats: BatchFormat[],
  templates: Templates,
): Promise<Checked> {
  const label = labelOf(entry);
  if (!entry.record) return { where: entry.where, label, problem: entry.problem ?? 'unreadable' };
  try {
    const { id, intake } = intakeFromRecord(entry.record);
    const valid = await checkedIntake(intake);
    const slug = book.claim(id ?? valid.name);
    const withheld = triage(valid, templates.rules).withheld;
    return {
      where: entry.where,
      intake: valid,
      slug,
      label,
      files: formats.filter((f) => !(f === 'ics' && withheld)).map((f) => `${slug}.${f}`),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^--/, '') : String(error);
    return { where: entry.where, label, problem: message };
  }
}

function labelOf(entry: RosterEntry): string {
  const name = entry.record?.name ?? entry.record?.id ?? entry.label;
  return name !== undefined && String(name).trim() ? shown(String(name), 40) : entry.where;
}

/**
 * The files of `files` that exist in `outDir`: one listing of the folder, not a look per file. A
 * name listed in other letter cases is looked at on its own: on a disk that ignores case it is the
 * same file.
 */
function alreadyThere(outDir: string, files: string[]): string[] {
  let listed: string[];
  try {
    listed = readdirSync(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return []; // a missing folder is made (makeOutDir says why it cannot be)
    return files.filter((f) => existsSync(join(outDir, f)));
  }
  const exact = new Set(listed);
  const folded = new Set(listed.map((name) => name.toLowerCase()));
  return files.filter((f) => exact.has(f) || (folded.has(f.toLowerCase()) && existsSync(join(outDir, f))));
}

/** --out-dir, or the nearest folder above it that exists, must be a folder: said before the roster is read. */
function checkOutDir(outDir: string, shown: string): void {
  for (let path = outDir; ; path = dirname(path)) {
    let stats: Stats | undefined;
    try {
      stats = statSync(path, { throwIfNoEntry: false });
    } catch (error) {
      // A path through a file: the file is further up. Anything else: makeOutDir says why, if it comes to that.
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      return;
    }
    if (stats?.isDirectory()) return;
    if (stats) {
      if (path === outDir)
        throw new DataError(
          `--out-dir ${shown} is a file, not a folder`,
          'give a folder for the plan files (it is made if missing)',
        );
      throw new DataError(
        `cannot make --out-dir ${shown}: ${FILE_IN_THE_WAY}; nothing was written`,
        'choose another --out-dir',
      );
    }
    if (dirname(path) === path) return;
  }
}

const FILE_IN_THE_WAY = 'a file stands where a folder would be';

function makeOutDir(outDir: string, shown: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    const reason = writeFailureReason(error);
    if (!reason) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(
      `cannot make --out-dir ${shown}: ${code === 'ENOTDIR' || code === 'EEXIST' ? FILE_IN_THE_WAY : reason}; nothing was written`,
      'choose another --out-dir',
    );
  }
}

/** File names come from slugs ([a-z0-9-] only); this is the belt to that pair of braces. */
function insideOutDir(outDir: string, file: string): void {
  // A plain name, no folder part and no dot-dot, names a file right inside the folder.
  if (file.includes('/') || file.includes('\\') || file === '' || file === '.' || file === '..') {
    throw new DataError(`refusing to write ${file} outside ${outDir}`, 'this is a bug in backplan: please report it');
  }
}

/** `allNew`: without --force, the run has checked that none of its files exists. */
/** What the run's files are made with: one buffer for each file's bytes in turn, and the renderers' cache. */
interface Writer {
  bytes: FileBytes;
  cache: RenderCache;
}

function makeOne(
  slot: Valid,
  templates: Templates,
  today: string,
  outDir: string,
  allNew: boolean,
  writer: Writer,
): Made {
  const result = plan(slot.intake, templates, today);
  for (const file of slot.files) {
    const format = file.slice(file.lastIndexOf('.') + 1) as BatchFormat;
    try {
      writeFileAtomic(join(outDir, file), render(result, format, templates, writer, slot.slug), {
        durable: false,
        isNew: allNew,
      });
    } catch (error) {
      const reason = writeFailureReason(error);
      if (!reason) throw error;
      throw new DataError(
        `cannot write ${file} in ${outDir}: ${reason}; the files before it were written, none was left half-written`,
        'free some space or check the folder, then run again with --force',
      );
    }
  }
  return {
    where: slot.where,
    label: slot.label,
    slug: slot.slug,
    triage: result.triage.level,
    withheld: result.triage.withheld,
    phase: result.weeks[0]?.phase ?? 'none',
    week1RunMinutes: result.weeks[0]?.runMinutes ?? 0,
    files: slot.files,
  };
}

/** `slug`: the athlete's file name, unique in the roster, which keys the calendar's UIDs too. */
function render(
  result: Plan,
  format: BatchFormat,
  templates: Templates,
  { bytes, cache }: Writer,
  slug: string,
): Buffer {
  if (format === 'md') return bytes.join(markdownPieces(result, { exercises: templates.exercises, cache }));
  if (format === 'ics') return bytes.join(icsPieces(result, { uidKey: slug, cache }));
  return bytes.text(renderJson(result));
}

function withheldFirst(made: Made[]): Made[] {
  return [...made.filter((m) => m.withheld), ...made.filter((m) => !m.withheld)];
}

function summaryText(made: Made[], invalid: Invalid[]): string {
  const rows = withheldFirst(made).map((m) => [
    `${m.withheld ? '! ' : '  '}${m.label}`,
    m.triage,
    m.phase,
    `${m.week1RunMinutes} min`,
    m.files.join(', ') || '-',
  ]);
  for (const bad of invalid) rows.push([`x ${bad.label}`, 'invalid', '-', '-', '-']);
  const header = ['  athlete', 'triage', 'phase', 'week 1', 'files'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const withheld = made.filter((m) => m.withheld).length;
  // Emergency care is named only where an athlete needs it (triage emergency).
  const emergency = made.some((m) => m.triage === 'emergency')
    ? ', or emergency care first for those marked emergency'
    : '';
  const footer = [
    `${made.length} plan${made.length === 1 ? '' : 's'} written${withheld ? `; ${withheld} withheld for safety (!): no running until a clinician clears them${emergency}` : ''}${invalid.length ? `; ${invalid.length} invalid row${invalid.length === 1 ? '' : 's'} (x), see stderr` : ''}.`,
  ];
  return [line(header), ...rows.map(line), '', ...footer].join('\n') + '\n';
}

function summaryJson(made: Made[], invalid: Invalid[], outDir: string): string {
  return (
    jsonSafe(
      JSON.stringify(
        {
          schemaVersion: 1,
          outDir,
          athletes: withheldFirst(made).map((m) => ({
            where: m.where,
            name: m.label,
            slug: m.slug,
            triage: m.triage,
            withheld: m.withheld,
            phase: m.phase,
            week1RunMinutes: m.week1RunMinutes,
            files: m.files,
          })),
          invalid: invalid.map((i) => ({ where: i.where, name: i.label, problem: cut(i.problem, 300) })),
        },
        null,
        2,
      ),
    ) + '\n'
  );
}

function reportInvalid(io: Io, invalid: Invalid[]): void {
  // A problem may quote the cell it is about: cut, as a cell can be megabytes long.
  for (const bad of invalid)
    io.stderr(`error: ${bad.where}${bad.label !== bad.where ? ` (${bad.label})` : ''}: ${shown(bad.problem, 300)}\n`);
  if (invalid.length > 0)
    io.stderr(
      `  ${invalid.length} row${invalid.length === 1 ? ' was' : 's were'} skipped; every valid row was written. Fix them and run again with --force.\n`,
    );
}

/** A bar on stderr when it is a terminal; nothing otherwise. progress(-1) clears it. */
function progressBar(io: Io, total: number): (done: number) => void {
  if (!io.stderrIsTTY || total === 0) return () => {};
  let shown = -1;
  return (done) => {
    if (done < 0) return io.stderr('\r\u001b[K');
    const percent = Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
}

// `backplan team checkin <dir> <sheet>`: a coach's sheet of check-ins, each row judged as `checkin`
// judges one (judgeRowsInTurn: the same checks, the planned level and minutes, the same re-plan). An
// athlete's rows are checked together against their file as read under its lock, then logged in
// one write: a bad row writes nothing for that athlete. A row already in the log (same date, same
// answers) is skipped, so importing the same sheet twice adds nothing twice.
import { longDate, shortDate } from '../core/dates.js';
import { sessionBeforeMorning } from '../core/log.js';
import { EMERGENCY_ACTION } from '../core/safety.js';
import { triage } from '../core/triage.js';
import type { CheckIn, Decision, Progress, Templates } from '../core/types.js';
import { DataError, EXIT, FileError } from '../errors.js';
import type { Io } from '../cli/io.js';
import { checkAgainstLog, judgeRowsInTurn } from '../cli/logCheckIn.js';
import { appendCheckIns } from '../store/athlete.js';
import { withLock } from '../store/lock.js';
import { jsonSafe, shown, wrap } from '../export/style.js';
import { readRecords, type ReadOptions } from '../roster/read.js';
import { isOpened, openMember, type Member, type Opened } from './folder.js';
import { TeamBook } from './lookup.js';
import { RowError, rowEntry, SHEET, sameEntry } from './sheet.js';

export interface SheetOptions extends ReadOptions {
  today: string;
  /** Today came from --today (see judgeRowsInTurn). */
  todayGiven?: boolean;
  templates: Templates;
  dryRun: boolean;
  format: 'text' | 'json';
}

interface Row {
  where: string;
  order: number;
  entry: CheckIn;
}

interface Problem {
  where: string;
  athlete?: string;
  problem: string;
}

interface Logged {
  where: string;
  slug: string;
  date: string;
  decisions: Decision[];
  restPain?: number;
}

interface Outcome {
  logged: Logged[];
  skipped: { where: string; slug: string; date: string }[];
  /** Rows the same as an earlier row of the sheet: that one stands for both. */
  repeated: { where: string; slug: string; date: string; of: string }[];
  /** Good rows of an athlete with a bad row: nothing is logged for them until the sheet is fixed. */
  held: { where: string; slug: string; date: string }[];
  problems: Problem[];
  /** The athletes whose running is stopped once their rows are logged. */
  stopped: Map<string, Progress['stopped']>;
}

export async function importSheet(
  io: Io,
  members: Member[],
  sheet: string,
  sheetShown: string,
  options: SheetOptions,
): Promise<number> {
  const book = new TeamBook(members);
  const rows = new Map<Member, Row[]>();
  const outcome: Outcome = { logged: [], skipped: [], repeated: [], held: [], problems: [], stopped: new Map() };
  let order = 0;
  for await (const item of readRecords(sheet, sheetShown, SHEET, options)) {
    // The athlete first: a bad row of theirs holds back all their rows.
    const named = String(item.record?.athlete ?? item.label ?? '').trim();
    const found = named ? book.find(named) : undefined;
    const slug = found && 'member' in found ? found.member.slug : undefined;
    if (!item.record) {
      outcome.problems.push({
        where: item.where,
        ...(slug ? { athlete: slug } : {}),
        problem: item.problem ?? 'unreadable',
      });
      continue;
    }
    try {
      const { entry } = rowEntry(item.record);
      if (!found)
        throw new RowError(
          'athlete',
          'missing: name the athlete by their file name in the team folder (e.g. ana-lopez) or their name',
        );
      if ('problem' in found) throw new RowError('athlete', found.problem);
      const list = rows.get(found.member) ?? [];
      list.push({ where: item.where, order: order++, entry });
      rows.set(found.member, list);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      outcome.problems.push({ where: item.where, ...(slug ? { athlete: slug } : {}), problem: error.message });
    }
  }
  // A bad row writes nothing for its athlete: their good rows wait for the sheet to be fixed.
  const refused = new Set(outcome.problems.map((p) => p.athlete).filter(Boolean));
  for (const [member, list] of rows) {
    if (refused.has(member.slug)) {
      for (const row of list) outcome.held.push({ where: row.where, slug: member.slug, date: row.entry.date });
      continue;
    }
    importAthlete(member, list, options, outcome);
  }
  io.stdout(options.format === 'json' ? json(outcome, options) : text(outcome, options));
  for (const p of outcome.problems)
    io.stderr(`error: ${p.where}${p.athlete ? ` (${p.athlete})` : ''}: ${shown(p.problem, 300)}\n`);
  if (outcome.problems.length > 0)
    io.stderr(
      '  Nothing was logged for the athletes of these rows; their other rows wait for the next import.\n' +
        '  Fix what each error names and import the file again: rows already logged are skipped.\n',
    );
  if (outcome.problems.length > 0) return EXIT.data;
  return [...outcome.stopped.values()].some(Boolean) ? EXIT.withheld : EXIT.ok;
}

/**
 * The athlete's rows in date order: checked against the log as it is under the lock (a row already
 * there is skipped), judged in turn, and appended in one write. A bad row writes nothing for them.
 */
function importAthlete(member: Member, rows: Row[], options: SheetOptions, outcome: Outcome): void {
  rows.sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.order - b.order));
  const fail = (where: string, problem: string) => outcome.problems.push({ where, athlete: member.slug, problem });
  const logRows = (): void => {
    const opened = openMember(member);
    if (!isOpened(opened)) {
      for (const row of rows) fail(row.where, `the athlete file cannot be read: ${opened.problem}`);
      return;
    }
    const fresh: Row[] = [];
    const known: CheckIn[] = [...opened.athlete.log];
    const bad = new Set<Row>();
    for (const row of rows) {
      const at = { where: row.where, slug: member.slug, date: row.entry.date };
      if (opened.athlete.log.some((e) => sameEntry(e, row.entry))) {
        outcome.skipped.push(at);
        continue;
      }
      const earlier = fresh.find((r) => sameEntry(r.entry, row.entry));
      if (earlier) {
        outcome.repeated.push({ ...at, of: earlier.where });
        continue;
      }
      // A second session on a day an earlier row of this sheet holds: name that row, not the log.
      const sameDay = fresh.find((r) => r.entry.completed !== undefined && r.entry.date === row.entry.date);
      const problem =
        row.entry.completed !== undefined && sameDay
          ? `date: ${sameDay.where} of this sheet already holds a session on ${longDate(row.entry.date)}; one a day`
          : rowProblem(opened, row.entry, known, options);
      if (problem) {
        fail(row.where, problem);
        bad.add(row);
      }
      known.push(row.entry);
      fresh.push(row);
    }
    if (bad.size > 0) {
      for (const row of fresh.filter((r) => !bad.has(r)))
        outcome.held.push({ where: row.where, slug: member.slug, date: row.entry.date });
      return;
    }
    if (fresh.length === 0) return;
    const judged = judgeRowsInTurn(
      opened.athlete.log,
      fresh.map((row) => row.entry),
      { intake: opened.intake, templates: options.templates, today: options.today, todayGiven: options.todayGiven },
    );
    if (!options.dryRun)
      appendCheckIns(
        opened.athlete,
        judged.map((j) => j.checked),
      );
    fresh.forEach((row, i) => {
      const { progress } = judged[i]!;
      const { restPain } = row.entry;
      outcome.logged.push({
        where: row.where,
        slug: member.slug,
        date: row.entry.date,
        decisions: decisionsOf(row.entry, progress),
        ...(restPain !== undefined ? { restPain } : {}),
      });
      outcome.stopped.set(member.slug, progress.stopped);
    });
  };
  try {
    // The file is read under the lock, so a check-in a runner logs meanwhile is seen and kept.
    if (options.dryRun) logRows();
    else withLock(member.path, member.path, logRows);
  } catch (error) {
    // The lock, the engine or the disk refused: nothing was written for this athlete. The others
    // are still tried, and the summary says who was logged (a full disk fails them in turn).
    if (!(error instanceof DataError || error instanceof FileError)) throw error;
    fail(rows[0]!.where, error.message);
  }
}

/** Why `checkin` would refuse this entry, or undefined. */
function rowProblem(
  opened: Opened,
  entry: CheckIn,
  known: readonly CheckIn[],
  options: SheetOptions,
): string | undefined {
  const { today } = options;
  if (triage(opened.intake, options.templates.rules).level === 'emergency')
    return `no plan to check in to: ${EMERGENCY_ACTION}`;
  if (entry.date > today) return `date: ${entry.date} is after today (${today}); log a session once it is done`;
  const start = opened.intake.start;
  if (start && entry.date < start) return `date: ${entry.date} is before the plan starts (${longDate(start)})`;
  try {
    checkAgainstLog(entry, known);
  } catch (error) {
    if (error instanceof DataError) return `date: ${error.message.replace(/; nothing was changed$/, '')}`;
    throw error;
  }
  return undefined;
}

/**
 * What the entry decided: its session's decision (a morning re-decides the session before it), and
 * what the log made of its day.
 */
function decisionsOf(entry: CheckIn, progress: Progress): Decision[] {
  const day = entry.morning ? (sessionBeforeMorning(progress.sessions, entry.date)?.date ?? entry.date) : entry.date;
  return progress.decisions.filter((d) => d.date === day || d.date === entry.date);
}

const SEVERITY: Decision['kind'][] = [
  'stop',
  'stop-running',
  'drop-back',
  'hold',
  'rest-pain',
  'off-plan',
  'not-counted',
  'cleared',
  'advance',
  'clean',
];

function headline(logged: Logged): string {
  const worst = logged.decisions.toSorted((a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind))[0];
  if (worst) return `${worst.kind.replace('-', ' ')} (${worst.rule})`;
  return logged.restPain !== undefined ? `pain at rest ${logged.restPain}/10` : 'logged';
}

function text(outcome: Outcome, options: SheetOptions): string {
  const lines = outcome.logged.map((l) => {
    const stopped = outcome.stopped.get(l.slug);
    const mark = stopped ? '!' : ' ';
    return `${mark} ${l.where.padEnd(9)} ${l.slug.padEnd(24)} ${shortDate(l.date).padEnd(10)}  ${headline(l)}`;
  });
  const athletes = new Set(outcome.logged.map((l) => l.slug)).size;
  const stopped = [...outcome.stopped.entries()].filter(([, s]) => s).length;
  const verb = options.dryRun ? 'would be logged' : 'logged';
  const parts = [
    `${plural(outcome.logged.length, 'check-in')} ${verb} for ${plural(athletes, 'athlete')}`,
    outcome.skipped.length > 0 && `${outcome.skipped.length} already logged (skipped)`,
    outcome.repeated.length > 0 && `${outcome.repeated.length} repeating an earlier row (skipped)`,
    outcome.held.length > 0 && `${outcome.held.length} held back by a bad row of the same athlete`,
    outcome.problems.length > 0 &&
      `${outcome.problems.length} row${outcome.problems.length === 1 ? '' : 's'} refused (see stderr)`,
    stopped > 0 && `${stopped} athlete${stopped === 1 ? '' : 's'} stopped (!): see "backplan team status"`,
  ].filter(Boolean);
  const footer = wrap(`${parts.join('; ')}.${options.dryRun ? ' Dry run: nothing was written.' : ''}`, 80, '');
  return `${[...lines, ...(lines.length > 0 ? [''] : []), ...footer].join('\n')}\n`;
}

function json(outcome: Outcome, options: SheetOptions): string {
  return `${jsonSafe(
    JSON.stringify(
      {
        schemaVersion: 1,
        today: options.today,
        dryRun: options.dryRun,
        logged: outcome.logged.map((l) => ({
          ...l,
          decisions: l.decisions.map(({ kind, rule, text }) => ({ kind, rule, text })),
        })),
        skipped: outcome.skipped,
        repeated: outcome.repeated,
        held: outcome.held,
        refused: outcome.problems,
        stopped: [...outcome.stopped.entries()].filter(([, s]) => s).map(([slug, s]) => ({ slug, ...s })),
      },
      null,
      2,
    ),
  )}\n`;
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

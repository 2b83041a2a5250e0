// `backplan team status <dir>`: one row per athlete, those who need the coach first. Each athlete
// file is read, re-planned and summed up in turn; only the rows are kept, so memory stays flat.
import { replanAround } from '../core/replay.js';
import { addDays, shortDate } from '../core/dates.js';
import { EMERGENCY_ACTION } from '../core/safety.js';
import type { Templates } from '../core/types.js';
import { cut, jsonSafe, PLAIN, terminalSafe, wrap, type Style } from '../export/style.js';
import { isOpened, openMember, type Member, type Unreadable } from './folder.js';
import { byUrgency, teamRow, type TeamRow } from './standing.js';
import { fitTable, type Column } from './table.js';

export interface TeamStatus {
  today: string;
  rows: TeamRow[];
  unreadable: Unreadable[];
}

export function teamStatus(members: readonly Member[], templates: Templates, today: string): TeamStatus {
  const rows: TeamRow[] = [];
  const unreadable: Unreadable[] = [];
  // The row shows the last 7 days, this week and the next run: only those weeks are assembled.
  const around = { from: addDays(today, -7), through: today };
  for (const member of members) {
    const opened = openMember(member);
    if (!isOpened(opened)) {
      unreadable.push(opened);
      continue;
    }
    const replanned = replanAround(opened.intake, opened.athlete.log, templates, today, around);
    rows.push(teamRow(member.slug, opened.athlete.log, replanned, replanned.progress, templates.rules));
  }
  return { today, rows: rows.sort(byUrgency), unreadable };
}

const NAME_WIDTH = 28;

/** The name, and the slug where the name alone does not say who (a name shared, or none). */
function athleteLabels(rows: TeamRow[]): Map<TeamRow, string> {
  const counts = new Map<string, number>();
  for (const row of rows)
    if (row.name) counts.set(row.name.toLowerCase(), (counts.get(row.name.toLowerCase()) ?? 0) + 1);
  return new Map(
    rows.map((row) => {
      const name = row.name ? terminalSafe(row.name) : '';
      if (name && counts.get(row.name!.toLowerCase()) === 1) return [row, cut(name, NAME_WIDTH)];
      if (!name) return [row, cut(row.slug, NAME_WIDTH)];
      const slug = cut(row.slug, NAME_WIDTH - 6);
      return [row, `${cut(name, Math.max(3, NAME_WIDTH - slug.length - 3))} (${slug})`];
    }),
  );
}

function needsText(row: TeamRow): string {
  const words = row.needs.map((need) => {
    // Every kind of stop says "stopped", as the summary and --format csv do, with what stopped it.
    if (need === 'stopped')
      return row.stopped?.level === 'emergency'
        ? 'stopped: emergency'
        : row.stopped?.reason.startsWith('R-ESC')
          ? 'stopped: escalated'
          : row.stopped?.reason === 'R-PAIN-6'
            ? 'stopped: severe pain'
            : 'stopped: red flag';
    if (need === 'rest-pain') return `rest pain ${row.restPain?.value}`;
    if (need === 'pain-rising') return 'pain rising';
    return `missed ${row.missed}`;
  });
  return words.join(', ') || '-';
}

const dayMonth = (iso: string | null | undefined): string => (iso ? shortDate(iso).slice(4) : '-');

const COLUMNS: Column[] = [
  { header: '  athlete', priority: 0 },
  { header: 'needs', priority: 0, min: 9 },
  { header: 'next', priority: 1 },
  { header: 'pain', priority: 2, align: 'right' },
  { header: 'phase', priority: 3 },
  { header: 'last', priority: 4 },
  { header: 'week', priority: 5, align: 'right' },
];

export function statusText(status: TeamStatus, style: Style = PLAIN, width = 80): string {
  const labels = athleteLabels(status.rows);
  const cells = status.rows.map((row) => [
    `${row.stopped ? '!' : row.needs.length > 0 ? '*' : ' '} ${labels.get(row)!}`,
    needsText(row),
    row.next ? shortDate(row.next.date) : '-',
    row.lastPain ? String(row.lastPain.value) : '-',
    row.phase === 'walk-run' && row.level !== null ? `walk/run ${row.level}` : row.phase,
    dayMonth(row.lastCheckIn),
    row.thisWeek && row.thisWeek.due > 0 ? `${row.thisWeek.done}/${row.thisWeek.due}` : '-',
  ]);
  const [header, ...lines] = fitTable(COLUMNS, cells, width);
  const out = [
    style.bold(header!),
    ...lines.map((line, i) =>
      status.rows[i]!.stopped ? style.red(line) : status.rows[i]!.needs.length > 0 ? style.yellow(line) : line,
    ),
  ];
  const stopped = status.rows.filter((r) => r.stopped);
  if (stopped.length > 0) out.push('');
  for (const row of stopped) {
    const stop = row.stopped!;
    const advice = stop.level === 'emergency' ? EMERGENCY_ACTION : stop.advice;
    const since = `running stopped since ${shortDate(stop.since)}`;
    const text = `${labels.get(row)}: ${since}: ${terminalSafe(stop.text)} (${stop.reason}). ${advice}`;
    out.push(...wrap(text, width, '    ', '! ').map((l) => style.red(l)));
  }
  const needing = status.rows.filter((r) => !r.stopped && r.needs.length > 0).length;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const parts = [
    count(status.rows.length, 'athlete'),
    `${stopped.length} stopped (!)`,
    `${needing} to look at (*)`,
    `${status.rows.length - stopped.length - needing} on track`,
    ...(status.unreadable.length > 0 ? [`${count(status.unreadable.length, 'file')} unreadable (see stderr)`] : []),
  ];
  out.push(
    '',
    ...wrap(
      `${parts.join(' · ')}. As of ${shortDate(status.today)}; "last" is the last check-in, ` +
        '"pain" its highest pain, "week" the runs done of those due this week.',
      width,
      '',
    ),
  );
  return `${out.join('\n')}\n`;
}

export function statusJson(status: TeamStatus): string {
  const unreadable = status.unreadable.map(({ slug, problem }) => ({ slug, problem }));
  const json = JSON.stringify({ schemaVersion: 1, today: status.today, athletes: status.rows, unreadable }, null, 2);
  return `${jsonSafe(json)}\n`;
}

const CSV_HEADER = [
  'slug',
  'name',
  'needs',
  'stopped-reason',
  'stopped-since',
  'phase',
  'level',
  'last-check-in',
  'last-pain',
  'week-done',
  'week-due',
  'week-planned',
  'missed',
  'next-date',
  'next-session',
];

export function statusCsv(status: TeamStatus): string {
  const rows = status.rows.map((r) => [
    r.slug,
    r.name ?? '',
    r.needs.join(';'),
    r.stopped?.reason ?? '',
    r.stopped?.since ?? '',
    r.phase,
    r.level ?? '',
    r.lastCheckIn ?? '',
    r.lastPain?.value ?? '',
    r.thisWeek?.done ?? '',
    r.thisWeek?.due ?? '',
    r.thisWeek?.planned ?? '',
    r.missed,
    r.next?.date ?? '',
    r.next?.title ?? '',
  ]);
  return [CSV_HEADER, ...rows].map((cells) => cells.map((c) => csvCell(String(c))).join(',')).join('\n') + '\n';
}

/**
 * Quoted where needed; a cell a spreadsheet would run as a formula starts with a quote mark instead,
 * and control characters (a name carrying terminal escapes) become spaces, as on any stdout.
 */
function csvCell(raw: string): string {
  const text = terminalSafe(raw);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

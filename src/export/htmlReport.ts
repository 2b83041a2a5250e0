// `backplan report -o report.html` (or .pdf): the clinician's report as one page, the two charts
// drawn inline. It holds what the Markdown report holds, laid out to print on a single sheet.
import { longDate } from '../core/dates.js';
import type { Intake, LoggedSession, Plan } from '../core/types.js';
import { painChartSvg, volumeChartSvg } from './charts.js';
import { htmlPage, htmlText, userText } from './htmlPage.js';
import { weeklyPain, type StatusView } from './progress.js';
import { clearedNote } from './clearedNote.js';

export interface HtmlReportInput {
  view: StatusView;
  plan: Plan;
  intake: Intake;
  sessions: LoggedSession[];
}

export function renderHtmlReport({ view, plan, intake, sessions }: HtmlReportInput): string {
  const title = view.name ? `Return-to-running report: ${view.name}` : 'Return-to-running report';
  let body = `<header>\n<h1>Return-to-running report${view.name ? `: ${userText(view.name)}` : ''}</h1>\n`;
  const made = "Made by backplan from the runner's intake and check-in log.";
  body += `<p class="meta">As of ${longDate(view.today)}. ${made}</p>\n`;
  body += '</header>\n';
  if (plan.triage.withheld) {
    const heading = `<h2>No running: ${htmlText(plan.triage.level)}</h2>\n`;
    const message = `<p>${htmlText(plan.triage.message)}</p>\n`;
    body += `<section class="alert withheld" id="withheld">\n${heading}${message}</section>\n`;
  }
  body += `<p class="notice">${htmlText(plan.notice)}</p>\n`;
  const left = `<div>\n${intakeSection(intake, plan)}${redFlagsSection(plan, sessions)}</div>\n`;
  body += `<div class="cols">\n${left}${standingSection(view)}</div>\n`;
  body += `<div class="cols charts">\n${painSection(view, plan)}${volumeSection(view)}</div>\n`;
  // The log is the one part that grows: last, so the rest stays on the first page.
  body += safetyNetLines(plan);
  body += logSection(sessions);
  return htmlPage({ title, kind: 'report', body });
}

function facts(rows: [string, string][]): string {
  return `<dl class="facts">\n${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>\n`).join('')}</dl>\n`;
}

function intakeSection(intake: Intake, plan: Plan): string {
  const unit = intake.units === 'min' ? 'running min' : intake.units;
  return (
    '<section>\n<h2>Intake</h2>\n' +
    facts([
      ['Pain at rest', `${intake.pain}/10`],
      ['Running', `${intake.weekly} ${unit} a week`],
      ['Goal (before the pain)', `${intake.goalWeekly} ${unit} a week`],
      ['Runner', `${intake.runner}${intake.age !== undefined ? `; age ${intake.age}` : ''}`],
      ['Plan', `${longDate(plan.start)} to ${longDate(plan.end)}, template ${htmlText(plan.template)}`],
    ]) +
    '</section>\n'
  );
}

function standingSection(view: StatusView): string {
  const a = view.adherence;
  const rate = a.planned > 0 ? `${Math.round((a.done / a.planned) * 100)}%` : 'n/a';
  const level = view.level !== null ? `, walk/run level ${view.level}` : '';
  const stopped = view.stopped ? ` <strong>(stopped: ${view.stopped})</strong>` : '';
  const rows: [string, string][] = [['Phase', `${view.phase}${level}${stopped}`]];
  if (view.cleanNeeded !== null)
    rows.push(['Clean sessions', `${view.cleanSessions} of ${view.cleanNeeded} toward the next level`]);
  if (view.decision) rows.push(['Last decision', `${view.decision.date}: ${htmlText(view.decision.text)}`]);
  if (view.nextSession) rows.push(['Next session', `${view.nextSession.date}, ${htmlText(view.nextSession.title)}`]);
  const missed = `${a.missed} missed without a check-in`;
  const counts = `${a.done} done, ${a.partial} partly done, ${a.notDone} not done, ${missed}`;
  rows.push(['Adherence', `of ${a.planned} run${a.planned === 1 ? '' : 's'} due so far: ${counts} (${rate} done)`]);
  return `<section>\n<h2>Where the runner stands</h2>\n${facts(rows)}</section>\n`;
}

function redFlagsSection(plan: Plan, sessions: LoggedSession[]): string {
  const logged = [...new Set(sessions.flatMap((s) => s.symptoms ?? []))];
  const cleared = clearedNote(plan.triage);
  const message = htmlText(plan.triage.message || 'No red-flag symptoms reported.');
  const now = `<li>Triage now: <strong>${plan.triage.level}</strong>${cleared}. ${message}</li>\n`;
  let out = `<section>\n<h2>Red flags</h2>\n<ul>\n${now}`;
  for (const reason of plan.triage.reasons) out += `<li>${htmlText(reason.text)} (${reason.level})</li>\n`;
  const reported = logged.length > 0 ? logged.map(htmlText).join(', ') : 'none';
  return `${out}<li>Reported at check-ins: ${reported}</li>\n</ul>\n</section>\n`;
}

/** The chart as drawn for the Markdown report's SVG file, without its XML ending newline. */
const inline = (svg: string): string => svg.trimEnd();

function painSection(view: StatusView, plan: Plan): string {
  let out = `<section>\n<h2>Pain trend</h2>\n<figure>\n${inline(painChartSvg(view.pain, view.painThreshold))}\n`;
  out += `<figcaption>Logged back pain over time, with the ${view.painThreshold}/10 line.</figcaption>\n</figure>\n`;
  const weekly = weeklyPain(view, plan);
  if (weekly.length > 0)
    out += table(
      ['Week', 'Check-ins', 'Average worst pain'],
      weekly.map((w) => [String(w.week), String(w.count), `${w.average.toFixed(1)}/10`]),
    );
  return `${out}</section>\n`;
}

function volumeSection(view: StatusView): string {
  let out = `<section>\n<h2>Weekly running</h2>\n<figure>\n${inline(volumeChartSvg(view.weeks))}\n`;
  out += '<figcaption>Weekly running minutes against the 10% cap.</figcaption>\n</figure>\n';
  const rows = view.weeks.map((w) => [
    String(w.week),
    w.start,
    w.phase,
    String(w.planned),
    String(w.logged ?? ''),
    String(w.cap ?? ''),
  ]);
  return `${out}${table(['Week', 'Starts', 'Phase', 'Planned min', 'Logged min', '10% cap'], rows)}</section>\n`;
}

const LOG_COLUMNS = [
  'Date',
  'Done',
  'Pain before',
  'During',
  'After',
  'Next morning',
  'Warm-up',
  'New symptoms',
  'Note',
];

/** One row a check-in, and under it the decision it led to, across the table. */
function logSection(sessions: LoggedSession[]): string {
  if (sessions.length === 0) return '<section>\n<h2>Check-in log</h2>\n<p>No check-ins yet.</p>\n</section>\n';
  const text = new Set(['New symptoms', 'Note']);
  let out = `<section>\n<h2>Check-in log</h2>\n<table class="stack log">\n${tableHead(LOG_COLUMNS, text)}`;
  for (const s of sessions) {
    const cell = (n: number | undefined) => (n === undefined ? '' : String(n));
    const cells = [
      s.date,
      s.completed ?? '',
      cell(s.painBefore),
      cell(s.painDuring),
      cell(s.painAfter),
      cell(s.nextMorning),
      s.warmup ?? '',
      (s.symptoms ?? []).join(', '),
    ].map(htmlText);
    cells.push(s.note ? userText(s.note) : '');
    // A body of its own, so a page never parts a check-in from its decision.
    out += `<tbody>\n${tableRow(LOG_COLUMNS, cells, text)}`;
    const decision = htmlText(s.decision.text);
    const across = `colspan="${LOG_COLUMNS.length}" data-label="Decision"`;
    out += `<tr class="decision"><td class="text" ${across}>${decision}</td></tr>\n`;
    out += '</tbody>\n';
  }
  return `${out}</table>\n</section>\n`;
}

/**
 * A table whose cells are escaped already. On a narrow screen each row becomes a block, a cell a
 * line that its column names. Cells of `text` columns wrap; the others are short words and numbers.
 */
function table(columns: string[], rows: string[][]): string {
  const body = rows.map((row) => tableRow(columns, row, new Set())).join('');
  return `<table class="stack">\n${tableHead(columns, new Set())}<tbody>\n${body}</tbody>\n</table>\n`;
}

const tableHead = (columns: string[], text: ReadonlySet<string>): string =>
  `<thead><tr>${columns.map((c) => `<th${text.has(c) ? ' class="text"' : ''}>${c}</th>`).join('')}</tr></thead>\n`;

const tableRow = (columns: string[], cells: string[], text: ReadonlySet<string>): string => {
  const cell = (c: string, i: number) =>
    `<td${text.has(columns[i]!) ? ' class="text"' : ''} data-label="${columns[i]}">${c}</td>`;
  return `<tr>${cells.map(cell).join('')}</tr>\n`;
};

/** The safety net (R-SAFE-1) as the Markdown report words it: each level on a few lines. */
function safetyNetLines(plan: Plan): string {
  const net = plan.safetyNet;
  const level = (heading: string, symptoms: string[], action: string) =>
    `<p><strong>${heading}</strong> ${symptoms.map(htmlText).join('; ')}. <strong>${htmlText(action)}</strong></p>\n`;
  return (
    '<section class="safety" id="safety-net">\n<h2>Safety net</h2>\n' +
    level('Emergency, same day:', net.emergency, net.emergencyAction) +
    level('Urgent, stop running:', net.urgent, net.urgentAction) +
    '</section>\n'
  );
}

// Plan → GitHub-flavoured Markdown: a hand-out for the runner, or from a coach to an athlete.
import { longDate, shortDate } from '../core/dates.js';
import type { Exercise, Plan, Session, SessionStatus, Week } from '../core/types.js';
import { sharedRunText, type SharedRunText } from './runText.js';
import { usualWeek } from './usualWeek.js';
import { joinPieces, type KeyPart, type Piece, type RenderCache } from './pieces.js';
import { SINGLE_SPACED } from './style.js';
import { shortTitle, weekHeading } from './text.js';
import { sessionLength } from './sessionLength.js';
import { clearedNote } from './clearedNote.js';

/**
 * Text as inert Markdown: no HTML, no emphasis, links or autolinks, no table break, no heading, on
 * one line. Every piece of text goes through here, from a template or from the user alike.
 */
export function mdText(text: string): string {
  return escapeMarkdown(text);
}

/** Text that every step below would leave as it is: most of the templates' text. */
function needsNoEscape(text: string): boolean {
  return SINGLE_SPACED.test(text) && !MARKDOWN_SIGNIFICANT.test(text);
}

const MARKDOWN_SIGNIFICANT = /[\u0000-\u001f\u007f-\u009f&<>\\`*_[\]|~#!@]|:\/\/|www\./i;

export function escapeMarkdown(text: string): string {
  // One test instead of nine replacements, for the text that has nothing to escape.
  return needsNoEscape(text) ? text : escapeMarkdownFully(text);
}

/** The escape itself, every step taken (escapeMarkdown skips it when no step would change a thing). */
export function escapeMarkdownFully(text: string): string {
  return (
    text
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|~#!@])/g, '\\$1')
      // GitHub-flavoured Markdown turns bare URLs into links: break "scheme://" and "www.".
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, -1)}\\.`)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  return renderMarkdownBytes(plan, options).toString('utf8');
}

/** The Markdown as UTF-8, as it is written: its pieces are encoded already. */
export function renderMarkdownBytes(plan: Plan, options: MarkdownOptions = {}): Buffer {
  return joinPieces(markdownPieces(plan, options));
}

export interface MarkdownOptions {
  /** The templates' exercises, for the instructions at the end. */
  exercises?: Record<string, Exercise>;
  /** A batch's cache of the pieces that recur across plans; `plan` and `show` render without one. */
  cache?: RenderCache;
}

/**
 * The Markdown in pieces, in order, for a writer that copies them where it likes. What recurs
 * across plans (the safety net, a session's row, the exercise instructions) is made once.
 */
export function markdownPieces(plan: Plan, options: MarkdownOptions = {}): Piece[] {
  // A name is the athlete's own: escaped, not cached, or a roster's names would fill the cache.
  const title = plan.name ? `Return-to-running plan: ${escapeMarkdown(plan.name)}` : 'Return-to-running plan';
  let head = `# ${title}\n\n`;
  if (plan.weeks.length > 0) {
    head += `**${longDate(plan.start)} – ${longDate(plan.end)}** · ${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'} · ${plan.runner} runner · template ${mdText(plan.template)}\n\n`;
  }
  const { cache } = options;
  const net = plan.safetyNet;
  const out: Piece[] = [
    head + triageSection(plan),
    cache?.piece(safetyNetKey(net), () => safetyNetSection(net)) ?? safetyNetSection(net),
  ];

  if (plan.weeks.length > 0) {
    out.push(`## Notes\n\n${plan.notes.map((n) => `- ${mdText(n)}\n`).join('')}\n`);
    // What every run says alike is said once, before the first week; each week keeps what is its own.
    const runs = sharedRunText(plan.weeks.flatMap((w) => w.sessions.filter((s) => s.runMinutes > 0)));
    if (runs.every.length > 0) out.push(runSection(runs));
    // Weeks alike print their days once, as the usual week, and name their runs: 8 weeks on two or
    // three pages. A week that differs keeps its table, one row a day.
    const usual = usualWeek(plan);
    if (usual) out.push(usualWeekSection(usual.example));
    for (const week of plan.weeks) {
      const follows = usual?.follows(week) ?? false;
      out.push(weekHead(week, runs, follows));
      if (follows) continue;
      out.push(TABLE_HEAD);
      let from = 0;
      for (let i = 1; i <= week.sessions.length; i++) {
        if (i < week.sessions.length && week.sessions[i]!.date === week.sessions[from]!.date) continue;
        const date = week.sessions[from]!.date;
        const day = week.sessions.slice(from, i);
        out.push(cache?.piece(['md-row-start', date], () => rowStart(date)) ?? rowStart(date));
        out.push(cache?.piece(dayRowKey(day), () => dayRow(day)) ?? dayRow(day));
        from = i;
      }
      out.push('\n');
    }
    if (options.exercises) out.push(exerciseSection(plan, options.exercises, cache));
  }
  out.push(`---\n\n*${mdText(plan.notice)}*\n`);
  return out;
}

function triageSection(plan: Plan): string {
  const { triage } = plan;
  const heading = `## Triage: ${triage.level}${clearedNote(triage)}\n\n`;
  if (triage.level === 'clear') return `${heading}No red-flag symptoms reported.\n\n`;
  return `${heading}${triage.reasons.map((r) => `- ${mdText(r.text)} (${r.level})\n`).join('')}\n**${mdText(triage.message)}**\n\n`;
}

/** Everything the safety net's text depends on, for a batch's cache. */
function safetyNetKey(net: Plan['safetyNet']): KeyPart[] {
  return ['md-safety-net', net.emergencyAction, net.urgentAction, ...net.emergency, '', ...net.urgent];
}

function safetyNetSection(net: Plan['safetyNet']): string {
  // Each list as one paragraph: the same words, in a third of the lines on paper. The action
  // after it starts a line of its own (a hard break), not the end of the list's sentence.
  const list = (items: string[]) => `${items.map((t) => mdText(t)).join('; ')}.\\\n`;
  return (
    '## Stop and get help if any of these appear\n\n' +
    `**Emergency, same day:** ${list(net.emergency)}**${mdText(net.emergencyAction)}**\n\n` +
    `**Urgent, stop running:** ${list(net.urgent)}**${mdText(net.urgentAction)}**\n\n`
  );
}

/**
 * A week's heading, its gate (in full every week: a page may be read alone), why it holds what it
 * holds, and its runs: their own words, and where the rest is. A week that follows the usual week
 * names its runs' dates instead of a table.
 */
function weekHead(week: Week, runs: SharedRunText, followsUsual: boolean): string {
  const lines = [`**Gate:** ${mdText(week.gate)} ${mdText(week.why)}`];
  // A week's runs alike are described once (with their dates, when the week has no table).
  const described = new Map<string, { name: string; own: string; dates: string[] }>();
  for (const run of week.sessions) {
    if (run.runMinutes === 0) continue;
    const name = followsUsual ? sessionText(run) : `**${mdText(shortTitle(run.title))}:**`;
    const own = mdText(runs.own(run));
    const key = `${name}\n${own}`;
    const seen = described.get(key) ?? { name, own, dates: [] };
    seen.dates.push(shortDate(run.date));
    described.set(key, seen);
  }
  for (const { name, own, dates } of described.values()) {
    lines.push(followsUsual ? `${name} on ${listed(dates)}: ${own}` : `${name} ${own}`);
  }
  const where =
    runs.every.length > 0 && described.size > 0 ? `warm-up, cool-down and when to stop: ${linkTo(HOW_TO_RUN)}.` : '';
  if (followsUsual) {
    lines.push(`${described.size > 0 ? 'Other days' : 'Days'} as ${linkTo(USUAL_WEEK)}${where ? `; ${where}` : '.'}`);
  } else if (where) lines.push(`${where[0]!.toUpperCase()}${where.slice(1)}`);
  return `## ${mdText(weekHeading(week))}\n\n> ${lines.join('\\\n> ')}\n\n`;
}

const EXERCISES = 'Exercise instructions';
const TABLE_HEAD = `| Day | Sessions (each exercise: see ${linkTo(EXERCISES)}) |\n| --- | --- |\n`;
const USUAL_WEEK = 'Your usual week';

/**
 * A link to one of the plan's own sections, by the anchor Markdown viewers give a heading (GitHub,
 * GitLab, VS Code: lower case, spaces as hyphens); on paper it reads as the section's name.
 */
function linkTo(heading: string): string {
  return `[${heading}](#${heading.toLowerCase().replaceAll(' ', '-')})`;
}

const listed = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The days most weeks share, once, by weekday: each such week names its runs and their dates. */
function usualWeekSection(example: Week): string {
  let text =
    `## ${USUAL_WEEK}\n\nA week that says "as ${USUAL_WEEK}" holds these sessions on these days; ` +
    `it names its own runs and their dates.\n\n${TABLE_HEAD}`;
  let from = 0;
  const sessions = example.sessions;
  for (let i = 1; i <= sessions.length; i++) {
    if (i < sessions.length && sessions[i]!.date === sessions[from]!.date) continue;
    const day = sessions.slice(from, i);
    const weekday = shortDate(day[0]!.date).split(' ')[0]!;
    text += `| ${weekday} | ${day.map((s) => (s.runMinutes > 0 ? "**The week's run**" : mdText(s.title))).join(' · ')} |\n`;
    from = i;
  }
  return `${text}\n`;
}

const STATUS_WORDS: Record<SessionStatus, string> = {
  done: 'done',
  partial: 'partly done',
  'not-done': 'not done',
  missed: 'missed',
  'to-come': 'to come',
};

/** "| Mon 30 Nov | ": the cell a row takes from its date. */
function rowStart(date: string): string {
  // Non-breaking spaces: a printed table keeps the day on one line.
  return `| ${shortDate(date).replace(/ /g, '\u00a0')} | `;
}

/** Everything a day's row depends on, for a batch's cache: each session's title, minutes, status and log. */
function dayRowKey(sessions: readonly Session[]): KeyPart[] {
  return ['md-day', ...sessions.flatMap((s) => [s.title, s.minutes, s.runMinutes, s.status ?? '', s.logged ?? ''])];
}

/** The rest of a day's row: its sessions, a run in bold with its length and status, the others by name and minutes. */
function dayRow(sessions: readonly Session[]): string {
  return `${sessions.map(sessionText).join(' · ')} |\n`;
}

function sessionText(session: Session): string {
  const run = session.runMinutes > 0;
  // An exercise's minutes are in its instructions; a run's vary, and stay here.
  const minutes = run && session.minutes > 0 ? ` (${sessionLength(session)})` : '';
  // A run by its short name; its intervals are in the week's run notes below the table.
  const title = run ? `**${mdText(shortTitle(session.title))}**` : mdText(session.title);
  const status = session.status ? ` (${STATUS_WORDS[session.status]})` : '';
  const logged = session.logged ? ` Logged: ${mdText(session.logged)}.` : '';
  return `${title}${minutes}${status}${logged}`;
}

const HOW_TO_RUN = 'How to run every session';

const KIND_WORDS: Partial<Record<Session['kind'], string>> = {
  'walk-run': 'Walk/run sessions',
  run: 'Continuous runs',
};

/** What every run of the plan says alike, once, before the first week. */
function runSection(runs: SharedRunText): string {
  const items = [
    ...runs.every.map((s) => mdText(s)),
    ...runs.byKind.map((k) => `${KIND_WORDS[k.kind] ?? k.kind}: ${k.sentences.map((s) => mdText(s)).join(' ')}`),
  ];
  if (runs.rules.length > 0) items.push(`Rules: ${runs.rules.join(', ')}.`);
  return `## ${HOW_TO_RUN}\n\n${items.map((i) => `- ${i}\n`).join('')}\n`;
}

/** The instructions of each exercise the plan uses, once. */
function exerciseSection(plan: Plan, exercises: Record<string, Exercise>, cache: RenderCache | undefined): Piece {
  const used = new Set<string>();
  for (const week of plan.weeks) for (const session of week.sessions) used.add(session.title);
  const shown = Object.values(exercises).filter((e) => used.has(e.title));
  return (
    cache?.piece(['md-exercises', cache.idOf(exercises), ...shown.map((e) => e.title)], () =>
      instructionsText(shown),
    ) ?? instructionsText(shown)
  );
}

function instructionsText(shown: Exercise[]): string {
  // An item each, not a heading each: the same words in fewer lines on paper.
  let text = `## ${EXERCISES}\n\n`;
  for (const exercise of shown) {
    const minutes = exercise.minutes ? ` (${exercise.minutes} min)` : '';
    const steps = exercise.steps?.length ? ` ${exercise.steps.map((s) => mdText(s)).join(' ')}` : '';
    text += `- **${mdText(exercise.title)}**${minutes}: ${mdText(exercise.details)}${steps}\n`;
  }
  return `${text}\n`;
}

// Plan → GitHub-flavoured Markdown: a hand-out for the runner, or from a coach to an athlete.
import { longDate, weekdayName } from '../core/dates.js';
import type { Exercise, Plan, Session, SessionStatus, Week } from '../core/types.js';
import { joinPieces, PieceCache, type Piece } from './pieces.js';
import { SINGLE_SPACED } from './style.js';
import { weekHeading } from './text.js';

/**
 * Text as inert Markdown: no HTML, no emphasis, links or autolinks, no table break, no heading, on
 * one line. Every piece of text goes through here, from a template or from the user alike.
 */
export function mdText(text: string): string {
  // Most text is the templates' and repeats across weeks and athletes: escape each once.
  let escaped = mdCache.get(text);
  if (escaped === undefined) {
    escaped = escapeMarkdown(text);
    if (mdCache.size > 10_000) mdCache.clear();
    mdCache.set(text, escaped);
  }
  return escaped;
}

const mdCache = new Map<string, string>();

/** Text that every step below would leave as it is: most of the templates' text. */
function needsNoEscape(text: string): boolean {
  return SINGLE_SPACED.test(text) && !MARKDOWN_SIGNIFICANT.test(text);
}

// eslint-disable-next-line no-control-regex
const MARKDOWN_SIGNIFICANT = /[\u0000-\u001f\u007f-\u009f&<>\\`*_[\]|~#!@]|:\/\/|www\./i;

export function escapeMarkdown(text: string): string {
  // One test instead of nine replacements, for the text that has nothing to escape.
  return needsNoEscape(text) ? text : escapeMarkdownFully(text);
}

/** The escape itself, every step taken (escapeMarkdown skips it when no step would change a thing). */
export function escapeMarkdownFully(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!@])/g, '\\$1')
    // GitHub-flavoured Markdown turns bare URLs into links: break "scheme://" and "www.".
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, -1)}\\.`)
    .replace(/\s+/g, ' ')
    .trim();
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
  const out: Piece[] = [head + triageSection(plan), safetyNetSection(plan)];

  if (plan.weeks.length > 0) {
    out.push(`## Notes\n\n${plan.notes.map((n) => `- ${mdText(n)}\n`).join('')}\n`);
    for (const week of plan.weeks) {
      out.push(weekHead(week));
      for (const session of week.sessions) out.push(rowStart(session.date), rowRest(session));
      out.push('\n');
    }
    if (options.exercises) out.push(exerciseSection(plan, options.exercises));
  }
  out.push(`---\n\n*${mdText(plan.notice)}*\n`);
  return out;
}

function triageSection(plan: Plan): string {
  const { triage } = plan;
  const heading = `## Triage: ${triage.level}${triage.cleared && triage.level !== 'clear' ? ' (cleared by a clinician)' : ''}\n\n`;
  if (triage.level === 'clear') return `${heading}No red-flag symptoms reported.\n\n`;
  return `${heading}${triage.reasons.map((r) => `- ${mdText(r.text)} (${r.level})\n`).join('')}\n**${mdText(triage.message)}**\n\n`;
}

const safetyNets = new PieceCache(100);

function safetyNetSection(plan: Plan): Buffer {
  const net = plan.safetyNet;
  const list = (items: string[]) => items.map((t) => `- ${mdText(t)}\n`).join('');
  const symptoms = `${net.emergency.join('\n')}\n\n${net.urgent.join('\n')}`;
  return (
    safetyNets.find(net.emergencyAction, net.urgentAction, symptoms) ??
    safetyNets.keep(
      net.emergencyAction,
      net.urgentAction,
      symptoms,
      '## Stop and get help if any of these appear\n\n' +
        `**Emergency, same day:**\n\n${list(net.emergency)}\n${mdText(net.emergencyAction)}\n\n` +
        `**Urgent, stop running:**\n\n${list(net.urgent)}\n${mdText(net.urgentAction)}\n\n`,
    )
  );
}

function weekHead(week: Week): string {
  return (
    `## ${mdText(weekHeading(week))}\n\n` +
    `> **Gate:** ${mdText(week.gate)}\n>\n> ${mdText(week.why)}\n\n` +
    '| Date | Day | Session | Details |\n| --- | --- | --- | --- |\n'
  );
}

const STATUS_WORDS: Record<SessionStatus, string> = { done: 'done', partial: 'partly done', 'not-done': 'not done', missed: 'missed', 'to-come': 'to come' };

/** "| 2026-11-30 | Mon | ": the cells a row takes from its date, encoded. */
const rowStarts = new Map<string, Buffer>();
function rowStart(date: string): Buffer {
  let start = rowStarts.get(date);
  if (start === undefined) {
    const day = weekdayName(date);
    start = Buffer.from(`| ${date} | ${day.charAt(0).toUpperCase()}${day.slice(1)} | `);
    if (rowStarts.size > 5_000) rowStarts.clear();
    rowStarts.set(date, start);
  }
  return start;
}

const rowRests = new PieceCache();

/**
 * The rest of a session's row: the session, its details and, for a run, the rules it follows. A
 * planned session that is no run (most rows) is found by its minutes alone; a run's rules, and a
 * logged session's status and note, are part of its key.
 */
function rowRest(session: Session): Buffer {
  const run = session.runMinutes > 0;
  const key = !run && !session.status && !session.logged ? session.minutes : `${run ? 'run' : 'other'}\u0000${session.minutes}\u0000${run ? session.rules.join(', ') : ''}\u0000${session.status ?? ''}\u0000${session.logged ?? ''}`;
  return rowRests.find(session.details, session.title, key) ?? rowRests.keep(session.details, session.title, key, rowText(session, run));
}

function rowText(session: Session, run: boolean): string {
  const minutes = session.minutes > 0 ? ` (${session.minutes} min)` : '';
  const title = run ? `**${mdText(session.title)}**` : mdText(session.title);
  const status = session.status ? ` (${STATUS_WORDS[session.status]})` : '';
  const logged = session.logged ? ` Logged: ${mdText(session.logged)}.` : '';
  return `${title}${minutes}${status} | ${mdText(session.details)}${run ? ` Rules: ${session.rules.join(', ')}.` : ''}${logged} |\n`;
}

/** Each template's instructions, by the exercises a plan uses. */
const instructions = new WeakMap<Record<string, Exercise>, PieceCache>();

function exerciseSection(plan: Plan, exercises: Record<string, Exercise>): Buffer {
  const used = new Set<string>();
  for (const week of plan.weeks) for (const session of week.sessions) used.add(session.title);
  const shown = Object.values(exercises).filter((e) => used.has(e.title) && e.kind !== 'rest');
  let cache = instructions.get(exercises);
  if (cache === undefined) instructions.set(exercises, (cache = new PieceCache(1_000)));
  const titles = shown.map((e) => e.title).join('\u0000');
  return cache.find(titles, '', '') ?? cache.keep(titles, '', '', instructionsText(shown));
}

function instructionsText(shown: Exercise[]): string {
  let text = '## Exercise instructions\n\n';
  for (const exercise of shown) {
    text += `### ${mdText(exercise.title)}\n\n${mdText(exercise.details)}\n\n`;
    if (exercise.steps?.length) text += `${exercise.steps.map((s) => `- ${mdText(s)}\n`).join('')}\n`;
  }
  return text;
}

// Plan → GitHub-flavoured Markdown: a hand-out for the runner, or from a coach to an athlete.
import { longDate, weekdayName } from '../core/dates.js';
import type { Exercise, Plan, Session, SessionStatus, Week } from '../core/types.js';
import { joinPieces, type KeyPart, type Piece, type RenderCache } from './pieces.js';
import { SINGLE_SPACED } from './style.js';
import { weekHeading } from './text.js';

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
  /** Pieces kept across the plans of one batch run (src/export/pieces.ts); none for a single plan. */
  cache?: RenderCache;
}

/**
 * The Markdown in pieces, in order, for a writer that copies them where it likes. What recurs
 * across plans (the safety net, a session's row, the exercise instructions) is made once.
 */
export function markdownPieces(plan: Plan, options: MarkdownOptions = {}): Piece[] {
  const title = plan.name ? `Return-to-running plan: ${escapeMarkdown(plan.name)}` : 'Return-to-running plan';
  let head = `# ${title}\n\n`;
  if (plan.weeks.length > 0) {
    head += `**${longDate(plan.start)} – ${longDate(plan.end)}** · ${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'} · ${plan.runner} runner · template ${mdText(plan.template)}\n\n`;
  }
  const { cache } = options;
  const out: Piece[] = [head + triageSection(plan), cache?.piece(safetyNetKey(plan), () => safetyNetSection(plan)) ?? safetyNetSection(plan)];

  if (plan.weeks.length > 0) {
    out.push(`## Notes\n\n${plan.notes.map((n) => `- ${mdText(n)}\n`).join('')}\n`);
    for (const week of plan.weeks) {
      out.push(cache?.piece(weekHeadKey(week), () => weekHead(week)) ?? weekHead(week));
      for (const session of week.sessions) {
        out.push(cache?.piece(rowStartKey(session.date), () => rowStart(session.date)) ?? rowStart(session.date));
        out.push(cache?.piece(rowRestKey(session), () => rowRest(session)) ?? rowRest(session));
      }
      out.push('\n');
    }
    const { exercises } = options;
    if (exercises) {
      const shown = shownExercises(plan, exercises);
      out.push(cache?.piece(instructionsKey(cache, exercises, shown), () => instructionsText(shown)) ?? instructionsText(shown));
    }
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

function safetyNetSection(plan: Plan): string {
  const net = plan.safetyNet;
  const list = (items: string[]) => items.map((t) => `- ${mdText(t)}\n`).join('');
  return (
    '## Stop and get help if any of these appear\n\n' +
    `**Emergency, same day:**\n\n${list(net.emergency)}\n${mdText(net.emergencyAction)}\n\n` +
    `**Urgent, stop running:**\n\n${list(net.urgent)}\n${mdText(net.urgentAction)}\n\n`
  );
}

function safetyNetKey(plan: Plan): KeyPart[] {
  const net = plan.safetyNet;
  return ['safety net', net.emergencyAction, net.urgentAction, net.emergency.length, ...net.emergency, ...net.urgent];
}

function weekHead(week: Week): string {
  return (
    `## ${mdText(weekHeading(week))}\n\n` +
    `> **Gate:** ${mdText(week.gate)}\n>\n> ${mdText(week.why)}\n\n` +
    '| Date | Day | Session | Details |\n| --- | --- | --- | --- |\n'
  );
}

/** What a week's head shows: its heading (number, dates and phase), gate and why. */
function weekHeadKey(week: Week): KeyPart[] {
  return ['week head', week.index, week.start, week.end, week.phase, week.level ?? 'none', week.lighter, week.gate, week.why];
}

const STATUS_WORDS: Record<SessionStatus, string> = { done: 'done', partial: 'partly done', 'not-done': 'not done', missed: 'missed', 'to-come': 'to come' };

/** "| 2026-11-30 | Mon | ": the cells a row takes from its date. */
function rowStart(date: string): string {
  const day = weekdayName(date);
  return `| ${date} | ${day.charAt(0).toUpperCase()}${day.slice(1)} | `;
}

const rowStartKey = (date: string): KeyPart[] => ['row start', date];

/** The rest of a session's row: the session, its details and, for a run, the rules it follows. */
function rowRest(session: Session): string {
  const run = session.runMinutes > 0;
  const minutes = session.minutes > 0 ? ` (${session.minutes} min)` : '';
  const title = run ? `**${mdText(session.title)}**` : mdText(session.title);
  const status = session.status ? ` (${STATUS_WORDS[session.status]})` : '';
  const logged = session.logged ? ` Logged: ${mdText(session.logged)}.` : '';
  return `${title}${minutes}${status} | ${mdText(session.details)}${run ? ` Rules: ${session.rules.join(', ')}.` : ''}${logged} |\n`;
}

/** What a row's rest shows of its session: a run's rules, and a logged session's status and note. */
function rowRestKey(session: Session): KeyPart[] {
  const run = session.runMinutes > 0;
  return ['row', session.title, session.minutes, session.details, run, run ? session.rules.join(', ') : '', session.status ?? '', session.logged ?? ''];
}

/** The exercises whose instructions a plan shows: those its sessions use, rest aside. */
function shownExercises(plan: Plan, exercises: Record<string, Exercise>): Exercise[] {
  const used = new Set<string>();
  for (const week of plan.weeks) for (const session of week.sessions) used.add(session.title);
  return Object.values(exercises).filter((e) => used.has(e.title) && e.kind !== 'rest');
}

/** The instructions depend on which templates' exercises they come from, and which are shown. */
function instructionsKey(cache: RenderCache, exercises: Record<string, Exercise>, shown: Exercise[]): KeyPart[] {
  return ['instructions', cache.idOf(exercises), ...shown.map((e) => e.title)];
}

function instructionsText(shown: Exercise[]): string {
  let text = '## Exercise instructions\n\n';
  for (const exercise of shown) {
    text += `### ${mdText(exercise.title)}\n\n${mdText(exercise.details)}\n\n`;
    if (exercise.steps?.length) text += `${exercise.steps.map((s) => `- ${mdText(s)}\n`).join('')}\n`;
  }
  return text;
}

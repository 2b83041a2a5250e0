// Plan → GitHub-flavoured Markdown: a hand-out for the runner, or from a coach to an athlete.
import { longDate, shortDate, weekdayName } from '../core/dates.js';
import type { Exercise, Plan, Session, SessionStatus, Week } from '../core/types.js';
import { phaseLabel } from './text.js';

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

function escapeMarkdown(text: string): string {
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

export function renderMarkdown(plan: Plan, options: { exercises?: Record<string, Exercise> } = {}): string {
  const out: string[] = [];
  const title = plan.name ? `Return-to-running plan: ${mdText(plan.name)}` : 'Return-to-running plan';
  out.push(`# ${title}`, '');
  if (plan.weeks.length > 0) {
    out.push(`**${longDate(plan.start)} – ${longDate(plan.end)}** · ${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'} · ${plan.runner} runner · template ${mdText(plan.template)}`, '');
  }
  out.push(...triageSection(plan), ...safetyNetSection(plan));

  if (plan.weeks.length > 0) {
    out.push('## Notes', '', ...plan.notes.map((n) => `- ${mdText(n)}`), '');
    for (const week of plan.weeks) out.push(...weekSection(week));
    out.push(...exerciseSection(plan, options.exercises));
  }
  out.push('---', '', `*${mdText(plan.notice)}*`, '');
  return out.join('\n');
}

function triageSection(plan: Plan): string[] {
  const { triage } = plan;
  const lines = [`## Triage: ${triage.level}${triage.cleared && triage.level !== 'clear' ? ' (cleared by a clinician)' : ''}`, ''];
  if (triage.level === 'clear') return [...lines, 'No red-flag symptoms reported.', ''];
  lines.push(...triage.reasons.map((r) => `- ${mdText(r.text)} (${r.level})`), '');
  lines.push(`**${mdText(triage.message)}**`, '');
  return lines;
}

function safetyNetSection(plan: Plan): string[] {
  const net = plan.safetyNet;
  return [
    '## Stop and get help if any of these appear',
    '',
    '**Emergency, same day:**',
    '',
    ...net.emergency.map((t) => `- ${mdText(t)}`),
    '',
    mdText(net.emergencyAction),
    '',
    '**Urgent, stop running:**',
    '',
    ...net.urgent.map((t) => `- ${mdText(t)}`),
    '',
    mdText(net.urgentAction),
    '',
  ];
}

function weekSection(week: Week): string[] {
  return [
    `## ${mdText(`Week ${week.index} · ${shortDate(week.start)} – ${longDate(week.end)} · ${phaseLabel(week)}`)}`,
    '',
    `> **Gate:** ${mdText(week.gate)}`,
    '>',
    `> ${mdText(week.why)}`,
    '',
    '| Date | Day | Session | Details |',
    '| --- | --- | --- | --- |',
    ...week.sessions.map(sessionRow),
    '',
  ];
}

const STATUS_WORDS: Record<SessionStatus, string> = { done: 'done', partial: 'partly done', 'not-done': 'not done', missed: 'missed', 'to-come': 'to come' };

function sessionRow(session: Session): string {
  const day = weekdayName(session.date);
  const minutes = session.minutes > 0 ? ` (${session.minutes} min)` : '';
  const title = session.runMinutes > 0 ? `**${mdText(session.title)}**` : mdText(session.title);
  const rules = session.runMinutes > 0 ? ` Rules: ${session.rules.join(', ')}.` : '';
  const status = session.status ? ` (${STATUS_WORDS[session.status]})` : '';
  const logged = session.logged ? ` Logged: ${mdText(session.logged)}.` : '';
  return `| ${session.date} | ${day.charAt(0).toUpperCase()}${day.slice(1)} | ${title}${minutes}${status} | ${mdText(session.details)}${rules}${logged} |`;
}

function exerciseSection(plan: Plan, exercises: Record<string, Exercise> | undefined): string[] {
  if (!exercises) return [];
  const used = new Set(plan.weeks.flatMap((w) => w.sessions.map((s) => s.title)));
  const lines = ['## Exercise instructions', ''];
  for (const exercise of Object.values(exercises)) {
    if (!used.has(exercise.title) || exercise.kind === 'rest') continue;
    lines.push(`### ${mdText(exercise.title)}`, '', mdText(exercise.details), '');
    if (exercise.steps?.length) lines.push(...exercise.steps.map((s) => `- ${mdText(s)}`), '');
  }
  return lines;
}

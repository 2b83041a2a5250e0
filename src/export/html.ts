// Plan → one self-contained HTML page: read on a phone, or printed and stuck on the fridge, where
// each session's tick box makes the paper a log. It holds all the Markdown holds (triage, the
// safety net, each week's gate and why, each session's rules, the exercise instructions).
import { longDate, shortDate } from '../core/dates.js';
import type { Exercise, Plan, Session, SessionStatus, Week } from '../core/types.js';
import { STOP_RULE_START } from '../core/sessions.js';
import { htmlPage, htmlText, userText } from './htmlPage.js';
import { weekHeading } from './text.js';
import { sessionLength } from './sessionLength.js';
import { clearedNote } from './clearedNote.js';

export interface HtmlOptions {
  /** The templates' exercises, for the instructions at the end. */
  exercises?: Record<string, Exercise>;
}

export function renderHtml(plan: Plan, options: HtmlOptions = {}): string {
  const title = plan.name ? `Return-to-running plan: ${plan.name}` : 'Return-to-running plan';
  let body = `<header>\n<h1>Return-to-running plan${plan.name ? `: ${userText(plan.name)}` : ''}</h1>\n`;
  if (plan.weeks.length > 0) {
    const weeks = `${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'}`;
    const span = `${longDate(plan.start)} – ${longDate(plan.end)}`;
    body += `<p class="meta">${span} · ${weeks} · ${plan.runner} runner · template ${htmlText(plan.template)}</p>\n`;
  }
  body += '</header>\n';
  body += withheldBanner(plan);
  body += `<p class="notice">${htmlText(plan.notice)}</p>\n`;
  body += triageSection(plan);
  body += safetyNetSection(plan);
  if (plan.weeks.length > 0) {
    const notes = plan.notes.map((n) => `<li>${htmlText(n)}</li>\n`).join('');
    body += `<section class="notes">\n<h2>Notes</h2>\n<ul>\n${notes}</ul>\n</section>\n`;
    // A withheld plan holds what may be done while waiting for a clinician, but nothing to tick off.
    const tick = !plan.triage.withheld;
    const printed = new Set<string>();
    for (const week of plan.weeks) body += weekSection(week, tick, printed);
    if (options.exercises) body += glossary(plan, options.exercises);
  }
  return htmlPage({ title, kind: 'plan', body });
}

/** At the very top of a withheld plan: no plan, or no running, and why. */
function withheldBanner(plan: Plan): string {
  if (!plan.triage.withheld) return '';
  const heading = plan.triage.level === 'emergency' ? 'No plan: get emergency care today' : 'No running in this plan';
  const message = `<p>${htmlText(plan.triage.message)}</p>\n`;
  return `<section class="alert withheld" id="withheld">\n<h2>${heading}</h2>\n${message}</section>\n`;
}

function triageSection(plan: Plan): string {
  const { triage } = plan;
  const cleared = clearedNote(triage);
  const heading = `<h2>Triage: ${triage.level}${cleared}</h2>\n`;
  if (triage.level === 'clear')
    return `<section class="triage">\n${heading}<p>No red-flag symptoms reported.</p>\n</section>\n`;
  const reasons = triage.reasons.map((r) => `<li>${htmlText(r.text)} (${r.level})</li>\n`).join('');
  const box = triage.level === 'caution' ? 'alert caution' : 'alert';
  const message = `<p><strong>${htmlText(triage.message)}</strong></p>\n`;
  return `<section class="triage ${box}">\n${heading}<ul>\n${reasons}</ul>\n${message}</section>\n`;
}

/** The red-flag safety net (R-SAFE-1), in the same words as every other output. */
export function safetyNetSection(plan: Plan): string {
  const net = plan.safetyNet;
  const list = (items: string[]) => `<ul>\n${items.map((t) => `<li>${htmlText(t)}</li>\n`).join('')}</ul>\n`;
  const action = (text: string) => `<p><strong>${htmlText(text)}</strong></p>\n`;
  return (
    '<section class="safety" id="safety-net">\n' +
    '<h2>Stop and get help if any of these appear</h2>\n<div class="cols">\n' +
    `<div>\n<h3>Emergency, same day:</h3>\n${list(net.emergency)}${action(net.emergencyAction)}</div>\n` +
    `<div>\n<h3>Urgent, stop running:</h3>\n${list(net.urgent)}${action(net.urgentAction)}</div>\n` +
    '</div>\n</section>\n'
  );
}

/**
 * `printed`: the sentences of run descriptions already on paper. Runs share most of their
 * description from week to week; the page prints a sentence the first time only, the screen
 * shows each session's full description.
 */
function weekSection(week: Week, tick: boolean, printed: Set<string>): string {
  let out = `<section class="week" id="week-${week.index}">\n<h2>${htmlText(weekHeading(week))}</h2>\n`;
  out += `<p class="gate">Gate: ${htmlText(week.gate)}</p>\n<p class="why">${htmlText(week.why)}</p>\n`;
  // On paper a run's description is printed once a week, not on every run day.
  const runs = new Map<string, Session>();
  for (const session of week.sessions) {
    const key = `${session.details}\u0000${session.rules.join()}`;
    if (session.runMinutes > 0 && !runs.has(key)) runs.set(key, session);
  }
  for (const run of runs.values()) {
    // R-WEEK-2: the stop rule is printed with every week's runs, however often it was before.
    const fresh = run.details
      .split(/(?<=\.)\s+/)
      .filter((sentence) => sentence.startsWith(STOP_RULE_START) || !printed.has(sentence));
    for (const sentence of fresh) printed.add(sentence);
    const how = fresh.length > 0 ? `${htmlText(fresh.join(' '))} ` : '';
    const rules = `Rules: ${run.rules.map(htmlText).join(', ')}.`;
    out += `<p class="how"><strong>${htmlText(run.title)}:</strong> ${how}${rules}</p>\n`;
  }
  out += '<ol class="days">\n';
  for (const [date, sessions] of byDate(week.sessions)) {
    out += `<li class="day"><time datetime="${date}">${shortDate(date)}</time>\n<ul class="sessions">\n`;
    for (const session of sessions) out += sessionItem(session, tick);
    out += '</ul>\n</li>\n';
  }
  return `${out}</ol>\n</section>\n`;
}

function byDate(sessions: Session[]): Map<string, Session[]> {
  const days = new Map<string, Session[]>();
  for (const session of sessions) {
    const day = days.get(session.date);
    if (day) day.push(session);
    else days.set(session.date, [session]);
  }
  return days;
}

const STATUS_WORDS: Record<SessionStatus, string> = {
  done: 'done',
  partial: 'partly done',
  'not-done': 'not done',
  missed: 'missed',
  'to-come': 'to come',
};

function sessionItem(session: Session, tick: boolean): string {
  const run = session.runMinutes > 0;
  const ticked = session.status === 'done' || session.status === 'partial' ? ` ${session.status}` : '';
  const box = tick ? `<span class="box${ticked}"></span>` : '';
  let out = `<li class="session ${run ? 'run' : htmlText(session.kind)}">${box}`;
  out += `<span class="title">${htmlText(session.title)}</span>`;
  if (session.minutes > 0) out += ` <span class="min">${sessionLength(session, '\u00a0')}</span>`;
  if (session.status) out += ` <span class="status">(${STATUS_WORDS[session.status]})</span>`;
  if (run) out += ` <span class="rules">Rules: ${session.rules.map(htmlText).join(', ')}</span>`;
  out += `<span class="details">${htmlText(session.details)}</span>`;
  if (session.logged) out += `<span class="details logged">Logged: ${userText(session.logged)}</span>`;
  return `${out}</li>\n`;
}

/** The instructions of each exercise the plan uses, as in the Markdown. */
function glossary(plan: Plan, exercises: Record<string, Exercise>): string {
  const used = new Set<string>();
  for (const week of plan.weeks) for (const session of week.sessions) used.add(session.title);
  const shown = Object.values(exercises).filter((e) => used.has(e.title) && e.kind !== 'rest');
  if (shown.length === 0) return '';
  let out = '<section class="glossary" id="exercises">\n<h2>Exercise instructions</h2>\n';
  for (const exercise of shown) {
    out += `<div class="exercise">\n<h3>${htmlText(exercise.title)}</h3>\n<p>${htmlText(exercise.details)}</p>\n`;
    if (exercise.steps?.length)
      out += `<ul class="steps">\n${exercise.steps.map((s) => `<li>${htmlText(s)}</li>\n`).join('')}</ul>\n`;
    out += '</div>\n';
  }
  return `${out}</section>\n`;
}

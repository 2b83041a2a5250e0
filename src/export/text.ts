// Plan → terminal text, readable at 80 columns.
import { longDate, shortDate } from '../core/dates.js';
import type { Exercise, NextSession, Plan, Session, SessionStatus, Triage, Week } from '../core/types.js';
import { PLAIN, terminalSafe, wrap, type Style } from './style.js';
import { clearedNote } from './clearedNote.js';

const DEFAULT_WIDTH = 80;
const DAY_COLUMN = '              '; // width of "  Mon 23 Nov  "

export function phaseLabel(week: Pick<Week, 'phase' | 'level' | 'lighter'>): string {
  const base = {
    settle: 'settle (no running)',
    'walk-run': `walk/run level ${week.level ?? ''}`.trim(),
    continuous: 'continuous running',
    rebuild: 'rebuild',
    maintain: week.level ? `maintain at walk/run level ${week.level}` : 'maintain',
  }[week.phase];
  return week.lighter ? `${base} · lighter week` : base;
}

export function weekHeading(week: Week): string {
  // A week across the new year names both years: "Mon 28 Dec 2026 – Sun 3 Jan 2027".
  const from = week.start.slice(0, 4) === week.end.slice(0, 4) ? shortDate(week.start) : longDate(week.start);
  return `Week ${week.index} · ${from} – ${longDate(week.end)} · ${phaseLabel(week)}`;
}

export interface TextOptions {
  style?: Style;
  exercises?: Record<string, Exercise>;
  /** Columns to wrap to (default 80). */
  width?: number;
  /** A line before the title: `show` answers "what do I do today?" there. */
  lead?: string;
  /** Only these weeks, with a line saying how to see the rest (default: every week, and the exercise notes). */
  weeks?: readonly Week[];
}

export function renderText(plan: Plan, options: TextOptions = {}): string {
  const s = options.style ?? PLAIN;
  const WIDTH = options.width ?? DEFAULT_WIDTH;
  const out: string[] = [];
  if (options.lead) out.push(...wrap(options.lead, WIDTH, '  ', ''));
  const title = plan.name ? `Return-to-running plan · ${terminalSafe(plan.name)}` : 'Return-to-running plan';
  out.push(s.bold(title));
  if (plan.weeks.length > 0) {
    const span = `${longDate(plan.start)} – ${longDate(plan.end)} · ${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'}`;
    out.push(span, `${plan.runner} runner · template ${plan.template}`);
  }
  out.push('');
  out.push(...triageBlock(plan.triage, s, WIDTH));

  if (plan.weeks.length > 0) {
    out.push('', s.bold('Notes'));
    for (const note of plan.notes) out.push(...wrap(note, WIDTH, '    ', '  • '));
    const shown = options.weeks ?? plan.weeks;
    for (const week of shown) out.push('', ...weekBlock(week, s, WIDTH));
    if (options.weeks) out.push('', ...wrap(restOfPlan(plan, shown), WIDTH, '  ', ''));
    else out.push(...exerciseNotes(plan, options.exercises, s, WIDTH));
  }
  out.push('', ...safetyNetBlock(plan, s, WIDTH));
  out.push('', ...wrap(plan.notice, WIDTH, '', '').map((l) => s.dim(l)));
  return out.join('\n') + '\n';
}

/** The weeks from today's on: this week and next (before the plan starts, its first two). */
export function weeksAhead(plan: Plan, count = 2): Week[] {
  const from = plan.weeks.findIndex((w) => w.end >= plan.today);
  return from === -1 ? plan.weeks.slice(-count) : plan.weeks.slice(from, from + count);
}

/** Where the weeks not shown are: `backplan show --all`. */
function restOfPlan(plan: Plan, shown: readonly Week[]): string {
  const hidden = plan.weeks.filter((w) => !shown.includes(w)).map((w) => w.index);
  const which =
    hidden.length === 0
      ? 'The exercise notes'
      : `${hidden.length === 1 ? `Week ${hidden[0]}` : `Weeks ${hidden[0]}–${hidden.at(-1)}`} and the exercise notes`;
  return `${which}: "backplan show --all".`;
}

/** A title in a few words: "Walk/run L1", "Easy run 20 min", "Core routine". */
export function shortTitle(title: string): string {
  const [first, second] = title.split(' · ');
  return second !== undefined && !/\d/.test(first!) ? `${first} ${second}` : first!;
}

export interface TodayParts {
  today: string;
  /** The plan's first and last day; unset when there is no plan (an emergency). */
  span: { start: string; end: string } | null;
  /** The day's sessions (rest days hold none, or one of kind rest). */
  sessions: readonly Pick<Session, 'title' | 'runMinutes' | 'kind' | 'status'>[];
  /** progress.next: the one next session checkin, status and show name (R-LOG-1). */
  next: NextSession | null;
  /** The planned session after today's, when today's is the next one. */
  after: Pick<Session, 'date' | 'title'> | null;
  stopped: boolean;
}

/** "What do I do today?" in a line: today's session (or rest), then the next one. */
export function todayLine(parts: TodayParts): string {
  const { today, span, next, after } = parts;
  const head = `Today, ${shortDate(today)}: `;
  if (!span) return `${head}no plan to follow; see below.`;
  if (today > span.end) return `${head}the plan ended ${shortDate(span.end)}; nothing more is planned.`;
  const run = parts.sessions.find((x) => x.runMinutes > 0);
  const others = parts.sessions.filter((x) => x.kind !== 'rest' && x.runMinutes === 0).map((x) => x.title);
  let what: string;
  if (today < span.start) what = `the plan starts ${shortDate(span.start)}`;
  else if (run)
    what = `${shortTitle(run.title)}${run.status && run.status !== 'to-come' ? `, ${STATUS_WORDS[run.status]}` : ''}`;
  else if (others.length > 0) what = others.join(', ');
  else what = 'rest';
  if (parts.stopped) return `${head}${what}; running is stopped until a clinician clears you.`;
  if (!next) return `${head}${what}; nothing more is planned.`;
  if (next.date === today)
    return `${head}${what}${after ? `; then ${shortDate(after.date)}, ${shortTitle(after.title)}` : ''}.`;
  return `${head}${what}; next: ${shortDate(next.date)}, ${shortTitle(next.title)}.`;
}

const STATUS_WORDS: Record<SessionStatus, string> = {
  done: 'done',
  partial: 'partly done',
  'not-done': 'not done',
  missed: 'missed',
  'to-come': 'to come',
};

/** The parts of todayLine from a plan as replayed and its progress.next. */
export function todayOfPlan(plan: Plan, next: NextSession | null, stopped: boolean): TodayParts {
  const sessions = plan.weeks.flatMap((w) => w.sessions);
  const after =
    next?.date === plan.today ? (sessions.find((x) => x.date > plan.today && x.runMinutes > 0) ?? null) : null;
  return {
    today: plan.today,
    span: plan.weeks.length > 0 ? { start: plan.start, end: plan.end } : null,
    sessions: sessions.filter((x) => x.date === plan.today),
    next,
    after,
    stopped,
  };
}

function triageBlock(triage: Triage, s: Style, WIDTH: number): string[] {
  if (triage.level === 'clear') return [s.green('Triage: clear. No red-flag symptoms reported.')];
  const colour = triage.level === 'caution' ? s.yellow : s.red;
  const lines = [colour(s.bold(`Triage: ${triage.level.toUpperCase()}${clearedNote(triage)}`))];
  for (const reason of triage.reasons) lines.push(...wrap(`${reason.text} [${reason.level}]`, WIDTH, '    ', '  - '));
  lines.push(...wrap(triage.message, WIDTH, '  ', '  ').map((l) => colour(l)));
  return lines;
}

function weekBlock(week: Week, s: Style, WIDTH: number): string[] {
  const lines = wrap(weekHeading(week), WIDTH, '  ', '').map((l) => s.bold(s.cyan(l)));
  lines.push(...wrap(`Gate: ${week.gate}`, WIDTH, '        ', '  '));
  lines.push(...wrap(`Why: ${week.why}`, WIDTH, '       ', '  ').map((l) => s.dim(l)));
  const byDate = new Map<string, Session[]>();
  for (const session of week.sessions) byDate.set(session.date, [...(byDate.get(session.date) ?? []), session]);
  let shownDetails = '';
  for (const [date, sessions] of byDate) {
    const day = `  ${shortDate(date).padEnd(10)}  `;
    const runs = sessions.filter((x) => x.runMinutes > 0);
    const others = sessions.filter((x) => x.runMinutes === 0);
    let first = true;
    const lead = () => {
      const text = first ? day : DAY_COLUMN;
      first = false;
      return text;
    };
    for (const run of runs) {
      lines.push(lead() + s.bold(run.title) + (run.status ? `  ${statusMark(run.status, s)}` : ''));
      if (run.logged)
        lines.push(...wrap(`Logged: ${run.logged}`, WIDTH, DAY_COLUMN + '  ', DAY_COLUMN + '  ').map((l) => s.cyan(l)));
      // The week's runs share their description; print it again only when it changes.
      if (run.details !== shownDetails) {
        lines.push(...wrap(run.details, WIDTH, DAY_COLUMN + '  ', DAY_COLUMN + '  '));
        lines.push(
          ...wrap(`Rules: ${run.rules.join(', ')}`, WIDTH, DAY_COLUMN + '    ', DAY_COLUMN + '  ').map((l) => s.dim(l)),
        );
        shownDetails = run.details;
      }
    }
    if (others.length > 0) {
      const summary = others.map((x) => (x.minutes > 0 ? `${x.title} ${x.minutes} min` : x.title)).join(' · ');
      const prefix = runs.length > 0 ? '+ ' : '';
      const head = lead();
      lines.push(...wrap(prefix + summary, WIDTH, DAY_COLUMN + (prefix ? '  ' : ''), head));
      const logged = runs.length === 0 ? others.find((x) => x.logged)?.logged : undefined;
      if (logged) lines.push(...wrap(`Logged: ${logged}`, WIDTH, DAY_COLUMN + '  ', DAY_COLUMN).map((l) => s.cyan(l)));
    }
  }
  return lines;
}

/** A run's status once the runner keeps a log: ✓ done, ◐ partly, ✗ not done or missed, · to come. */
export function statusMark(status: SessionStatus, s: Style): string {
  switch (status) {
    case 'done':
      return s.green('✓ done');
    case 'partial':
      return s.yellow('◐ partly done');
    case 'not-done':
      return s.red('✗ not done');
    case 'missed':
      return s.red('✗ missed');
    default:
      return s.dim('· to come');
  }
}

function exerciseNotes(plan: Plan, exercises: Record<string, Exercise> | undefined, s: Style, WIDTH: number): string[] {
  if (!exercises) return [];
  const used = new Set(plan.weeks.flatMap((w) => w.sessions.map((x) => x.title)));
  const lines = ['', s.bold('Exercise notes')];
  for (const exercise of Object.values(exercises)) {
    if (!used.has(exercise.title) || exercise.kind === 'rest') continue;
    lines.push(...wrap(`${exercise.title}: ${exercise.details}`, WIDTH, '    ', '  '));
    for (const step of exercise.steps ?? []) lines.push(...wrap(step, WIDTH, '      ', '    - '));
  }
  return lines;
}

function safetyNetBlock(plan: Plan, s: Style, WIDTH: number): string[] {
  const net = plan.safetyNet;
  const lines = [s.bold('Stop and get help if any of these appear (R-SAFE-1)')];
  lines.push(s.red('  Emergency, same day:'));
  for (const text of net.emergency) lines.push(...wrap(text, WIDTH, '      ', '    - '));
  lines.push(...wrap(net.emergencyAction, WIDTH, '      ', '    → '));
  lines.push(s.yellow('  Urgent, stop running:'));
  for (const text of net.urgent) lines.push(...wrap(text, WIDTH, '      ', '    - '));
  lines.push(...wrap(net.urgentAction, WIDTH, '      ', '    → '));
  return lines;
}

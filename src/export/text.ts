// Plan → terminal text, readable at 80 columns.
import { longDate, shortDate } from '../core/dates.js';
import type { Exercise, Plan, Session, SessionStatus, Triage, Week } from '../core/types.js';
import { PLAIN, terminalSafe, wrap, type Style } from './style.js';

const WIDTH = 80;
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
  return `Week ${week.index} · ${shortDate(week.start)} – ${longDate(week.end)} · ${phaseLabel(week)}`;
}

export interface TextOptions {
  style?: Style;
  exercises?: Record<string, Exercise>;
}

export function renderText(plan: Plan, options: TextOptions = {}): string {
  const s = options.style ?? PLAIN;
  const out: string[] = [];
  const title = plan.name ? `Return-to-running plan · ${terminalSafe(plan.name)}` : 'Return-to-running plan';
  out.push(s.bold(title));
  if (plan.weeks.length > 0) {
    const span = `${longDate(plan.start)} – ${longDate(plan.end)} · ${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'}`;
    out.push(span, `${plan.runner} runner · template ${plan.template}`);
  }
  out.push('');
  out.push(...triageBlock(plan.triage, s));

  if (plan.weeks.length > 0) {
    out.push('', s.bold('Notes'));
    for (const note of plan.notes) out.push(...wrap(note, WIDTH, '    ', '  • '));
    for (const week of plan.weeks) out.push('', ...weekBlock(week, s));
    out.push(...exerciseNotes(plan, options.exercises, s));
  }
  out.push('', ...safetyNetBlock(plan, s));
  out.push('', ...wrap(plan.notice, WIDTH, '', '').map((l) => s.dim(l)));
  return out.join('\n') + '\n';
}

function triageBlock(triage: Triage, s: Style): string[] {
  if (triage.level === 'clear') return [s.green('Triage: clear. No red-flag symptoms reported.')];
  const colour = triage.level === 'caution' ? s.yellow : s.red;
  const lines = [colour(s.bold(`Triage: ${triage.level.toUpperCase()}${triage.cleared ? ' (cleared by a clinician)' : ''}`))];
  for (const reason of triage.reasons) lines.push(...wrap(`${reason.text} [${reason.level}]`, WIDTH, '    ', '  - '));
  lines.push(...wrap(triage.message, WIDTH, '  ', '  ').map((l) => colour(l)));
  return lines;
}

function weekBlock(week: Week, s: Style): string[] {
  const lines = [s.bold(s.cyan(weekHeading(week)))];
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
      if (run.logged) lines.push(...wrap(`Logged: ${run.logged}`, WIDTH, DAY_COLUMN + '  ', DAY_COLUMN + '  ').map((l) => s.cyan(l)));
      // The week's runs share their description; print it again only when it changes.
      if (run.details !== shownDetails) {
        lines.push(...wrap(run.details, WIDTH, DAY_COLUMN + '  ', DAY_COLUMN + '  '));
        lines.push(s.dim(`${DAY_COLUMN}  Rules: ${run.rules.join(', ')}`));
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
    case 'done': return s.green('✓ done');
    case 'partial': return s.yellow('◐ partly done');
    case 'not-done': return s.red('✗ not done');
    case 'missed': return s.red('✗ missed');
    default: return s.dim('· to come');
  }
}

function exerciseNotes(plan: Plan, exercises: Record<string, Exercise> | undefined, s: Style): string[] {
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

function safetyNetBlock(plan: Plan, s: Style): string[] {
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

// The usual week of a plan, for the Markdown hand-out: most weeks hold the same sessions on the
// same days and differ only in their runs, so their days are printed once and each such week
// names its runs and their dates. A week that differs, or holds anything logged, keeps its table.
import { daysBetween } from '../core/dates.js';
import type { Plan, Week } from '../core/types.js';

export interface UsualWeek {
  /** A week whose days are these, with the dates of its first such week: the usual week's table. */
  example: Week;
  /** Whether a week's days are the usual week's (then its table is left out). */
  follows(week: Week): boolean;
}

/** The days most weeks share, when at least two weeks share them; null otherwise. */
export function usualWeek(plan: Plan): UsualWeek | null {
  const patterns = plan.weeks.map(dayPattern);
  const counts = new Map<string, number>();
  for (const p of patterns) if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: string | null = null;
  for (const [pattern, count] of counts)
    if (count >= 2 && count > (best === null ? 0 : counts.get(best)!)) best = pattern;
  if (best === null) return null;
  const followers = new Set(plan.weeks.filter((_, i) => patterns[i] === best));
  return { example: plan.weeks[patterns.indexOf(best)]!, follows: (week) => followers.has(week) };
}

/**
 * A week's days without their dates and runs: each day by its place in the week, each session by
 * its title, a run as "run". Null for a week with a status or a note logged, which keeps its table.
 */
function dayPattern(week: Week): string | null {
  if (week.sessions.length === 0 || week.sessions.some((s) => s.status !== undefined || s.logged !== undefined)) {
    return null;
  }
  // Each date's place in the week, worked out once a date (batch makes this for every week).
  let pattern = '';
  let date = '';
  for (const s of week.sessions) {
    if (s.date !== date) pattern += `\u0001${daysBetween(week.start, (date = s.date))}`;
    pattern += `\u0000${s.runMinutes > 0 ? 'run' : `${s.kind} ${s.title}`}`;
  }
  return pattern;
}

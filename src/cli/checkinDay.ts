// What `checkin` names in its first question: the session planned for the day, or, on a day
// without one, the nearest: a planned run not logged yet, or the next session (progress.next, the
// one answer to "what comes next" that checkin, status and show share: R-LOG-1).
import { daysBetween } from '../core/dates.js';
import type { Replanned } from '../core/replay.js';
import type { Session } from '../core/types.js';

export interface NamedSession {
  date: string;
  title: string;
}

export type PlannedDay =
  | { kind: 'session'; session: NamedSession }
  /** `nearest.past`: a run before the day not logged yet, which can be logged now. */
  | { kind: 'none'; date: string; nearest: (NamedSession & { past: boolean }) | null };

const withMinutes = (s: Session): string => (s.minutes > 0 ? `${s.title} ${s.minutes} min` : s.title);

export function plannedDay({ plan, progress }: Replanned, date: string): PlannedDay {
  const sessions = plan.weeks.flatMap((w) => w.sessions);
  const onDay = sessions.filter((s) => s.date === date);
  const run = onDay.find((s) => s.runMinutes > 0);
  if (run) return { kind: 'session', session: { date, title: run.title } };
  // A week without running (settle, or waiting for a clinician): its walks and exercises are the session.
  const week = plan.weeks.find((w) => w.start <= date && date <= w.end);
  const others = onDay.filter((s) => s.kind !== 'rest');
  if (week && week.runMinutes === 0 && others.length > 0)
    return { kind: 'session', session: { date, title: others.map(withMinutes).join(' · ') } };

  const missed = sessions.filter((s) => s.runMinutes > 0 && s.date < date && s.status === 'missed').at(-1);
  const next = progress.next && progress.next.date > date ? progress.next : null;
  const back = missed ? daysBetween(missed.date, date) : Infinity;
  const ahead = next ? daysBetween(date, next.date) : Infinity;
  if (missed && back <= ahead)
    return { kind: 'none', date, nearest: { date: missed.date, title: missed.title, past: true } };
  return { kind: 'none', date, nearest: next ? { date: next.date, title: next.title, past: false } : null };
}

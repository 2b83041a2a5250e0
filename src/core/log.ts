// The runner's log as the replay reads it: by day, sessions with their next-morning pain folded
// in, pain at rest logged on its own, and clearances.
import { addDays, daysBetween } from './dates.js';
import type { CheckIn } from './types.js';

/** What the log holds for one day, in the order the replay reads it. */
export interface DayLog {
  /** Pain at rest logged on its own: a next-morning entry, a rest entry, or a session's next-morning pain the day before. */
  rest: number[];
  sessions: CheckIn[];
  cleared: boolean;
}

/** The log up to today by date: sessions (with next-morning pain logged on its own folded in), rest pain, clearances. */
export function daysOf(log: readonly CheckIn[], today: string): Map<string, DayLog> {
  const known = log.filter((e) => e.date <= today);
  const sessions = known.filter((e) => e.completed !== undefined).map((e) => ({ ...e }));
  sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const days = new Map<string, DayLog>();
  const day = (date: string): DayLog => {
    let found = days.get(date);
    if (!found) days.set(date, (found = { rest: [], sessions: [], cleared: false }));
    return found;
  };
  for (const session of sessions) {
    day(session.date).sessions.push(session);
    // A next-morning pain given with the session is pain at rest the day after (R-PAIN-5).
    if (session.nextMorning !== undefined) day(addDays(session.date, 1)).rest.push(session.nextMorning);
  }
  for (const entry of known) {
    if (entry.morning && entry.nextMorning !== undefined) {
      const session = sessionBeforeMorning(sessions, entry.date);
      if (session) session.nextMorning = entry.nextMorning;
      day(entry.date).rest.push(entry.nextMorning);
    }
    if (entry.restPain !== undefined && entry.completed === undefined) day(entry.date).rest.push(entry.restPain);
    if (entry.cleared) day(entry.date).cleared = true;
  }
  return days;
}

/** The session a next-morning pain belongs to: the last one logged the day before (or two, after a late night). */
export function sessionBeforeMorning<T extends CheckIn>(sessions: readonly T[], date: string): T | undefined {
  return sessions.filter((s) => s.date < date && daysBetween(s.date, date) <= 2).at(-1);
}

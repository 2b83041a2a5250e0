// The runner's log as the replay reads it, day by day: what the runner logged on each day, in the
// order it was logged, after the morning's pain (a next-morning entry, or a next-morning pain given
// with the day before's session).
import { addDays } from './dates.js';
import type { CheckIn } from './types.js';
import { withFields } from './copy.js';

export type DayEvent =
  /**
   * Pain at rest (R-PAIN-5), with any symptom logged beside it: logged on its own, or a session's
   * next-morning pain (`morning`, which the session's own record already shows).
   */
  | { kind: 'rest'; pain: number; symptoms: readonly string[]; morning: boolean }
  /** Symptoms logged on a day without a session or a pain. */
  | { kind: 'symptoms'; symptoms: readonly string[] }
  | { kind: 'session'; session: CheckIn }
  | { kind: 'cleared' };

/** What the log holds for one day, in the order the replay reads it. */
export interface DayLog {
  events: DayEvent[];
  /** The day's session check-ins. */
  sessions: number;
}

/**
 * The log up to today by date. Sessions carry the next-morning pain logged on its own the day
 * after. Within a day the morning's pain comes first, then the entries in the order they were
 * logged: a pain at rest logged after the day's session is the day's latest.
 */
export function daysOf(log: readonly CheckIn[], today: string): Map<string, DayLog> {
  const known = log.filter((e) => e.date <= today);
  const byDate = known
    .filter((e) => e.completed !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Two next-morning pains for one session (one given with it, one logged on its own): the worse counts.
  const worseMorning = new Map<CheckIn, number>();
  const nextMorningOf = (session: CheckIn) => worseMorning.get(session) ?? session.nextMorning;
  const building = new Map<string, { mornings: DayEvent[]; events: DayEvent[]; sessions: number }>();
  const dayAt = (date: string) => {
    let day = building.get(date);
    if (!day) building.set(date, (day = { mornings: [], events: [], sessions: 0 }));
    return day;
  };
  const sessionEvents: { kind: 'session'; session: CheckIn }[] = [];
  for (const entry of known) {
    if (entry.completed !== undefined) {
      const event = { kind: 'session' as const, session: entry };
      sessionEvents.push(event);
      const day = dayAt(entry.date);
      day.events.push(event);
      day.sessions += 1;
      // A next-morning pain given with the session is pain at rest the day after (R-PAIN-5).
      const nextMorning = nextMorningOf(entry);
      if (nextMorning !== undefined)
        dayAt(addDays(entry.date, 1)).mornings.push({ kind: 'rest', pain: nextMorning, symptoms: [], morning: true });
    } else if (entry.morning && entry.nextMorning !== undefined) {
      const session = sessionBeforeMorning(byDate, entry.date);
      if (session) worseMorning.set(session, Math.max(nextMorningOf(session) ?? 0, entry.nextMorning));
      const symptoms = entry.symptoms ?? [];
      dayAt(entry.date).mornings.push({
        kind: 'rest',
        pain: entry.nextMorning,
        symptoms,
        morning: session !== undefined,
      });
    } else if (entry.restPain !== undefined) {
      const symptoms = entry.symptoms ?? [];
      dayAt(entry.date).events.push({ kind: 'rest', pain: entry.restPain, symptoms, morning: false });
    } else if (entry.cleared) {
      dayAt(entry.date).events.push({ kind: 'cleared' });
    } else if (entry.symptoms?.length) {
      dayAt(entry.date).events.push({ kind: 'symptoms', symptoms: entry.symptoms });
    }
  }
  // The session with the worse pain the morning after, as a copy: the log stays as logged.
  for (const event of sessionEvents) {
    const worse = worseMorning.get(event.session);
    if (worse !== undefined && worse !== event.session.nextMorning)
      event.session = withFields(event.session, { nextMorning: worse });
  }
  // A symptom logged for a day after today (a clock in another time zone, a hand edit) counts from
  // today: a red flag is never left out of the plan for being early.
  for (const entry of log)
    if (entry.date > today && (entry.symptoms?.length ?? 0) > 0)
      dayAt(today).events.push({ kind: 'symptoms', symptoms: entry.symptoms! });
  const days = new Map<string, DayLog>();
  for (const [date, { mornings, events, sessions }] of building)
    days.set(date, { events: mornings.length > 0 ? [...mornings, ...events] : events, sessions });
  return days;
}

/** The session a next-morning pain belongs to: the last one logged the day before (or two, after a late night). */
export function sessionBeforeMorning<T extends CheckIn>(sessions: readonly T[], date: string): T | undefined {
  const earliest = addDays(date, -2);
  return sessions.findLast((s) => s.date < date && s.date >= earliest);
}

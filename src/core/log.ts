// The runner's log as the replay reads it, day by day: what the runner logged on each day, in the
// order it was logged, after the morning's pain (a next-morning entry, or a next-morning pain given
// with the day before's session).
import { addDays } from './dates.js';
import type { CheckIn } from './types.js';

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
  const sessions = known.filter((e) => e.completed !== undefined).map((e) => ({ ...e }));
  const byDate = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const mornings = new Map<string, DayEvent[]>();
  const entries = new Map<string, DayEvent[]>();
  const push = (map: Map<string, DayEvent[]>, date: string, event: DayEvent) => {
    const events = map.get(date);
    if (events) events.push(event);
    else map.set(date, [event]);
  };
  let next = 0;
  for (const entry of known) {
    if (entry.completed !== undefined) {
      const session = sessions[next++]!;
      push(entries, entry.date, { kind: 'session', session });
      // A next-morning pain given with the session is pain at rest the day after (R-PAIN-5).
      if (session.nextMorning !== undefined)
        push(mornings, addDays(session.date, 1), {
          kind: 'rest',
          pain: session.nextMorning,
          symptoms: [],
          morning: true,
        });
    } else if (entry.morning && entry.nextMorning !== undefined) {
      const session = sessionBeforeMorning(byDate, entry.date);
      // Two next-morning pains for one session (one given with it, one logged on its own): the worse counts.
      if (session) session.nextMorning = Math.max(session.nextMorning ?? 0, entry.nextMorning);
      const symptoms = entry.symptoms ?? [];
      push(mornings, entry.date, { kind: 'rest', pain: entry.nextMorning, symptoms, morning: session !== undefined });
    } else if (entry.restPain !== undefined) {
      push(entries, entry.date, { kind: 'rest', pain: entry.restPain, symptoms: entry.symptoms ?? [], morning: false });
    } else if (entry.cleared) {
      push(entries, entry.date, { kind: 'cleared' });
    } else if (entry.symptoms?.length) {
      push(entries, entry.date, { kind: 'symptoms', symptoms: entry.symptoms });
    }
  }
  const days = new Map<string, DayLog>();
  for (const [date, events] of mornings) days.set(date, { events, sessions: 0 });
  for (const [date, events] of entries) {
    const day = days.get(date);
    if (day) day.events.push(...events);
    else days.set(date, { events, sessions: 0 });
  }
  for (const day of days.values()) day.sessions = day.events.filter((e) => e.kind === 'session').length;
  return days;
}

/** The session a next-morning pain belongs to: the last one logged the day before (or two, after a late night). */
export function sessionBeforeMorning<T extends CheckIn>(sessions: readonly T[], date: string): T | undefined {
  const earliest = addDays(date, -2);
  return sessions.findLast((s) => s.date < date && s.date >= earliest);
}

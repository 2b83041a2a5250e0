// Section 2b of domain.md: patterns in the log that turn into the urgent level (R-ESC-1..3), and the
// reminder a caution plan owes the runner (R-ESC-4); with R-PAIN-5, pain at rest that keeps runs off.
// LogWatch keeps what the replay needs to see the patterns; the functions word them and say who to
// see and how soon.
import { highestPain } from './checkin.js';
import { addDays, daysBetween, shortDate } from './dates.js';
import type { Stage } from './progression.js';
import { DOCTOR_FIRST_CAUTIONS, findSymptom } from './symptoms.js';
import type { CheckIn, DecisionKind, Rules, Triage, TriageReason } from './types.js';

export type EscalationRule = 'R-ESC-1' | 'R-ESC-2' | 'R-ESC-3';

/** The triage reason each pattern raises: an urgent flag that a clearance lifts. */
export function escalationReason(rule: EscalationRule, pattern: string): TriageReason {
  if (rule === 'R-ESC-3') {
    const symptom = findSymptom('not-improving')!;
    return { id: symptom.id, level: 'urgent', text: `${symptom.text} (${pattern})`, referral: REFERRAL[rule] };
  }
  return {
    id: rule === 'R-ESC-1' ? 'severe-logged-pain' : 'recurring-pain',
    level: 'urgent',
    text: pattern,
    referral: REFERRAL[rule],
  };
}

/** Who to see and how soon, by pattern. */
export const REFERRAL: Record<EscalationRule, string> = {
  'R-ESC-1':
    'See a doctor or physical therapist within a day or two; if numbness, weakness or bladder trouble appears, get emergency care.',
  'R-ESC-2':
    'Book a doctor or physical therapist within the week: pain that keeps coming back needs an assessment, not more of the plan.',
  'R-ESC-3':
    'Book a doctor (GP) or physical therapist: after 4 weeks without improvement the cause needs a closer look.',
};

/** The decision text: the pattern in plain words, who to see, and how running resumes. */
export function escalationText(rule: EscalationRule, pattern: string, resumeAt: string): string {
  return (
    `Stop running: ${pattern} (${rule}). ${REFERRAL[rule]} Walking, gentle mobility and the core routine meanwhile; ` +
    `once a clinician has cleared you, log "backplan checkin --cleared" and running resumes at ${resumeAt}.`
  );
}

/** R-ESC-1 in words: "pain of 8/10 after the run on Mon 23 Nov". */
function severePainPattern(pain: number, when: string, date: string): string {
  return `pain of ${pain}/10 ${when} on ${shortDate(date)}`;
}

/** R-ESC-2 in words, for a second drop-back or a row of setbacks. */
function recurringPattern(kind: 'drop-backs' | 'setbacks', dates: readonly string[], rules: Rules): string {
  const days = dates.map(shortDate);
  const listed = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : days.join('');
  return kind === 'drop-backs'
    ? `a second drop-back within ${rules.repeatDropBackDays} days, pain of ${rules.dropBackPain} or more on ${listed}`
    : `${dates.length} setbacks in a row (holds or drop-backs on ${listed})`;
}

/**
 * R-ESC-4 in the plan's notes: the reminder once it is due, else the day it will be. The triage's
 * referral says when to book; the reminder never reads as leave to wait until then.
 */
export function cautionNote(cautionSince: string, today: string, rules: Rules, triage: Triage): string {
  const due = addDays(cautionSince, rules.cautionReminderDays);
  return due <= today
    ? cautionReminder(today, cautionSince, rules, triage)!
    : `Book the assessment the triage names within the time it gives. If the caution signs are still there on ${shortDate(due)}, every week from then says to book it now (R-ESC-4).`;
}

/** R-ESC-4 in the triage every output carries: once due, the caution message says to book the assessment now. */
export function withCautionReminder(triage: Triage, cautionSince: string | null, today: string, rules: Rules): Triage {
  if (triage.level !== 'caution' || triage.cleared) return triage;
  const reminder = cautionReminder(today, cautionSince, rules, triage);
  return reminder ? { ...triage, message: `${triage.message} ${reminder}` } : triage;
}

/** R-ESC-4: the reminder a week carries once a caution sign has been reported for the configured days. */
export function cautionReminder(
  weekStart: string,
  cautionSince: string | null,
  rules: Rules,
  triage: Triage,
): string | null {
  if (cautionSince === null || weekStart < addDays(cautionSince, rules.cautionReminderDays)) return null;
  // Section 5b: some caution signs go to a doctor first, the rest to a physical therapist.
  const who = triage.reasons.some((r) => r.level === 'caution' && DOCTOR_FIRST_CAUTIONS.includes(r.id))
    ? 'a doctor (GP) first'
    : 'a physical therapist, or a gait analysis';
  const weeks = Math.floor(daysBetween(cautionSince, weekStart) / 7);
  return (
    `The caution signs have lasted ${weeks} weeks (since ${shortDate(cautionSince)}): book the assessment now, ` +
    `with ${who}; the plan stays in the walk/run phase without it (R-ESC-4).`
  );
}

/** A pattern in the log that stops running until a clearance. */
export interface Found {
  rule: EscalationRule;
  pattern: string;
}

/**
 * What the replay needs to remember of the log to see its patterns: pain drop-backs and setbacks
 * (R-ESC-2), every pain logged (R-ESC-1, R-ESC-3), pain at rest (R-PAIN-5) and how long a caution
 * sign has been reported (R-ESC-4). A clearance starts the counters again.
 */
export class LogWatch {
  /** R-PAIN-5: the latest pain at rest logged, and the first day of the run of days it has been 3 or more. */
  restPain: { date: string; value: number } | null = null;
  restHighSince: string | null = null;
  /** R-ESC-4: since when a caution sign has been reported and not cleared. */
  cautionSince: string | null = null;
  private dropBacks: string[] = [];
  private setbacks: string[] = [];
  private readonly pains: { date: string; pain: number }[] = [];
  /** R-ESC-3: where the runner stood at the start or the last clearance; whether anything was logged since. */
  private anchor: { date: string; stage: Stage };
  private loggedSinceAnchor = false;

  constructor(
    private readonly rules: Rules,
    start: string,
    stage: Stage,
  ) {
    this.anchor = { date: start, stage };
  }

  /** R-ESC-1 and R-ESC-2 after a session's decision: the pattern that stops running, if any. */
  afterSession(date: string, session: CheckIn, kind: DecisionKind, stopped: boolean): Found | null {
    const pain = highestPain(session);
    if (pain !== null) this.pains.push({ date, pain });
    this.loggedSinceAnchor = true;
    if (kind === 'stop' || kind === 'stop-running') return null;
    if (kind === 'drop-back') this.dropBacks.push(date);
    if (kind === 'drop-back' || kind === 'hold') this.setbacks.push(date);
    if (kind === 'clean' || kind === 'advance') this.setbacks = [];
    if (stopped) return null;
    if (pain !== null && pain >= this.rules.escalationPain) {
      return { rule: 'R-ESC-1', pattern: severePainPattern(pain, whenOf(session, pain), date) };
    }
    const recent = this.dropBacks.filter((d) => daysBetween(d, date) <= this.rules.repeatDropBackDays);
    if (kind === 'drop-back' && recent.length >= 2)
      return { rule: 'R-ESC-2', pattern: recurringPattern('drop-backs', recent, this.rules) };
    if (this.setbacks.length >= this.rules.setbacksInRow)
      return { rule: 'R-ESC-2', pattern: recurringPattern('setbacks', this.setbacks, this.rules) };
    return null;
  }

  /** R-PAIN-5: pain at rest logged; says when it starts keeping runs off ('high') and when it stops ('eased'). */
  restPainLogged(date: string, pain: number): 'high' | 'eased' | null {
    this.restPain = { date, value: pain };
    const high = pain >= this.rules.painThreshold;
    if (high && this.restHighSince === null) {
      this.restHighSince = date;
      return 'high';
    }
    if (!high && this.restHighSince !== null) {
      this.restHighSince = null;
      return 'eased';
    }
    return null;
  }

  /** R-ESC-1 for pain at rest logged on its own. */
  severeAtRest(date: string, pain: number): Found | null {
    this.pains.push({ date, pain });
    // Pain at rest of 2 or more (R-ESC-3's own line) is a sign to judge; a single 0 is not.
    if (pain >= NOT_IMPROVING_PAIN) this.loggedSinceAnchor = true;
    return pain >= this.rules.escalationPain
      ? { rule: 'R-ESC-1', pattern: severePainPattern(pain, 'at rest', date) }
      : null;
  }

  /** R-PAIN-5: the days in a row of pain at rest of 3 or more, once they reach the configured number; else null. */
  restPainDays(date: string): number | null {
    if (this.restHighSince === null) return null;
    const days = daysBetween(this.restHighSince, date) + 1;
    return days >= this.rules.restPainDaysToSettle ? days : null;
  }

  /**
   * R-ESC-3: the configured days after the start (or the last clearance), a runner no further on
   * than then, or whose weekly pain is no lower than in the first week logged and still 2 or more,
   * is not improving. Choice: only a runner who has logged a session since then is judged, and
   * "no further on" does not count for one who started at the highest the plan allows.
   */
  notImproving(date: string, now: Stage, startedAtTop: boolean, where: (stage: Stage) => string): Found | null {
    const days = daysBetween(this.anchor.date, date);
    if (days < this.rules.notImprovingDays) return null;
    // Worded only when a pattern is found: most days find none.
    const elapsed = () => `${days} days since ${shortDate(this.anchor.date)}`;
    // Both halves judge a runner who logged a session or a pain since the anchor: pain at rest on
    // its own counts, as a runner stuck in the settle phase logs nothing else.
    if (this.loggedSinceAnchor && !startedAtTop && notAhead(now, this.anchor.stage)) {
      return { rule: 'R-ESC-3', pattern: `${elapsed()} and no further on than ${where(this.anchor.stage)}` };
    }
    // Only pains since the anchor count: the first week logged since then, and the last 7 days
    // (all after the anchor, as notImprovingDays is at least 7).
    const lately = averagePain(this.pains, addDays(date, -6), date);
    // Most days: no need to look back to the first week.
    if (lately === null || lately < NOT_IMPROVING_PAIN) return null;
    const firstDate = this.pains.find((p) => p.date >= this.anchor.date)?.date;
    const first = firstDate ? averagePain(this.pains, firstDate, addDays(firstDate, 6)) : null;
    if (first !== null && lately >= first) {
      return {
        rule: 'R-ESC-3',
        pattern: `${elapsed()}, and pain this week (average ${lately.toFixed(1)}/10) no lower than in the first week logged (${first.toFixed(1)}/10)`,
      };
    }
    return null;
  }

  /** Where the runner stood when R-ESC-3 started counting. */
  get start(): Stage {
    return this.anchor.stage;
  }

  /** A clearance: the escalation counters start again from here; a caution sign no longer counts. */
  clear(date: string, stage: Stage): void {
    this.dropBacks = [];
    this.setbacks = [];
    this.anchor = { date, stage };
    this.loggedSinceAnchor = false;
    this.cautionSince = null;
  }
}

/** R-ESC-3: weekly pain at or above this, no lower than in the first week, is not improving. */
const NOT_IMPROVING_PAIN = 2;

/** The average of the pains logged from one date to another, both included; null when none was. */
function averagePain(pains: readonly { date: string; pain: number }[], from: string, to: string): number | null {
  let [total, count] = [0, 0];
  for (const p of pains) {
    if (p.date < from || p.date > to) continue;
    total += p.pain;
    count += 1;
  }
  return count > 0 ? total / count : null;
}

/** How far along a stage is, for R-ESC-3's "no further on than where they started". */
function rankOf(stage: Stage): [number, number] {
  if (stage.phase === 'settle') return [0, 0];
  if (stage.phase === 'walk-run') return [1, stage.index];
  return [2, stage.weekly];
}

function notAhead(now: Stage, start: Stage): boolean {
  const [a, b] = [rankOf(now), rankOf(start)];
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
}

/** Which pain of a session reached a number, in words. */
function whenOf(session: CheckIn, pain: number): string {
  if (session.painDuring === pain) return 'during the session';
  if (session.painAfter === pain) return 'after the session';
  if (session.nextMorning === pain) return 'the morning after the session';
  return 'at rest before the session';
}

// Section 2b of domain.md: patterns in the log that turn into the urgent level (R-ESC-1..3), and the
// reminder a caution plan owes the runner (R-ESC-4). The replay finds the patterns; this module
// words them and says who to see and how soon.
import { addDays, shortDate } from './dates.js';
import { findSymptom } from './symptoms.js';
import type { Rules, TriageReason } from './types.js';

export type EscalationRule = 'R-ESC-1' | 'R-ESC-2' | 'R-ESC-3';

/** The triage reason each pattern raises: an urgent flag that a clearance lifts. */
export function escalationReason(rule: EscalationRule, pattern: string): TriageReason {
  if (rule === 'R-ESC-3') {
    const symptom = findSymptom('not-improving')!;
    return { id: symptom.id, level: 'urgent', text: `${symptom.text} (${pattern})`, referral: REFERRAL[rule] };
  }
  return { id: rule === 'R-ESC-1' ? 'severe-logged-pain' : 'recurring-pain', level: 'urgent', text: pattern, referral: REFERRAL[rule] };
}

/** Who to see and how soon, by pattern. */
export const REFERRAL: Record<EscalationRule, string> = {
  'R-ESC-1': 'See a doctor or physical therapist within a day or two; if numbness, weakness or bladder trouble appears, get emergency care.',
  'R-ESC-2': 'Book a doctor or physical therapist within the week: pain that keeps coming back needs an assessment, not more of the plan.',
  'R-ESC-3': 'Book a doctor (GP) or physical therapist: after 4 weeks without improvement the cause needs a closer look.',
};

/** The decision text: the pattern in plain words, who to see, and how running resumes. */
export function escalationText(rule: EscalationRule, pattern: string, resumeAt: string): string {
  return (
    `Stop running: ${pattern} (${rule}). ${REFERRAL[rule]} Walking, gentle mobility and the core routine meanwhile; ` +
    `once a clinician has cleared you, log "backplan checkin --cleared" and running resumes at ${resumeAt}.`
  );
}

/** R-ESC-1 in words: "pain of 8/10 after the run on Mon 23 Nov". */
export function severePainPattern(pain: number, when: string, date: string): string {
  return `pain of ${pain}/10 ${when} on ${shortDate(date)}`;
}

/** R-ESC-2 in words, for a second drop-back or a row of setbacks. */
export function recurringPattern(kind: 'drop-backs' | 'setbacks', dates: readonly string[], rules: Rules): string {
  const days = dates.map(shortDate);
  const listed = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : days.join('');
  return kind === 'drop-backs'
    ? `a second drop-back within ${rules.repeatDropBackDays} days, pain of ${rules.dropBackPain} or more on ${listed}`
    : `${dates.length} setbacks in a row (holds or drop-backs on ${listed})`;
}

/** R-ESC-4 in the plan's notes: the reminder once it is due, else the day it will be. */
export function cautionNote(cautionSince: string, today: string, rules: Rules): string {
  const due = addDays(cautionSince, rules.cautionReminderDays);
  return due <= today
    ? cautionReminder(today, cautionSince, rules)!
    : `If the caution signs are still there on ${shortDate(due)}, book the assessment then: from that week on the plan says so every week (R-ESC-4).`;
}

/** R-ESC-4: the reminder a week carries once a caution sign has been reported for the configured days. */
export function cautionReminder(weekStart: string, cautionSince: string | null, rules: Rules): string | null {
  if (cautionSince === null || weekStart < addDays(cautionSince, rules.cautionReminderDays)) return null;
  return (
    `The caution signs have lasted ${Math.round(rules.cautionReminderDays / 7)} weeks: book the assessment now ` +
    '(a physical therapist, or a gait analysis); the plan stays in the walk/run phase without it (R-ESC-4).'
  );
}

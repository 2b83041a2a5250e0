// The runner's saved answers, for the commands that write them (init, edit): reading an existing
// athlete file, keeping its log inside the plan, and the answers in a few lines of words.
import { longDate } from '../core/dates.js';
import { findSymptom } from '../core/symptoms.js';
import type { Intake } from '../core/types.js';
import { terminalSafe, wrap } from '../export/style.js';
import { readAthlete, type AthleteFile } from '../store/athlete.js';

/**
 * A start date that keeps the log inside the plan: with check-ins logged, the start they were
 * made against (the replay reads the log from the plan's start on; a later start would orphan it).
 */
export function startKeepsLog(existing: AthleteFile | undefined, start: string): true | string {
  if (!existing || existing.log.length === 0) return true;
  const saved = existing.intake.start;
  const first = existing.log.reduce((a, e) => (e.date < a ? e.date : a), existing.log[0]!.date);
  if (saved === undefined ? start <= first : start === saved) return true;
  const count = `${existing.log.length} check-in${existing.log.length === 1 ? '' : 's'}`;
  return `the log holds ${count} from ${longDate(first)} on, logged against the plan ${saved ? `that starts ${longDate(saved)}` : 'as it was'}; moving the start would leave them outside the plan${saved ? ` (keep ${saved})` : ''}`;
}

export function readIfValid(path: string): AthleteFile | undefined {
  try {
    return readAthlete(path);
  } catch {
    return undefined;
  }
}

/** The answers in a few lines, in words (symptoms as the checklist says them), wrapped to `width`. */
export function summary(intake: Intake, defaultRunDays: number, width = 80): string {
  const unit = intake.units === 'min' ? 'min' : intake.units;
  const symptoms = intake.symptoms.map((id) => findSymptom(id)?.text ?? id);
  const parts = [
    [
      intake.name ? terminalSafe(intake.name) : '',
      `pain at rest ${intake.pain}/10`,
      symptoms.length ? `symptoms: ${symptoms.join('; ')}` : 'no symptoms ticked',
      intake.cleared ? 'cleared by a clinician' : '',
    ],
    [
      `running now: ${intake.weekly} ${unit} a week on ${intake.runsPerWeek ?? defaultRunDays} days`,
      `before the pain: ${intake.goalWeekly} ${unit} a week`,
    ],
    [
      `${intake.runner} runner${intake.age ? `, age ${intake.age}` : ''}`,
      `starts ${longDate(intake.start!)}`,
      `run days: ${intake.days?.join(', ') ?? 'backplan chooses'}`,
    ],
  ];
  const lines = [
    'Your answers',
    ...parts.flatMap((line) => wrap(line.filter(Boolean).join(' · '), width, '    ', '  ')),
  ];
  return lines.join('\n');
}

// The `backplan init` questions. The only file that imports the prompt library; the flow itself
// talks to a Prompter, so tests can answer it without a terminal.
import { nextMondayAfter } from '../core/dates.js';
import { isIsoDate } from '../core/isoDate.js';
import { SYMPTOMS } from '../core/symptoms.js';
import type { CheckIn, Completed, WarmupSoreness } from '../core/types.js';
import type { IntakeInput } from '../intake/schema.js';
import { pace as parsePace } from './options.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
}

export interface Prompter {
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(question: { message: string; default: boolean }): Promise<boolean>;
  checkbox<T extends string>(question: { message: string; choices: Choice<T>[] }): Promise<T[]>;
  select<T extends string>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
}

/** The prompts of @inquirer/prompts behind the Prompter interface, loaded only when asked for. */
export async function inquirerPrompter(): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  return {
    input: (q) => prompts.input({ message: q.message, default: q.default, validate: q.validate }),
    confirm: (q) => prompts.confirm(q),
    checkbox: (q) => prompts.checkbox({ message: q.message, choices: q.choices, pageSize: 20, loop: false }),
    select: (q) => prompts.select({ message: q.message, choices: q.choices, default: q.default, loop: false }),
  };
}

const whole = (min: number, max: number) => (value: string): true | string =>
  /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max ? true : `Type a whole number from ${min} to ${max}.`;
const amount = (min = 0) => (value: string): true | string =>
  /^\d+(\.\d+)?$/.test(value.trim()) && Number(value) >= min && Number(value) <= 10_000 ? true : `Type a number${min > 0 ? ` of at least ${min}` : ''}, like 20 or 12.5.`;
const easyPace = (value: string): true | string => {
  try {
    parsePace(value);
    return true;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
const optional = (check: (value: string) => true | string) => (value: string): true | string => (value.trim() === '' ? true : check(value));

const UNIT_WORDS = { km: 'km', mi: 'miles', min: 'minutes' } as const;

export type WizardOutcome = { kind: 'answers'; intake: Partial<IntakeInput> } | { kind: 'emergency'; symptoms: string[] };

/**
 * Asks every question whose answer is not already in `known` (from flags), in plain words, each
 * validated as it is typed. Stops at once when an emergency symptom is ticked (R-TRIAGE-1).
 */
export async function askIntake(ask: Prompter, known: Partial<IntakeInput>, today: string): Promise<WizardOutcome> {
  const answers: Partial<IntakeInput> = { ...known };

  if (answers.name === undefined) {
    const name = (await ask.input({ message: 'Your name (optional, shown on the plan):', validate: (v) => (v.length <= 120 ? true : 'Keep it under 120 characters.') })).trim();
    if (name) answers.name = name;
  }
  answers.pain ??= Number(await ask.input({ message: 'How much does your back hurt right now, at rest? (0 = not at all, 10 = worst)', validate: whole(0, 10) }));

  if (answers.symptoms === undefined) {
    answers.symptoms = await ask.checkbox({
      message: 'Do you have any of these now? Tick all that apply (space to tick, enter when done).',
      choices: SYMPTOMS.map((s) => ({ value: s.id, name: s.text })),
    });
  }
  const emergency = answers.symptoms.filter((id) => SYMPTOMS.find((s) => s.id === id)?.level === 'emergency');
  if (emergency.length > 0) return { kind: 'emergency', symptoms: emergency };

  if (answers.weekly === undefined) {
    const running = await ask.confirm({ message: 'Are you running at the moment?', default: false });
    answers.units ??= await askUnits(ask);
    answers.weekly = running
      ? Number(await ask.input({ message: `How much a week, in ${UNIT_WORDS[answers.units]}?`, validate: amount(0.1) }))
      : 0;
  }
  const units = (answers.units ??= await askUnits(ask));
  const unitWord = UNIT_WORDS[units];
  answers.runsPerWeek ??= Number(await ask.input({ message: 'On how many days a week do you run (or want to)?', default: '3', validate: whole(1, 7) }));
  if (answers.longestRun === undefined && (answers.weekly ?? 0) > 0) {
    const longest = await ask.input({ message: `Your longest run in the last 30 days, in ${unitWord} (optional):`, validate: optional(amount(0.1)) });
    if (longest.trim()) answers.longestRun = Number(longest);
  }
  const current = answers.weekly ?? 0;
  answers.goalWeekly ??= Number(await ask.input({
    message: `How much did you run a week before the pain, in ${unitWord}? (the plan never goes above it)`,
    validate: (v) => {
      const ok = amount(0.1)(v);
      if (ok !== true) return ok;
      return Number(v) >= current ? true : `That is less than you run now (${current}); give your usual week before the pain.`;
    },
  }));

  if (answers.pace === undefined && units !== 'min') {
    const pace = await ask.input({
      message:
        `Your easy running pace, as min:sec per ${units === 'mi' ? 'mile' : 'km'} (optional; without it backplan ` +
        'assumes a fast pace, so it never plans more than the distance you named):',
      validate: optional(easyPace),
    });
    if (pace.trim()) answers.pace = parsePace(pace);
  }

  if (answers.age === undefined) {
    // R-TRIAGE-2: pain when arching backwards is a red flag under 20, so the age is needed then.
    const needed = answers.archingPain === true;
    const age = await ask.input({
      message: needed
        ? 'Your age (needed: pain when arching backwards means something else under 20):'
        : 'Your age (optional; some warning signs depend on it):',
      validate: needed ? whole(5, 110) : optional(whole(5, 110)),
    });
    if (age.trim()) answers.age = Number(age);
  }
  if (answers.age !== undefined && answers.age >= 50 && answers.firstEpisode === undefined) {
    answers.firstEpisode = await ask.confirm({ message: 'Is this the first time you have had back pain?', default: false });
  }
  if (answers.age !== undefined && answers.age < 20 && answers.archingPain === undefined) {
    answers.archingPain = await ask.confirm({ message: 'Does it hurt when you arch your back backwards?', default: false });
  }

  answers.runner ??= await ask.select<'beginner' | 'distance' | 'returning'>({
    message: 'Which sounds most like you?',
    choices: [
      { value: 'beginner', name: 'Beginner: newer to running' },
      { value: 'distance', name: 'Distance runner: used to longer runs' },
      { value: 'returning', name: 'Returning: older, or back after an injury or a long break' },
    ],
  });
  answers.start ??= await ask.input({
    message: 'Start the plan on (YYYY-MM-DD):',
    default: nextMondayAfter(today),
    validate: (v) => (isIsoDate(v.trim()) ? true : 'Type a real date as YYYY-MM-DD, e.g. 2026-12-07.'),
  });
  if (answers.days === undefined) {
    const days = await ask.checkbox({
      message: 'Preferred running days (optional; none ticked lets backplan choose):',
      choices: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => ({ value: d, name: d.charAt(0).toUpperCase() + d.slice(1) })),
    });
    if (days.length > 0) answers.days = days;
  }

  const urgent = answers.symptoms.some((id) => SYMPTOMS.find((s) => s.id === id)?.level === 'urgent') || (answers.age !== undefined && answers.age < 20 && answers.archingPain === true);
  if (urgent && answers.cleared === undefined) {
    answers.cleared = await ask.confirm({
      message: 'Some of what you ticked needs a doctor or physical therapist first. Has one examined you and cleared you to run?',
      default: false,
    });
  }
  answers.start = answers.start.trim();
  return { kind: 'answers', intake: answers };
}

function askUnits(ask: Prompter): Promise<'km' | 'mi' | 'min'> {
  return ask.select({
    message: 'How do you count your running?',
    choices: [
      { value: 'km', name: 'Kilometres' },
      { value: 'mi', name: 'Miles' },
      { value: 'min', name: 'Minutes' },
    ],
  });
}

/**
 * The `backplan checkin` questions for one session: each answer not already given by a flag.
 * Stops asking once an emergency symptom is ticked; the check-in then records it and stops the plan.
 */
export async function askCheckIn(ask: Prompter, known: Partial<CheckIn>): Promise<Partial<CheckIn>> {
  const answers: Partial<CheckIn> = { ...known };
  const pain = async (message: string) => Number(await ask.input({ message: `${message} (0 = none, 10 = worst)`, validate: whole(0, 10) }));
  if (answers.completed === undefined) {
    const done = await ask.select<Completed | 'rest'>({
      message: 'Did you do the session?',
      choices: [
        { value: 'yes', name: 'Yes, all of it' },
        { value: 'partial', name: 'Part of it' },
        { value: 'no', name: 'No' },
        { value: 'rest', name: 'There was no session: log how my back feels at rest' },
      ],
    });
    // R-PAIN-5: pain at rest on a day without a session.
    if (done === 'rest') return { ...answers, restPain: await pain('Back pain at rest now?') };
    answers.completed = done;
  }
  answers.painBefore ??= await pain('Back pain at rest before the session?');
  if (answers.completed !== 'no') {
    answers.painDuring ??= await pain('Worst back pain during the session?');
    answers.painAfter ??= await pain('Back pain just after?');
    answers.warmup ??= await ask.select<WarmupSoreness>({
      message: 'Any soreness in the warm-up?',
      choices: [
        { value: 'none', name: 'None' },
        { value: 'eased', name: 'Some, and it eased as I warmed up' },
        { value: 'stayed', name: 'Some, and it did not ease' },
      ],
    });
  }
  if (answers.symptoms === undefined) {
    answers.symptoms = await ask.checkbox({
      message: 'Anything new since your last check-in? Tick all that apply (space to tick, enter when done).',
      choices: SYMPTOMS.map((s) => ({ value: s.id, name: s.text })),
    });
    if (answers.symptoms.some((id) => SYMPTOMS.find((s) => s.id === id)?.level === 'emergency')) return answers;
  }
  if (answers.note === undefined) {
    const note = (await ask.input({ message: 'A note (optional):', validate: (v) => (v.length <= 2000 ? true : 'Keep it under 2000 characters.') })).trim();
    if (note) answers.note = note;
  }
  return answers;
}

// The `backplan init` questions. The only file that imports the prompt library; the flow itself
// talks to a Prompter, so tests can answer it without a terminal.
import { nextMondayAfter, shortDate } from '../core/dates.js';
import { isIsoDate } from '../core/isoDate.js';
import { SYMPTOMS } from '../core/symptoms.js';
import type { CheckIn, Completed, WarmupSoreness } from '../core/types.js';
import type { IntakeInput } from '../intake/schema.js';
import type { PlannedDay } from './checkinDay.js';
import { pace as parsePace, parseAmount } from './options.js';
import { WEEKDAYS } from '../core/choices.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
  /** Ticked already (a checkbox's saved answer). */
  checked?: boolean;
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
    confirm: (q) => strictConfirm(prompts.input, q),
    checkbox: (q) => prompts.checkbox({ message: q.message, choices: q.choices, pageSize: 20, loop: false }),
    select: (q) => prompts.select({ message: q.message, choices: q.choices, default: q.default, loop: false }),
  };
}

/**
 * A yes/no question that asks again on anything but y, yes, n or no (inquirer's own confirm takes
 * a typo such as "ues" as the default). Enter alone gives the default.
 */
async function strictConfirm(
  input: typeof import('@inquirer/prompts').input,
  q: { message: string; default: boolean },
): Promise<boolean> {
  const answer = await input({
    message: `${q.message} ${q.default ? '(Y/n)' : '(y/N)'}`,
    validate: (v) =>
      yesNo(v, q.default) === undefined ? 'Type y or n (or press Enter for ' + (q.default ? 'yes' : 'no') + ').' : true,
    transformer: (v, { isFinal }) => (isFinal ? (yesNo(v, q.default) ? 'Yes' : 'No') : v),
  });
  return yesNo(answer, q.default)!;
}

/** y, yes, n, no in any case, or nothing for the default; undefined for anything else. */
export function yesNo(value: string, fallback: boolean): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'y' || v === 'yes') return true;
  if (v === 'n' || v === 'no') return false;
  return undefined;
}

const whole =
  (min: number, max: number) =>
  (value: string): true | string =>
    /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max
      ? true
      : `Type a whole number from ${min} to ${max}.`;
/** An amount in `unit` as typed: "12.5", "12,5", "15km" or "15 km" (the shared parser of the flags). */
const amount =
  (unit: Unit, min = 0) =>
  (value: string): true | string => {
    const parsed = parseAmount(value);
    const hint = `Type a number${min > 0 ? ` of at least ${min}` : ''}, like 20 or 12.5.`;
    if (typeof parsed === 'string') return `${parsed} ${hint}`;
    if (parsed.unit !== undefined && parsed.unit !== unit)
      return `That is in ${UNIT_WORDS[parsed.unit]}; this question is in ${UNIT_WORDS[unit]}.`;
    return parsed.value >= min ? true : hint;
  };
/** The number of an answer `amount` accepted. */
const amountOf = (value: string): number => (parseAmount(value) as { value: number }).value;
type Unit = 'km' | 'mi' | 'min';
const easyPace = (value: string): true | string => {
  try {
    parsePace(value);
    return true;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
const optional =
  (check: (value: string) => true | string) =>
  (value: string): true | string =>
    value.trim() === '' ? true : check(value);

const UNIT_WORDS = { km: 'km', mi: 'miles', min: 'minutes' } as const;

export type WizardOutcome =
  { kind: 'answers'; intake: Partial<IntakeInput> } | { kind: 'emergency'; symptoms: string[] };

/**
 * Asks every question whose answer is not already in `known` (from flags), in plain words, each
 * validated as it is typed. `saved` (an athlete file's answers) gives each question its default.
 * Stops at once when an emergency symptom is ticked (R-TRIAGE-1). `checkStart` may refuse a start
 * date (one that would leave logged check-ins outside the plan).
 */
export async function askIntake(
  ask: Prompter,
  known: Partial<IntakeInput>,
  today: string,
  saved: Partial<IntakeInput> = {},
  checkStart: (start: string) => true | string = () => true,
): Promise<WizardOutcome> {
  const answers: Partial<IntakeInput> = { ...known };
  const text = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));

  if (answers.name === undefined) {
    const name = (
      await ask.input({
        message: 'Your name (optional, shown on the plan):',
        default: saved.name,
        validate: (v) => (v.length <= 120 ? true : 'Keep it under 120 characters.'),
      })
    ).trim();
    if (name) answers.name = name;
  }
  answers.pain ??= Number(
    await ask.input({
      message: 'How much does your back hurt right now, at rest? (0 = not at all, 10 = worst)',
      default: text(saved.pain),
      validate: whole(0, 10),
    }),
  );

  if (answers.symptoms === undefined) {
    const ticked = new Set(saved.symptoms ?? []);
    answers.symptoms = await ask.checkbox({
      message: 'Do you have any of these now? Tick all that apply (space to tick, enter when done).',
      choices: SYMPTOMS.map((s) => ({ value: s.id, name: s.text, ...(ticked.has(s.id) ? { checked: true } : {}) })),
    });
  }
  const emergency = answers.symptoms.filter((id) => SYMPTOMS.find((s) => s.id === id)?.level === 'emergency');
  if (emergency.length > 0) return { kind: 'emergency', symptoms: emergency };

  if (answers.weekly === undefined) {
    const running = await ask.confirm({ message: 'Are you running at the moment?', default: (saved.weekly ?? 0) > 0 });
    answers.units ??= await askUnits(ask, saved.units);
    const unit = answers.units;
    answers.weekly = running
      ? amountOf(
          await ask.input({
            message: `How much a week, in ${UNIT_WORDS[unit]}?`,
            default: (saved.weekly ?? 0) > 0 && saved.units === unit ? text(saved.weekly) : undefined,
            validate: amount(unit, 0.1),
          }),
        )
      : 0;
  }
  const units = (answers.units ??= await askUnits(ask, saved.units));
  const unitWord = UNIT_WORDS[units];
  const sameUnits = (saved.units ?? 'km') === units;
  answers.runsPerWeek ??= Number(
    await ask.input({
      message: 'On how many days a week do you run (or want to)?',
      default: text(saved.runsPerWeek) ?? '3',
      validate: whole(1, 7),
    }),
  );
  if (answers.longestRun === undefined && (answers.weekly ?? 0) > 0) {
    const longest = await ask.input({
      message: `Your longest run in the last 30 days, in ${unitWord} (optional):`,
      default: sameUnits ? text(saved.longestRun) : undefined,
      validate: optional(amount(units, 0.1)),
    });
    if (longest.trim()) answers.longestRun = amountOf(longest);
  }
  const current = answers.weekly ?? 0;
  answers.goalWeekly ??= amountOf(
    await ask.input({
      message: `How much did you run a week before the pain, in ${unitWord}? (the plan never goes above it)`,
      default: sameUnits ? text(saved.goalWeekly) : undefined,
      validate: (v) => {
        const ok = amount(units, 0.1)(v);
        if (ok !== true) return ok;
        return amountOf(v) >= current
          ? true
          : `That is less than you run now (${current}); give your usual week before the pain.`;
      },
    }),
  );

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
    // R-TRIAGE-2/3: pain when arching backwards under 20, and a first episode at 50 or over, need the age.
    const needed = answers.archingPain === true || answers.firstEpisode === true;
    const age = await ask.input({
      message:
        answers.archingPain === true
          ? 'Your age (needed: pain when arching backwards means something else under 20):'
          : needed
            ? 'Your age (needed: a first episode of back pain at 50 or over needs a doctor first):'
            : 'Your age (optional; some warning signs depend on it):',
      default: text(saved.age),
      validate: needed ? whole(5, 110) : optional(whole(5, 110)),
    });
    if (age.trim()) answers.age = Number(age);
  }
  if (answers.age !== undefined && answers.age >= 50 && answers.firstEpisode === undefined) {
    answers.firstEpisode = await ask.confirm({
      message: 'Is this the first time you have had back pain?',
      default: saved.firstEpisode ?? false,
    });
  }
  if (answers.age !== undefined && answers.age < 20 && answers.archingPain === undefined) {
    answers.archingPain = await ask.confirm({
      message: 'Does it hurt when you arch your back backwards?',
      default: saved.archingPain ?? false,
    });
  }

  answers.runner ??= await ask.select<'beginner' | 'distance' | 'returning'>({
    message: 'Which sounds most like you?',
    choices: [
      { value: 'beginner', name: 'Beginner: newer to running' },
      { value: 'distance', name: 'Distance runner: used to longer runs' },
      { value: 'returning', name: 'Returning: older, or back after an injury or a long break' },
    ],
    ...(saved.runner ? { default: saved.runner } : {}),
  });
  answers.start ??= await ask.input({
    message: 'Start the plan on (YYYY-MM-DD):',
    default: saved.start ?? nextMondayAfter(today),
    validate: (v) => (isIsoDate(v.trim()) ? checkStart(v.trim()) : 'Type a real date as YYYY-MM-DD, e.g. 2026-12-07.'),
  });
  if (answers.days === undefined) {
    const ticked = new Set(saved.days ?? []);
    const days = await ask.checkbox({
      message: 'Preferred running days (optional; none ticked lets backplan choose):',
      choices: WEEKDAYS.map((d) => ({
        value: d,
        name: d.charAt(0).toUpperCase() + d.slice(1),
        ...(ticked.has(d) ? { checked: true } : {}),
      })),
    });
    if (days.length > 0) answers.days = days;
  }

  const urgent =
    answers.symptoms.some((id) => SYMPTOMS.find((s) => s.id === id)?.level === 'urgent') ||
    (answers.age !== undefined && answers.age < 20 && answers.archingPain === true);
  if (urgent && answers.cleared === undefined) {
    answers.cleared = await ask.confirm({
      message:
        'Some of what you ticked needs a doctor or physical therapist first. Has one examined you and cleared you to run?',
      default: saved.cleared ?? false,
    });
  }
  answers.start = answers.start.trim();
  return { kind: 'answers', intake: answers };
}

function askUnits(ask: Prompter, saved: Unit | undefined): Promise<Unit> {
  return ask.select({
    message: 'How do you count your running?',
    choices: [
      { value: 'km', name: 'Kilometres' },
      { value: 'mi', name: 'Miles' },
      { value: 'min', name: 'Minutes' },
    ],
    ...(saved ? { default: saved } : {}),
  });
}

/**
 * The `backplan checkin` questions for one session: each answer not already given by a flag.
 * Stops asking once an emergency symptom is ticked; the check-in then records it and stops the plan.
 */
export async function askCheckIn(ask: Prompter, known: Partial<CheckIn>, day?: PlannedDay): Promise<Partial<CheckIn>> {
  const answers: Partial<CheckIn> = { ...known };
  const pain = async (message: string) =>
    Number(await ask.input({ message: `${message} (0 = none, 10 = worst)`, validate: whole(0, 10) }));
  const restPain = async () => ({ ...answers, restPain: await pain('Back pain at rest now?') });
  if (answers.completed === undefined && day?.kind === 'none') {
    // No session planned for the day: say so, name the nearest, and offer what can be logged.
    const { nearest } = day;
    const choices: Choice<'nearest' | 'rest' | 'anyway'>[] = [];
    if (nearest?.past)
      choices.push({
        value: 'nearest',
        name: `${shortDate(nearest.date)}'s session, not logged yet: ${nearest.title}`,
      });
    choices.push(
      { value: 'rest', name: 'How my back feels at rest today' },
      { value: 'anyway', name: `A run I did on ${shortDate(day.date)} all the same` },
    );
    const near = !nearest
      ? ''
      : nearest.past
        ? ` The nearest: ${shortDate(nearest.date)}, ${nearest.title}, not logged yet.`
        : ` The next: ${shortDate(nearest.date)}, ${nearest.title}.`;
    const what = await ask.select({
      message: `No session is planned for ${shortDate(day.date)}.${near} What would you like to log?`,
      choices,
    });
    if (what === 'rest') return restPain(); // R-PAIN-5: pain at rest on a day without a session
    if (what === 'nearest')
      return askCheckIn(ask, { ...answers, date: nearest!.date }, { kind: 'session', session: nearest! });
    answers.completed = await ask.select<Completed>({
      message: 'Did you run all of it?',
      choices: [
        { value: 'yes', name: 'Yes, all of it' },
        { value: 'partial', name: 'Part of it' },
      ],
    });
  }
  if (answers.completed === undefined) {
    const done = await ask.select<Completed | 'rest'>({
      message:
        day?.kind === 'session'
          ? `Did you do the session planned for ${shortDate(day.session.date)}: ${day.session.title}?`
          : 'Did you do the session?',
      choices: [
        { value: 'yes', name: 'Yes, all of it' },
        { value: 'partial', name: 'Part of it' },
        { value: 'no', name: 'No' },
        { value: 'rest', name: 'There was no session: log how my back feels at rest' },
      ],
    });
    // R-PAIN-5: pain at rest on a day without a session.
    if (done === 'rest') return restPain();
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
    const note = (
      await ask.input({
        message: 'A note (optional):',
        validate: (v) => (v.length <= 2000 ? true : 'Keep it under 2000 characters.'),
      })
    ).trim();
    if (note) answers.note = note;
  }
  return answers;
}

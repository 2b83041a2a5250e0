// A coach's check-in sheet: one row per check-in, the columns named as the `checkin` flags. A row
// becomes the same entry `checkin` would log with those flags, and is refused for the same reasons.
import { InvalidArgumentError } from 'commander';
import type { CheckIn } from '../core/types.js';
import { isoDate, symptomList, wholeNumber } from '../intake/values.js';
import { checkInSchema } from '../intake/checkin.js';
import type { RecordSpec } from '../roster/read.js';
import { COMPLETED, WARMUP_SORENESS } from '../core/choices.js';

const pain = wholeNumber(0, 10, '2');
const choice =
  (allowed: readonly string[]) =>
  (text: string): string => {
    const value = text.trim().toLowerCase();
    if (!allowed.includes(value)) throw new InvalidArgumentError(`Use one of ${allowed.join(', ')}.`);
    return value;
  };

/** Column → the check-in field it sets and how its text is read (the flag's own parser). */
const COLUMNS: Record<string, { field: keyof CheckIn | 'athlete'; parse: (text: string) => unknown }> = {
  athlete: { field: 'athlete', parse: (t) => t.trim() },
  date: { field: 'date', parse: (t) => isoDate(t.trim()) },
  completed: { field: 'completed', parse: choice(COMPLETED) },
  'pain-before': { field: 'painBefore', parse: pain },
  'pain-during': { field: 'painDuring', parse: pain },
  'pain-after': { field: 'painAfter', parse: pain },
  'next-morning': { field: 'nextMorning', parse: pain },
  'rest-pain': { field: 'restPain', parse: pain },
  'warmup-soreness': { field: 'warmup', parse: choice(WARMUP_SORENESS) },
  symptoms: { field: 'symptoms', parse: (t) => symptomList(t.replace(/;/g, ',')) },
  note: { field: 'note', parse: (t) => t.trim() || undefined },
};

export const SHEET_COLUMNS = Object.keys(COLUMNS);

export const SHEET: RecordSpec = {
  keys: SHEET_COLUMNS,
  aliases: ['symptom'],
  listKey: 'checkins',
  what: 'check-in file',
  example: 'athlete,date,completed,pain-during',
  seeAlso: 'backplan team checkin --help',
};

/** A row's problem, naming its column. */
export class RowError extends Error {
  override name = 'RowError';
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(`${column}: ${message}`);
  }
}

export interface SheetRow {
  /** The athlete's slug (the file name without .yaml), or their name. */
  athlete: string;
  entry: CheckIn;
}

const SESSION_ONLY = ['pain-before', 'pain-during', 'pain-after', 'warmup-soreness'] as const;

/**
 * The check-in a row logs, as `checkin` reads its flags: a session (completed), a next-morning pain
 * on its own (next-morning without completed), or pain at rest on its own (rest-pain).
 */
export function rowEntry(record: Record<string, unknown>): SheetRow {
  const given: Record<string, unknown> = {};
  const columns = new Set<string>();
  for (const [raw, value] of Object.entries(record)) {
    const column = raw.trim().toLowerCase() === 'symptom' ? 'symptoms' : raw.trim().toLowerCase();
    const spec = COLUMNS[column];
    if (!spec) throw new RowError(raw, `unknown column (columns are ${SHEET_COLUMNS.join(', ')})`);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      throw new RowError(column, 'expected a value, not a nested mapping');
    const text = Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value);
    if (text.trim() === '') continue;
    try {
      const parsed = spec.parse(text);
      if (parsed !== undefined) given[spec.field] = parsed;
      columns.add(column);
    } catch (error) {
      throw new RowError(column, error instanceof Error ? error.message : String(error));
    }
  }
  const athlete = given.athlete as string | undefined;
  if (!athlete)
    throw new RowError(
      'athlete',
      'missing: name the athlete by their file name in the team folder (e.g. ana-lopez) or their name',
    );
  if (given.date === undefined) throw new RowError('date', 'missing: the day of the check-in, YYYY-MM-DD');
  const { athlete: _athlete, ...fields } = given;
  return { athlete, entry: entryOf(fields as unknown as CheckIn, columns) };
}

function entryOf(fields: CheckIn, columns: Set<string>): CheckIn {
  const extra = (names: readonly string[]) => names.filter((n) => columns.has(n));
  let entry: CheckIn;
  if (fields.completed !== undefined) {
    if (columns.has('rest-pain'))
      throw new RowError(
        'rest-pain',
        'logs pain at rest on its own; with a session, give the pain at rest before it as pain-before',
      );
    if (fields.completed !== 'no' && fields.painDuring === undefined) {
      throw new RowError('pain-during', 'missing: the worst pain during the session decides what comes next (0-10)');
    }
    entry = fields;
  } else if (fields.restPain !== undefined) {
    const others = extra([...SESSION_ONLY, 'next-morning']);
    if (others.length > 0)
      throw new RowError(
        others[0]!,
        'applies to a session: add completed (yes, partial or no), or log the pain at rest in a row of its own',
      );
    entry = { date: fields.date, restPain: fields.restPain, symptoms: fields.symptoms, note: fields.note };
  } else if (fields.nextMorning !== undefined) {
    const others = extra(SESSION_ONLY);
    if (others.length > 0) throw new RowError(others[0]!, 'applies to a session: add completed (yes, partial or no)');
    entry = {
      date: fields.date,
      morning: true,
      nextMorning: fields.nextMorning,
      symptoms: fields.symptoms,
      note: fields.note,
    };
  } else if ((fields.symptoms?.length ?? 0) > 0) {
    // Symptoms on a day without a session, as `checkin --symptom`: they stop the plan whenever they appear.
    const others = extra(SESSION_ONLY);
    if (others.length > 0) throw new RowError(others[0]!, 'applies to a session: add completed (yes, partial or no)');
    entry = { date: fields.date, symptoms: fields.symptoms, note: fields.note };
  } else {
    throw new RowError(
      'completed',
      'missing: a row logs a session (completed yes, partial or no), a next-morning pain, a rest-pain, or symptoms',
    );
  }
  const parsed = checkInSchema.safeParse(withoutUndefined(entry));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RowError(String(issue.path[0] ?? 'row'), issue.message.replace(/^Invalid input: /, ''));
  }
  return parsed.data;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

const ANSWERS = [
  'completed',
  'painBefore',
  'painDuring',
  'painAfter',
  'nextMorning',
  'warmup',
  'note',
  'morning',
  'restPain',
  'cleared',
] as const;

/**
 * The same check-in, logged already: the same date and the same answers. What `checkin` adds to a
 * session (the level and minutes planned for it, R-LOG-2) is not an answer.
 */
export function sameEntry(a: CheckIn, b: CheckIn): boolean {
  if (a.date !== b.date) return false;
  if (ANSWERS.some((key) => (a[key] ?? undefined) !== (b[key] ?? undefined))) return false;
  const symptoms = (e: CheckIn) => [...(e.symptoms ?? [])].sort().join(',');
  return symptoms(a) === symptoms(b);
}

// The athlete file: the runner's intake and check-in log as YAML. Read with line numbers for
// errors; rewritten through the yaml Document API so comments and keys a user added by hand
// survive; written atomically, the previous version kept as <file>.bak.
//
// The log grows by a line a check-in, and the yaml library takes seconds and hundreds of MB for a
// log of 100,000 (see logLines.ts): the log as backplan writes it is read line by line, and a
// check-in is added as a line, while the rest of the file still goes through the Document API.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Document, isMap, isSeq, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { LAST_PLAN_DATE } from '../core/isoDate.js';
import type { CheckIn } from '../core/types.js';
import { checkInSchema } from '../intake/checkin.js';
import { intakeSchema, type IntakeInput } from '../intake/schema.js';
import { FileError, formatPath, lineOf, parseYaml, readTextFile, validateYaml, type ParsedYaml } from '../yaml/read.js';
import { linkAtomic, writeFailureReason, writeFileAtomic, writeTarget } from './atomic.js';
import { readBounded } from './readBounded.js';
import { entryLine, splitLog, type LogLines } from './logLines.js';

export const ATHLETE_SCHEMA_VERSION = 1;
/** The largest athlete file backplan reads, and so the largest it writes. */
export const MAX_ATHLETE_BYTES = 5 * 1024 * 1024;

const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

const HEADER =
  ' backplan athlete file: your answers to `backplan init`, and your check-ins under log.\n' +
  ' Edit with care; `backplan show` prints the plan they make. Comments you add are kept.';

/** Where the athlete file lives: --file, else $BACKPLAN_FILE, else the XDG data folder. */
export function athletePath(flag: string | undefined, env: Record<string, string | undefined>): string {
  if (flag) return flag;
  if (env.BACKPLAN_FILE) return env.BACKPLAN_FILE;
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'backplan', 'athlete.yaml');
}

const athleteSchema = z.looseObject({
  schemaVersion: z.literal(ATHLETE_SCHEMA_VERSION),
  intake: intakeSchema,
  log: z.array(checkInSchema).nullable().default([]),
});

export interface AthleteFile {
  path: string;
  intake: IntakeInput;
  /** The check-ins, in the order they were logged. */
  log: CheckIn[];
  /** The whole document; or, when `lines` is set, the document of everything but the log. */
  parsed: ParsedYaml;
  /** The log as lines of text, when it was read that way. */
  lines?: LogLines;
}

const HINT = 'Fix that line, or start over with "backplan reset" (the file and its check-ins go).';

/** Reads and validates the athlete file; undefined when there is none. */
export function readAthlete(path: string): AthleteFile | undefined {
  if (!existsSync(path)) return undefined;
  const text = readTextFile(path, MAX_ATHLETE_BYTES, 'an athlete file', HINT);
  const lines = splitLog(path, text);
  if (lines) return fromLines(path, lines);
  const parsed = parseYaml(path, text, HINT);
  checkVersion(path, parsed.doc.get('schemaVersion'));
  if (!isMap(parsed.doc.contents))
    throw new FileError(path, 1, 'expected a YAML mapping with schemaVersion and intake', HINT);
  const data = validateYaml(parsed, athleteSchema, HINT);
  checkDates(() => parsed, data.intake.start);
  return { path, intake: stripDefaults(intakeKeys(parsed), data.intake), log: data.log ?? [], parsed };
}

/** A file whose log is in lines: its head is read as plain data where it can be (see readPlainHead). */
function fromLines(path: string, lines: LogLines): AthleteFile {
  const head = lines.headData ?? (lines.head.doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>);
  checkVersion(path, head.schemaVersion);
  const data = validateSplit(head, lines);
  checkDates(() => lines.head, data.intake.start);
  const keys = lines.headData ? new Set(Object.keys(head.intake as object)) : intakeKeys(lines.head);
  return new LinedAthleteFile(path, stripDefaults(keys, data.intake), data.log ?? [], lines);
}

/** Its document is the head's, made when first asked for; a class for the reason PlainHeadLines is one. */
class LinedAthleteFile implements AthleteFile {
  constructor(
    readonly path: string,
    readonly intake: IntakeInput,
    readonly log: CheckIn[],
    readonly lines: LogLines,
  ) {}

  get parsed(): ParsedYaml {
    return this.lines.head;
  }
}

function checkVersion(path: string, version: unknown): void {
  if (typeof version === 'number' && version > ATHLETE_SCHEMA_VERSION) {
    throw new FileError(
      path,
      null,
      `written by a newer backplan (schemaVersion ${version}; this one reads ${ATHLETE_SCHEMA_VERSION}); the file was left untouched`,
      'Update backplan (npm install -g backplan@latest) to use it.',
    );
  }
}

/** The schema over the head's data and the log's entries; an error in the log names its line. */
function validateSplit(head: Record<string, unknown>, lines: LogLines): z.infer<typeof athleteSchema> {
  const result = athleteSchema.safeParse({ ...head, log: lines.entries });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const line =
    issue.path[0] === 'log' && typeof issue.path[1] === 'number'
      ? lines.firstLine + issue.path[1]
      : lineOf(lines.head, issue.path);
  throw new FileError(
    lines.head.file,
    line,
    `${formatPath(issue.path) || 'file'}: ${issue.message.replace(/^Invalid input: /, '')}`,
    HINT,
  );
}

/** A plan that starts after LAST_PLAN_DATE would run past the last date there is. */
function checkDates(parsed: () => ParsedYaml, start: string | undefined): void {
  if (start === undefined || start <= LAST_PLAN_DATE) return;
  throw new FileError(
    parsed().file,
    lineOf(parsed(), ['intake', 'start']),
    `intake.start: ${start} is too late; a plan must start by ${LAST_PLAN_DATE}, so that it ends before the year 10000`,
    HINT,
  );
}

/** The intake keys the file holds; null when its intake is no mapping. */
function intakeKeys(parsed: ParsedYaml): Set<string> | null {
  const held = parsed.doc.getIn(['intake']);
  if (!isMap(held)) return null;
  return new Set(held.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key)));
}

/** Only the intake fields the file really holds, so flags and defaults can fill in the rest. */
function stripDefaults(keys: Set<string> | null, intake: IntakeInput): IntakeInput {
  if (!keys) return intake;
  return Object.fromEntries(Object.entries(intake).filter(([key]) => keys.has(key))) as IntakeInput;
}

/**
 * Writes the intake to the athlete file. An existing file keeps its comments, its log and any keys
 * a user added; its previous content is saved as <file>.bak first. Read `existing` under the lock.
 */
export function writeAthlete(path: string, intake: IntakeInput, existing?: AthleteFile): void {
  const doc = existing ? existing.parsed.doc : newDocument();
  doc.setIn(['schemaVersion'], ATHLETE_SCHEMA_VERSION);
  const current = doc.getIn(['intake']);
  if (!isMap(current)) doc.setIn(['intake'], doc.createNode({}));
  for (const [key, value] of Object.entries(intake)) {
    if (value === undefined) doc.deleteIn(['intake', key]);
    else doc.setIn(['intake', key], doc.createNode(value, { flow: Array.isArray(value) }));
  }
  for (const key of Object.keys((doc.getIn(['intake']) as { toJSON(): object }).toJSON())) {
    if (!(key in intake) && key in intakeSchema.shape) doc.deleteIn(['intake', key]);
  }
  if (existing?.lines)
    return save(path, `${doc.toString({ lineWidth: 0 })}${existing.lines.log}${existing.lines.tail}`);
  if (!doc.has('log')) doc.set('log', doc.createNode([], { flow: true }));
  save(path, doc.toString({ lineWidth: 0 }));
}

/** Appends check-ins to the log in one write, keeping everything else in the file as it was. */
export function appendCheckIns(athlete: AthleteFile, entries: readonly CheckIn[]): void {
  const { lines } = athlete;
  if (lines) {
    const log = lines.log.endsWith('\n') ? lines.log : `${lines.log}\n`;
    const added = entries.map((entry) => `${lines.indent}- ${entryLine(entry)}\n`).join('');
    return save(athlete.path, `${lines.headText}${log}${added}${lines.tail}`);
  }
  const doc = athlete.parsed.doc;
  const log = doc.get('log');
  const nodes = entries.map((entry) => doc.createNode(entry, { flow: true }));
  if (isSeq(log) && !log.flow) log.items.push(...nodes);
  else {
    // An empty `log: []` (or none) becomes a block list, one check-in a line.
    const items = isSeq(log) ? log.items : [];
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items.push(...items, ...nodes);
    doc.set('log', seq);
  }
  save(athlete.path, doc.toString({ lineWidth: 0 }));
}

/**
 * Saves the text through a symlink to the file it points at, with the .bak beside that file and
 * the same mode as the file it replaces; a new athlete file is readable by its owner only.
 */
function save(path: string, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > MAX_ATHLETE_BYTES) {
    throw new FileError(
      path,
      null,
      `cannot be saved: it would grow past ${MAX_ATHLETE_BYTES / 1024 / 1024} MB, the most backplan reads; the file was left as it was`,
      'start a new athlete file with "backplan init --file <new file>", and keep this one as a record',
    );
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    const { target, stats } = writeTarget(path);
    // The backup is the file as it was: a second name for it (nothing to write), else a copy. It
    // is made once the new file is whole and flushed, just before that replaces it, so a failed
    // write leaves the backup as it was, not a second name for the athlete file.
    const backUp = () => {
      if (!stats?.isFile() || linkAtomic(target, `${target}.bak`)) return;
      const old = readBounded(target, MAX_BACKUP_BYTES); // a file replaced whole by init --force may be larger
      writeFileAtomic(`${target}.bak`, old, { mode: stats.mode & 0o777, replaceReadOnly: true });
    };
    writeFileAtomic(target, bytes, { newMode: 0o600, beforeRename: backUp });
  } catch (error) {
    if (error instanceof FileError) throw error;
    const reason = writeFailureReason(error);
    if (!reason) throw error;
    // Each write is atomic: whatever failed, the athlete file is as it was.
    throw new FileError(
      path,
      null,
      `cannot be saved: ${reason}; the file was left as it was`,
      (error as NodeJS.ErrnoException).code === 'EREADONLY'
        ? 'make it writable (chmod u+w), then run the command again'
        : (error as NodeJS.ErrnoException).code === 'EISDIR'
          ? 'give the file itself, not its folder (e.g. --file squad/ana.yaml)'
          : 'free some space or check the folder, then run the command again',
    );
  }
}

function newDocument(): Document {
  const doc = new Document({ schemaVersion: ATHLETE_SCHEMA_VERSION, intake: {}, log: [] });
  doc.commentBefore = HEADER;
  return doc;
}

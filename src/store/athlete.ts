// The athlete file: the runner's intake (and, later, their check-in log) as YAML. Read with line
// numbers for errors; rewritten through the yaml Document API so comments and keys a user added
// by hand survive; written atomically, the previous version kept as <file>.bak.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Document, isMap, isSeq, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import type { CheckIn } from '../core/types.js';
import { checkInSchema } from '../intake/checkin.js';
import { intakeSchema, type IntakeInput } from '../intake/schema.js';
import { FileError, readYamlFile, validateYaml, type ParsedYaml } from '../yaml/read.js';
import { writeFailureReason, writeFileAtomic } from './atomic.js';

export const ATHLETE_SCHEMA_VERSION = 1;
const MAX_BYTES = 5 * 1024 * 1024;

const HEADER = ' backplan athlete file: your answers to `backplan init`, and your check-ins under log.\n' +
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
  parsed: ParsedYaml;
}

const HINT = 'Fix that line, or make a new file with "backplan init --force".';

/** Reads and validates the athlete file; undefined when there is none. */
export function readAthlete(path: string): AthleteFile | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = readYamlFile(path, MAX_BYTES, 'an athlete file', HINT);
  const version = parsed.doc.get('schemaVersion');
  if (typeof version === 'number' && version > ATHLETE_SCHEMA_VERSION) {
    throw new FileError(path, null, `written by a newer backplan (schemaVersion ${version}; this one reads ${ATHLETE_SCHEMA_VERSION}); the file was left untouched`, 'Update backplan (npm install -g backplan@latest) to use it.');
  }
  if (!isMap(parsed.doc.contents)) throw new FileError(path, 1, 'expected a YAML mapping with schemaVersion and intake', HINT);
  const data = validateYaml(parsed, athleteSchema, HINT);
  return { path, intake: stripDefaults(parsed, data.intake), log: data.log ?? [], parsed };
}

/** Only the intake fields the file really holds, so flags and defaults can fill in the rest. */
function stripDefaults(parsed: ParsedYaml, intake: IntakeInput): IntakeInput {
  const held = parsed.doc.getIn(['intake']);
  if (!isMap(held)) return intake;
  const keys = new Set(held.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key)));
  return Object.fromEntries(Object.entries(intake).filter(([key]) => keys.has(key))) as IntakeInput;
}

/**
 * Writes the intake to the athlete file. An existing file keeps its comments and any keys a user
 * added; its previous content is saved as <file>.bak first.
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
  if (!doc.has('log')) doc.set('log', doc.createNode([], { flow: true }));
  save(path, doc);
}

/** Appends one check-in to the log, keeping everything else in the file as it was. */
export function appendCheckIn(athlete: AthleteFile, entry: CheckIn): void {
  const doc = athlete.parsed.doc;
  const log = doc.get('log');
  const node = doc.createNode(entry, { flow: true });
  if (isSeq(log) && !log.flow) log.items.push(node);
  else {
    // An empty `log: []` (or none) becomes a block list, one check-in a line.
    const items = isSeq(log) ? log.items : [];
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items.push(...items, node);
    doc.set('log', seq);
  }
  save(athlete.path, doc);
}

function save(path: string, doc: Document): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path)) writeFileAtomic(`${path}.bak`, readFileSync(path, 'utf8'));
    writeFileAtomic(path, doc.toString({ lineWidth: 0 }));
  } catch (error) {
    const reason = writeFailureReason(error);
    if (!reason) throw error;
    // Each write is atomic: whatever failed, the athlete file is as it was.
    throw new FileError(path, null, `cannot be saved: ${reason}; the file was left as it was`, 'free some space or check the folder, then run the command again');
  }
}

function newDocument(): Document {
  const doc = new Document({ schemaVersion: ATHLETE_SCHEMA_VERSION, intake: {}, log: [] });
  doc.commentBefore = HEADER;
  return doc;
}

// Reading a coach's roster, one athlete at a time. CSV up to a megabyte (some 15,000 athletes) is
// parsed in one go; a longer one is streamed record by record, so memory stays flat however long it
// is. YAML and JSON are read whole (a list of mappings). Each parser is loaded only for its own kind
// of roster.
import { createReadStream, statSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream';
import { DataError } from '../cli/errors.js';
import { closest } from '../cli/suggest.js';
import { shown as shownText } from '../export/style.js';
import { RECORD_KEYS } from '../intake/record.js';
import { readBounded } from '../store/readBounded.js';

export interface RosterEntry {
  /** Where the entry is, for messages: "row 4" (CSV, the header is row 1) or "entry 3 (line 12)". */
  where: string;
  /** The fields as written; undefined when the entry itself is malformed. */
  record?: Record<string, unknown>;
  problem?: string;
  /** The name (or id) of a malformed entry, where it can still be read. */
  label?: string;
}

const MAX_YAML_BYTES = 50 * 1024 * 1024;
/**
 * Streaming costs a batch thread Node's stream modules and a turn of the event loop per record: a
 * tenth of a 1,000-athlete run. The records of a roster this size take a few megabytes at most.
 */
const WHOLE_CSV_BYTES = 1024 * 1024;
const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true };

export function rosterKind(path: string): 'csv' | 'yaml' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return 'yaml';
  throw new DataError(`cannot tell the roster format of ${path}`, 'name it .csv, .yaml, .yml or .json');
}

/**
 * Entries of the roster at `path`; `shown` is how the user named it, for messages. A CSV roster
 * larger than `wholeCsvBytes` is streamed.
 */
export function readRoster(path: string, shown = path, { wholeCsvBytes = WHOLE_CSV_BYTES } = {}): AsyncIterable<RosterEntry> {
  let stats: Stats;
  try {
    stats = statSync(path);
    if (stats.isDirectory()) throw new DataError(`${shown} is a folder`, 'give the roster file (.csv, .yaml or .json)');
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`roster ${shown} not found`, 'check the path; example rosters are in the examples/ folder');
  }
  if (rosterKind(path) === 'yaml') return yamlEntries(path);
  // Only a regular file's size is known; anything else (a pipe, a device) is read whole, with a limit.
  const atOnce = !stats.isFile() || stats.size <= wholeCsvBytes;
  return csvEntries(path, shown, atOnce ? csvRecordsAtOnce : csvRecordsStreamed);
}

async function csvRecordsAtOnce(path: string): Promise<Iterable<string[]>> {
  const { parse: parseCsv } = await import('csv-parse/sync');
  return parseCsv(readBounded(path, MAX_YAML_BYTES), CSV_OPTIONS) as string[][];
}

async function csvRecordsStreamed(path: string): Promise<AsyncIterable<string[]>> {
  const { parse: parseCsv } = await import('csv-parse');
  // pipeline, not pipe: Readable.pipe looks at process.stdout, which opens it, and that costs a
  // small batch a tenth of Node's start-up.
  return pipeline(createReadStream(path), parseCsv(CSV_OPTIONS), () => {}) as AsyncIterable<string[]>;
}

/** `shown`: the roster as the user named it, for messages. */
async function* csvEntries(path: string, shown: string, records: (path: string) => Promise<Iterable<string[]> | AsyncIterable<string[]>>): AsyncIterable<RosterEntry> {
  let header: string[] | undefined;
  let row = 1;
  try {
    for await (const cells of await records(path)) {
      if (!header) {
        header = checkHeader(shown, cells);
        continue;
      }
      row++;
      if (cells.length !== header.length) {
        const label = cells[header.indexOf('name')] || cells[header.indexOf('id')];
        yield { where: `row ${row}`, label, problem: `has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header has ${header.length}` };
        continue;
      }
      yield { where: `row ${row}`, record: Object.fromEntries(header.map((key, i) => [key, cells[i]])) };
    }
  } catch (error) {
    if (error instanceof DataError) throw error; // the header's own message
    const system = error as NodeJS.ErrnoException;
    if (system.code === 'EFBIG') throw new DataError(`roster ${shown} is larger than ${MAX_YAML_BYTES / 1024 / 1024} MB and is no file`, 'save the roster as a file: a file of any size is read as it streams');
    if (system.syscall || system.code === 'ETIMEDOUT') throw new DataError(`cannot read roster ${shown}: ${system.code ?? system.message}`, 'check that the file is readable');
    throw new DataError(`${shown}: not valid CSV: ${shownText((error as Error).message, 200)}`, 'check the quotes on that line: a field with a comma or a quote is written "like ""this"", okay"');
  }
  if (!header) throw new DataError(`${shown} is empty`, 'the first line names the columns, e.g. name,pain,weekly,units,goal-weekly');
}

function checkHeader(shown: string, cells: string[]): string[] {
  const header = cells.map((c) => c.trim().toLowerCase());
  for (const key of header) {
    if (!RECORD_KEYS.includes(key) && key !== 'symptom') {
      const guess = closest(key, RECORD_KEYS);
      throw new DataError(`${shown}: unknown column "${shownText(key)}"${guess ? `; did you mean "${guess}"?` : ''}`, `columns are the plan flags without --: ${RECORD_KEYS.join(', ')}`);
    }
  }
  const twice = header.find((key, i) => header.indexOf(key) !== i);
  if (twice) throw new DataError(`${shown}: column "${shownText(twice)}" appears twice`, 'keep one column per field');
  return header;
}

async function* yamlEntries(path: string): AsyncIterable<RosterEntry> {
  const [{ isMap, isSeq }, { checkKeys, FileError, readYamlFile }] = await Promise.all([import('yaml'), import('../yaml/read.js')]);
  const parsed = readYamlFile(path, MAX_YAML_BYTES, 'a roster', 'fix the roster at that line; see examples/roster.yaml');
  const root = parsed.doc.contents;
  const list = isMap(root) ? root.get('athletes', true) : root;
  if (!isSeq(list)) throw new FileError(path, 1, 'expected a list of athletes (or a mapping with an "athletes" list)', 'see examples/roster.yaml');
  let index = 0;
  for (const item of list.items) {
    index++;
    const range = (item as { range?: [number, number, number] } | null)?.range;
    const line = range ? parsed.lines.linePos(range[0]).line : undefined;
    const where = `entry ${index}${line ? ` (line ${line})` : ''}`;
    if (!isMap(item)) {
      yield { where, problem: 'is not a mapping of fields (name: …, pain: …)' };
      continue;
    }
    let record: Record<string, unknown>;
    try {
      checkKeys(parsed, item);
    } catch (error) {
      yield { where, problem: (error as { detail: string }).detail };
      continue;
    }
    try {
      record = item.toJS(parsed.doc, { maxAliasCount: 50 }) as Record<string, unknown>;
    } catch {
      yield { where, problem: 'has too many YAML aliases (*name) expanding into each other; write the values out' };
      continue;
    }
    yield { where, record };
  }
}

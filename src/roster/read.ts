// Reading a coach's roster, one athlete at a time. CSV up to a megabyte (some 15,000 athletes) is
// parsed in one go; a longer one is streamed record by record, so memory stays flat however long it
// is. YAML and JSON are read whole (a list of mappings). Each parser is loaded only for its own kind
// of roster. A team's check-in sheet is read the same way, with its own columns (readRecords).
//
// Spreadsheets save CSV their own way: Excel in much of Europe separates fields with semicolons
// (told from the header line, or given), and a row left blank comes out as ",,,": skipped.
import { closeSync, createReadStream, openSync, readSync, statSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream';
import { DataError } from '../errors.js';
import { closest } from '../suggest.js';
import { shown as shownText } from '../export/style.js';
import { RECORD_KEYS } from '../intake/record.js';
import { readBounded } from '../store/readBounded.js';

export interface RosterEntry {
  /** Where the entry is, for messages: "line 4" (CSV: the line the row starts on) or "entry 3 (line 12)". */
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
const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true };
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** What a kind of file holds: its columns (keys), and the words its messages use. */
export interface RecordSpec {
  keys: readonly string[];
  /** Other names a column may have (symptom for symptoms). */
  aliases?: readonly string[];
  /** The list a YAML file may hold under this key, beside a bare list. */
  listKey: string;
  /** "roster", "check-in file": for messages. */
  what: string;
  /** An example header, for the message of an empty file. */
  example: string;
  /** Where to look for an example file. */
  seeAlso: string;
}

const ROSTER: RecordSpec = {
  keys: RECORD_KEYS,
  aliases: ['symptom'],
  listKey: 'athletes',
  what: 'roster',
  example: 'name,pain,weekly,units,goal-weekly',
  seeAlso: 'examples/roster.yaml',
};

export interface ReadOptions {
  /** Files above this many bytes are streamed (CSV). */
  wholeCsvBytes?: number;
  /** The field separator of a CSV file; told from its header line when not given. */
  delimiter?: Delimiter;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

export function rosterKind(path: string, what = 'roster'): 'csv' | 'yaml' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return 'yaml';
  throw new DataError(`cannot tell the ${what} format of ${path}`, 'name it .csv, .yaml, .yml or .json');
}

/**
 * Entries of the roster at `path`; `shown` is how the user named it, for messages. A CSV roster
 * larger than `wholeCsvBytes` is streamed.
 */
export function readRoster(path: string, shown = path, options: ReadOptions = {}): AsyncIterable<RosterEntry> {
  return readRecords(path, shown, ROSTER, options);
}

/** Entries of a CSV, YAML or JSON file of records whose keys `spec` names. */
export function readRecords(
  path: string,
  shown: string,
  spec: RecordSpec,
  { wholeCsvBytes = WHOLE_CSV_BYTES, delimiter }: ReadOptions = {},
): AsyncIterable<RosterEntry> {
  let stats: Stats;
  try {
    stats = statSync(path);
    if (stats.isDirectory()) {
      throw new DataError(`${shown} is a folder`, `give a ${spec.what} (.csv, .yaml or .json)`);
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    const hint = spec === ROSTER ? 'example rosters are in the examples/ folder' : `see ${spec.seeAlso}`;
    throw new DataError(`${spec.what} ${shown} not found`, `check the path; ${hint}`);
  }
  if (rosterKind(path, spec.what) === 'yaml') return yamlEntries(path, spec);
  // Only a regular file's size is known; anything else (a pipe, a device) is read whole, with a limit.
  const atOnce = !stats.isFile() || stats.size <= wholeCsvBytes;
  return csvEntries(path, shown, spec, atOnce ? csvRecordsAtOnce(delimiter) : csvRecordsStreamed(delimiter));
}

/** The separator the header line uses most: a header names columns, which hold none of them. */
export function delimiterOf(start: string): Delimiter {
  const line = start.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const counts = DELIMITERS.map((d) => line.split(d).length - 1);
  const most = Math.max(...counts);
  return most === 0 ? ',' : DELIMITERS[counts.indexOf(most)]!;
}

const csvRecordsAtOnce =
  (delimiter: Delimiter | undefined) =>
  async (path: string): Promise<Iterable<CsvRecord>> => {
    const { parse: parseCsv } = await import('csv-parse/sync');
    const text = readBounded(path, MAX_YAML_BYTES);
    const options = { ...CSV_OPTIONS, delimiter: delimiter ?? delimiterOf(text.subarray(0, 4096).toString('utf8')) };
    return parseCsv(text, options) as unknown as CsvRecord[];
  };

type Records = Iterable<CsvRecord> | AsyncIterable<CsvRecord>;

const csvRecordsStreamed =
  (delimiter: Delimiter | undefined) =>
  async (path: string): Promise<Records> => {
    const { parse: parseCsv } = await import('csv-parse');
    const options = { ...CSV_OPTIONS, delimiter: delimiter ?? delimiterOf(firstBytes(path, 4096)) };
    // pipeline, not pipe: Readable.pipe looks at process.stdout, which opens it, and that costs a
    // small batch a tenth of Node's start-up.
    return pipeline(createReadStream(path), parseCsv(options), () => {}) as AsyncIterable<CsvRecord>;
  };

/** The start of a regular file (only those are streamed), for its header line. */
function firstBytes(path: string, count: number): string {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(count);
    return bytes.subarray(0, readSync(fd, bytes, 0, count, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The file lines of CSV records. csv-parse counts the line a record ends on, but counts a CRLF
 * inside quotes as two lines: what it over-counts is taken off, record after record.
 */
class LineCounter {
  private drift = 0;

  /** The line `record` starts on. */
  startOf({ record, info }: CsvRecord): number {
    let breaks = 0;
    let counted = 0;
    for (const cell of record) {
      if (!cell.includes('\n') && !cell.includes('\r')) continue;
      breaks += cell.match(/\r\n|\r|\n/g)!.length;
      counted += cell.match(/[\r\n]/g)!.length;
    }
    this.drift += counted - breaks;
    return info.lines - this.drift - breaks;
  }
}

/** `shown`: the file as the user named it, for messages. */
async function* csvEntries(
  path: string,
  shown: string,
  spec: RecordSpec,
  records: (path: string) => Promise<Records>,
): AsyncIterable<RosterEntry> {
  let header: string[] | undefined;
  const lines = new LineCounter();
  try {
    for await (const parsed of await records(path)) {
      const cells = parsed.record;
      const where = `line ${lines.startOf(parsed)}`;
      if (!header) {
        header = checkHeader(shown, cells, spec);
        continue;
      }
      if (cells.every((cell) => cell === '')) continue; // a row left blank in a spreadsheet: ",,,"
      // Empty cells past the last named column, as spreadsheets save them, are no fields.
      if (cells.length > header.length && cells.slice(header.length).every((cell) => cell === ''))
        cells.length = header.length;
      if (cells.length !== header.length) {
        const label = cells[header.indexOf('name')] || cells[header.indexOf('id')] || cells[header.indexOf('athlete')];
        const fields = `${cells.length} field${cells.length === 1 ? '' : 's'}`;
        yield { where, label, problem: `has ${fields}, the header has ${header.length}${fieldHint(cells, header)}` };
        continue;
      }
      yield { where, record: Object.fromEntries(header.map((key, i) => [key, cells[i]])) };
    }
  } catch (error) {
    if (error instanceof DataError) throw error; // the header's own message
    const system = error as NodeJS.ErrnoException;
    if (system.code === 'EFBIG')
      throw new DataError(
        `roster ${shown} is larger than ${MAX_YAML_BYTES / 1024 / 1024} MB and is no file`,
        'save the roster as a file: a file of any size is read as it streams',
      );
    if (system.syscall || system.code === 'ETIMEDOUT')
      throw new DataError(
        `cannot read roster ${shown}: ${system.code ?? system.message}`,
        'check that the file is readable',
      );
    throw new DataError(
      `${shown}: not valid CSV: ${shownText((error as Error).message, 200)}`,
      'check the quotes on that line: a field with a comma or a quote is written "like ""this"", okay"',
    );
  }
  if (!header) throw new DataError(`${shown} is empty`, `the first line names the columns, e.g. ${spec.example}`);
}

/** A row with more fields than the header, in a file separated by commas: a decimal comma, most likely. */
function fieldHint(cells: string[], header: string[]): string {
  if (cells.length <= header.length) return '';
  return '; a value with a comma (such as 2,5) needs quotes, or save the file with ; between fields';
}

function checkHeader(shown: string, cells: string[], spec: RecordSpec): string[] {
  const header = cells.map((c) => c.trim().toLowerCase());
  // Unnamed columns at the end, as spreadsheets save them ("name,pain,,"), are left out.
  while (header.length > 1 && header.at(-1) === '') header.pop();
  for (const [i, key] of header.entries()) {
    if (key === '')
      throw new DataError(`${shown}: column ${i + 1} of the header has no name`, 'name it, or delete the column');
    if (!spec.keys.includes(key) && !spec.aliases?.includes(key)) {
      // A sheet names its athlete in the "athlete" column; "name" is the roster's word for it.
      const guess = key === 'name' && spec.keys.includes('athlete') ? 'athlete' : closest(key, spec.keys);
      const hint =
        spec === ROSTER
          ? `columns are the plan flags without --: ${RECORD_KEYS.join(', ')}`
          : `columns are: ${spec.keys.join(', ')}`;
      const suggestion = guess ? `; did you mean "${guess}"?` : '';
      throw new DataError(`${shown}: unknown column "${shownText(key)}"${suggestion}`, hint);
    }
  }
  const twice = header.find((key, i) => header.indexOf(key) !== i);
  if (twice) throw new DataError(`${shown}: column "${shownText(twice)}" appears twice`, 'keep one column per field');
  return header;
}

async function* yamlEntries(path: string, spec: RecordSpec): AsyncIterable<RosterEntry> {
  const [{ isMap, isSeq }, { checkKeys, FileError, readYamlFile }] = await Promise.all([
    import('yaml'),
    import('../yaml/read.js'),
  ]);
  const hint = `fix the ${spec.what} at that line; see ${spec.seeAlso}`;
  const parsed = readYamlFile(path, MAX_YAML_BYTES, `a ${spec.what}`, hint);
  const root = parsed.doc.contents;
  const list = isMap(root) ? root.get(spec.listKey, true) : root;
  if (!isSeq(list)) {
    const what = `expected a list of ${spec.listKey} (or a mapping with a "${spec.listKey}" list)`;
    throw new FileError(path, 1, what, `see ${spec.seeAlso}`);
  }
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

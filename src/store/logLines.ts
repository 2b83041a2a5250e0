// The check-in log, read line by line. backplan writes each check-in as one line, a flow mapping
// in a block list at the end of the file:
//
//   log:
//     - { date: 2026-11-23, completed: yes, painDuring: 2, note: felt good }
//
// The yaml library takes some 5 s and 500 MB to read 100,000 such lines, as it builds a node for
// every key and value. A log in this shape is read here instead: each line by a strict reader of
// the few forms backplan writes, else by the yaml library, that line alone. A file in any other
// shape (a log in the middle, an anchor, a multi-line entry, a comment among the entries) is read
// whole by the yaml library, as before: this is a shortcut, never a second reading of YAML.
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { checkKeys, parseYaml, type ParsedYaml } from '../yaml/read.js';

export interface LogLines {
  /** The text before the `log:` line, and its document (parsed when first asked for, see headData). */
  headText: string;
  readonly head: ParsedYaml;
  /**
   * The head's data, when it holds only the lines backplan writes (readPlainHead); undefined when
   * the yaml library read it, and `head.doc` holds it.
   */
  headData?: Record<string, unknown>;
  /** From the `log:` line to the end of the last entry's line. */
  log: string;
  /** After the log: blank lines and comments only. */
  tail: string;
  /** The indent of the entries' dashes. */
  indent: string;
  entries: Record<string, unknown>[];
  /** The line number of the first entry. */
  firstLine: number;
}

const LOG_KEY = /^log:[ \t]*\n/m;
const BLANKS_AND_COMMENTS = /^(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*(?:#[^\n]*)?$/;

/** The file's parts when its log has the shape backplan writes; undefined otherwise. */
export function splitLog(file: string, text: string): LogLines | undefined {
  if (text.includes('\r')) return undefined;
  const key = LOG_KEY.exec(text);
  if (!key) return undefined;
  const headText = text.slice(0, key.index);
  // A second document, or a log key inside something the head leaves open, is for the yaml library.
  if (/^(?:\.\.\.|---)/m.test(headText.replace(/^---[^\n]*\n/, ''))) return undefined;
  const start = key.index + key[0].length;
  const indent = /^ *(?=- )/.exec(text.slice(start, start + 100))?.[0];
  if (indent === undefined) return undefined;
  const dash = `${indent}- `;
  const entries: Record<string, unknown>[] = [];
  let at = start;
  while (at < text.length && text.startsWith(dash, at)) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const entry = readEntry(text.slice(at + dash.length, end));
    if (entry === undefined) return undefined;
    entries.push(entry);
    at = newline === -1 ? text.length : newline + 1;
  }
  const tail = text.slice(at);
  if (!BLANKS_AND_COMMENTS.test(tail)) return undefined;
  const firstLine = headText.split('\n').length + 1;
  const log = text.slice(key.index, at);
  const headData = readPlainHead(headText);
  if (headData) return new PlainHeadLines(file, headText, headData, { log, tail, indent, entries, firstLine });
  let head: ParsedYaml;
  try {
    head = parseYaml(file, headText);
  } catch {
    return undefined; // let the whole file's reading say what is wrong, and where
  }
  const root = head.doc.contents;
  if (!isMap(root) || root.flow || root.has('log') || head.doc.warnings.length > 0) return undefined;
  if (root.range && head.lines.linePos(root.range[0]).col !== 1) return undefined;
  return { headText, head, log, tail, indent, entries, firstLine };
}

/**
 * A log whose head was read without the yaml library (readPlainHead): the head's document is made
 * only when asked for, for a write or an error's line. A class, so that the getter is one for all
 * files: an object literal with a getter of its own (a new closure each time) is in dictionary
 * mode, and V8 keeps it, its closure and so the file's text, until its next full collection; a
 * team of thousands then grew in memory with its size (docs/performance.md).
 */
class PlainHeadLines implements LogLines {
  private parsed: ParsedYaml | undefined;
  readonly log: string;
  readonly tail: string;
  readonly indent: string;
  readonly entries: Record<string, unknown>[];
  readonly firstLine: number;

  constructor(
    private readonly file: string,
    readonly headText: string,
    readonly headData: Record<string, unknown>,
    rest: Pick<LogLines, 'log' | 'tail' | 'indent' | 'entries' | 'firstLine'>,
  ) {
    this.log = rest.log;
    this.tail = rest.tail;
    this.indent = rest.indent;
    this.entries = rest.entries;
    this.firstLine = rest.firstLine;
  }

  get head(): ParsedYaml {
    return (this.parsed ??= parseYaml(this.file, this.headText));
  }
}

// The head as backplan writes it: comment lines, `key: value` lines, and `key:` lines with one
// level of `key: value` lines below them (the intake). Values are read as in a log entry.
const HEAD_LINE = /^( *)([A-Za-z]+):(?: (.*))?$/;
const COMMENT_OR_BLANK = /^ *(?:#.*)?$/;
const LIST = /^\[ ?((?:[^\]"[{},\s]+(?:, [^\]"[{},\s]+)*)?) ?\]$/;

/** The head's data when every line is in a form read here; undefined when it is for the yaml library. */
export function readPlainHead(text: string): Record<string, unknown> | undefined {
  const root: Record<string, unknown> = {};
  let open: { map: Record<string, unknown>; indent: string | null } | null = null;
  for (const line of text.split('\n')) {
    if (COMMENT_OR_BLANK.test(line)) continue;
    const match = HEAD_LINE.exec(line);
    if (!match) return undefined;
    const [, lead, key, valueText] = match as unknown as [string, string, string, string?];
    // YAML reads a key such as Null or TRUE as null or true, and refuses keys over 1024 characters.
    if (OBJECT_NAMES.has(key) || SPECIAL.test(key) || key.length > 1024) return undefined;
    if (lead === '') {
      if (Object.hasOwn(root, key)) return undefined;
      open = valueText === undefined ? { map: {}, indent: null } : null;
      const value = open ? open.map : headValue(valueText!);
      if (value === undefined) return undefined;
      root[key] = value;
      continue;
    }
    // A line below a `key:` line, at the same indent as the first one.
    if (!open || valueText === undefined || Object.hasOwn(open.map, key)) return undefined;
    open.indent ??= lead;
    const value = lead === open.indent ? headValue(valueText) : undefined;
    if (value === undefined) return undefined;
    open.map[key] = value;
  }
  // A `key:` with nothing below it is null, not a mapping; a head with no key is no mapping at all.
  const empty = Object.values(root).some((v) => isRecord(v) && Object.keys(v).length === 0);
  return empty || Object.keys(root).length === 0 || Object.hasOwn(root, 'log') ? undefined : root;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function headValue(text: string): unknown {
  if (text.startsWith('"')) return jsonString(text);
  const list = LIST.exec(text);
  if (list) return wordList(list[1]!);
  return plainScalar(text);
}

/** One entry's flow mapping, `{ key: value, … }`; undefined when it is not in a form read here. */
function readEntry(text: string): Record<string, unknown> | undefined {
  return readFlowMapping(text) ?? readWithYaml(text);
}

// key: value pairs, each value a double-quoted string, a list of plain words, or a plain scalar.
const PAIR =
  /([A-Za-z]+): (?:("(?:[^"\\]|\\.)*")|\[ ?((?:[^\]"[{},\s]+(?:, [^\]"[{},\s]+)*)?) ?\]|([^,"[\]{}]+?))(?:, |(?= \}$))/y;
const OBJECT_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

function readFlowMapping(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{ ') || !text.endsWith(' }')) return undefined;
  const out: Record<string, unknown> = {};
  PAIR.lastIndex = 2;
  while (PAIR.lastIndex < text.length - 2) {
    const match = PAIR.exec(text);
    if (!match) return undefined;
    const [, key, quoted, list, plain] = match as unknown as [string, string, string?, string?, string?];
    if (OBJECT_NAMES.has(key) || SPECIAL.test(key) || Object.hasOwn(out, key)) return undefined;
    const value = quoted !== undefined ? jsonString(quoted) : list !== undefined ? wordList(list) : plainScalar(plain!);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return PAIR.lastIndex === text.length - 2 ? out : undefined;
}

/** A double-quoted string whose escapes are JSON's (YAML's own, such as \e, go to the yaml library). */
function jsonString(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

function wordList(list: string): string[] | undefined {
  if (list === '') return [];
  const words = list.split(', ');
  return words.every((w) => WORD.test(w) && !SPECIAL.test(w)) ? words : undefined;
}

const WORD = /^[a-z][a-z0-9-]*$/;
const SPECIAL = /^(?:true|false|null|True|False|TRUE|FALSE|Null|NULL)$/;
const NUMBER = /^(?:0|[1-9]\d{0,8})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Plain text in a flow mapping: starts with a letter, no flow indicators, quotes, comment marks,
// colons or controls, no space at the end. Only true, false and null-like words resolve to other
// than a string among these, and they are taken apart first.
const PLAIN_TEXT = /^\p{L}[^,[\]{}#:"'\\\p{Cc}]*$/u;

function plainScalar(text: string): unknown {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (DATE.test(text)) return text;
  if (SPECIAL.test(text) || text.endsWith(' ') || !PLAIN_TEXT.test(text)) return undefined;
  return text;
}

/** An entry in another form: the yaml library reads that line alone, as it would in the file. */
function readWithYaml(text: string): Record<string, unknown> | undefined {
  const doc = parseDocument(`- ${text}\n`, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const list = doc.contents;
  if (!isSeq(list) || list.items.length !== 1 || !isMap(list.items[0])) return undefined;
  try {
    checkKeys({ file: '', doc, lines: { linePos: () => ({ line: 0, col: 0 }) } as never });
    return doc.toJS({ maxAliasCount: 0 })[0] as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A check-in as one line, as the yaml library writes it in a block list. */
export function entryLine(entry: object): string {
  const doc = new Document();
  doc.contents = doc.createNode(entry, { flow: true });
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

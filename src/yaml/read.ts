// Reading YAML files with positions, so every error can name the file, the line and the field.
import { LineCounter, isNode, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { readBounded } from '../store/readBounded.js';
import { FileError } from '../errors.js';

export { FileError };

/** A problem with a file's content or access: `file:line: detail`, and how to fix it. */
export interface ParsedYaml {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** Reads and parses a YAML file; `hint` says how to fix it, in the caller's terms. */
export function readYamlFile(file: string, maxBytes: number, what: string, hint?: string): ParsedYaml {
  return parseYaml(file, readTextFile(file, maxBytes, what, hint), hint);
}

/** A file's text, read with a limit that holds for devices and pipes too; errors as FileError. */
export function readTextFile(file: string, maxBytes: number, what: string, hint?: string): string {
  try {
    return readBounded(file, maxBytes).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EFBIG')
      throw new FileError(
        file,
        null,
        `file is larger than ${Math.round(maxBytes / 1024)} KB; ${what} is far smaller`,
        `check that this is the right file; ${what} holds a few KB of YAML`,
      );
    const detail =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a YAML file'
          : code === 'ETIMEDOUT'
            ? 'nothing came to read (a pipe with a silent writer)'
            : `cannot be read (${code ?? String(error)})`;
    throw new FileError(file, null, detail, code === 'EISDIR' ? 'give the file itself, not its folder' : hint);
  }
}

export function parseYaml(file: string, text: string, hint?: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const [first] = doc.errors;
  if (first)
    throw new FileError(
      file,
      lines.linePos(first.pos[0]).line,
      `not valid YAML: ${first.message.split('\n')[0]}`,
      hint,
    );
  return { file, doc, lines };
}

/** The line of the deepest node on `path` that exists in the document. */
export function lineOf({ doc, lines }: ParsedYaml, path: readonly PropertyKey[]): number | null {
  const asText = path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  // zod names record keys as strings; YAML may hold them as numbers (`4: [...]`).
  const asNumbers = asText.map((k) => (typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k));
  for (let depth = path.length; depth >= 0; depth--) {
    for (const keys of [asText, asNumbers]) {
      const node = doc.getIn(keys.slice(0, depth), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
  }
  return null;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** Validates the document against a schema; the first issue becomes a FileError at its line. */
export function validateYaml<S extends z.ZodType>(parsed: ParsedYaml, schema: S, hint?: string): z.infer<S> {
  const result = schema.safeParse(toData(parsed));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = formatPath(issue.path);
  throw new FileError(parsed.file, lineOf(parsed, issue.path), `${where || 'file'}: ${describeIssue(issue)}`, hint);
}

/**
 * The document as plain data. Aliases are capped: a few nested ones can stand for billions of
 * nodes (an "alias bomb"), which the yaml library refuses with an error of its own.
 */
export function toData(parsed: ParsedYaml): unknown {
  checkKeys(parsed);
  try {
    return parsed.doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    if (error instanceof Error && /alias/i.test(error.message)) {
      throw new FileError(
        parsed.file,
        null,
        'too many YAML aliases (*name) expanding into each other; refused',
        'write the values out instead of using aliases',
      );
    }
    throw error;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value' && issue.values.length === 1) return `expected ${JSON.stringify(issue.values[0])}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** What every JavaScript object already has: as a data key, such a name could stand for it. */
const OBJECT_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Refuses a mapping key such as `constructor` or `__proto__` in `node` (default: the whole document). */
export function checkKeys(parsed: ParsedYaml, node: Node | Document = parsed.doc): void {
  visit(node, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== 'string' || !OBJECT_NAMES.has(key)) return;
      const range = isNode(pair.key) ? pair.key.range : undefined;
      throw new FileError(
        parsed.file,
        range ? parsed.lines.linePos(range[0]).line : null,
        `unknown field "${key}"`,
        'remove it, or check its spelling against the documented fields',
      );
    },
  });
}

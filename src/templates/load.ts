// Reads plans/*.yaml into the Templates the engine needs. Every error names the file, the line,
// the field path and what was expected.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { z } from 'zod';
import {
  FileError as TemplateError,
  formatPath,
  lineOf,
  readYamlFile,
  validateYaml,
  type ParsedYaml,
} from '../yaml/read.js';
import type { Exercise, LadderLevel, Rules, Template, Templates } from '../core/types.js';
import { builtinPlansDir as findBuiltinPlansDir, DEFAULT_TEMPLATE, NAMED_FILES } from './builtin.js';
export { NAMED_FILES } from './builtin.js';
import type { TemplateSource } from './get.js';
import { exercisesSchema, ladderSchema, rulesSchema, templateSchema, type FileKind } from './schema.js';
import { checkLadderBounds, checkRuleBounds, checkTemplateBounds, type BoundBreach } from './bounds.js';

/** Template errors are file errors: `file:line: field: what was expected`. */
export { FileError as TemplateError } from '../yaml/read.js';

const SCHEMAS = {
  rules: rulesSchema,
  ladder: ladderSchema,
  exercises: exercisesSchema,
  template: templateSchema,
} as const;
const MAX_FILE_BYTES = 1024 * 1024;

/** The plans/ folder shipped with backplan: the nearest one above this module. */
export function builtinPlansDir(): string {
  const dir = findBuiltinPlansDir();
  if (!dir) throw new TemplateError('plans/', null, 'the built-in plans folder is missing; reinstall backplan');
  return dir;
}

type Parsed = ParsedYaml;

const readYaml = (file: string): Parsed => readYamlFile(file, MAX_FILE_BYTES, 'a plan template');
const validate = <S extends z.ZodType>(parsed: Parsed, schema: S): z.infer<S> => validateYaml(parsed, schema);

/** Reads a file's `kind:` (which must be `expected`, when given) and validates it against that kind's schema. */
export function readPlanFile(file: string, expected?: FileKind): { kind: FileKind; data: unknown; parsed: Parsed } {
  const parsed = readYaml(file);
  const kind = parsed.doc.get('kind');
  if (typeof kind !== 'string' || !(kind in SCHEMAS)) {
    throw new TemplateError(
      file,
      lineOf(parsed, ['kind']),
      `kind: expected one of rules, ladder, exercises, template (got ${JSON.stringify(kind ?? null)})`,
    );
  }
  if (expected && kind !== expected)
    throw new TemplateError(file, lineOf(parsed, ['kind']), `kind: expected "${expected}" (got "${kind}")`);
  const data = withoutControls(validate(parsed, SCHEMAS[kind as FileKind]));
  checkBounds(kind as FileKind, data, parsed);
  return { kind: kind as FileKind, data, parsed };
}

// Control characters and direction overrides in a plan file's text would reach every output: a
// terminal through its escape codes, a Markdown or text file, a calendar. Plan text needs none.

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The validated data with every string stripped of control characters and direction overrides. */
function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROLS, '') as T;
  if (Array.isArray(value)) return value.map(withoutControls) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControls(v)])) as T;
  }
  return value;
}

/** R-CONF-1: a looser safety number than backplan's own is refused, wherever the file comes from. */
function checkBounds(kind: FileKind, data: unknown, parsed: Parsed): void {
  let found: BoundBreach | null = null;
  if (kind === 'rules') found = checkRuleBounds(data);
  if (kind === 'ladder') found = checkLadderBounds((data as z.infer<typeof ladderSchema>).levels);
  if (kind === 'template') found = checkTemplateBounds(data as z.infer<typeof templateSchema>);
  if (found) {
    const hint = 'a plan folder may make a rule stricter, never looser (R-CONF-1)';
    const detail = `${formatPath(found.path)}: ${found.message}`;
    throw new TemplateError(parsed.file, lineOf(parsed, found.path), detail, hint);
  }
}

function readKind<K extends FileKind>(file: string, kind: K): { data: z.infer<(typeof SCHEMAS)[K]>; parsed: Parsed } {
  const result = readPlanFile(file, kind);
  return { data: result.data as z.infer<(typeof SCHEMAS)[K]>, parsed: result.parsed };
}

function toRules(data: z.infer<typeof rulesSchema>): Rules {
  const { kind: _kind, baseThreshold, ...rest } = data;
  return { ...rest, baseThreshold: { min: baseThreshold.minutes, km: baseThreshold.km, mi: baseThreshold.mi } };
}

function checkLadder(levels: LadderLevel[], parsed: Parsed): LadderLevel[] {
  levels.forEach((level, i) => {
    if (level.level !== i + 1) {
      throw new TemplateError(
        parsed.file,
        lineOf(parsed, ['levels', i, 'level']),
        `levels[${i}].level: expected ${i + 1} (levels are numbered 1, 2, 3 … in order)`,
      );
    }
  });
  return levels;
}

/** Every exercise id a template names must be in the library. */
function checkExerciseIds(
  template: z.infer<typeof templateSchema>,
  parsed: Parsed,
  library: Record<string, Exercise>,
): void {
  const refs: { path: PropertyKey[]; id: string }[] = [];
  template.afterRun.forEach((id, i) => refs.push({ path: ['afterRun', i], id }));
  for (const [day, ids] of Object.entries(template.week))
    ids.forEach((id, i) => refs.push({ path: ['week', day, i], id }));
  for (const [phase, variant] of Object.entries(template.phases)) {
    for (const [day, ids] of Object.entries(variant?.week ?? {}))
      ids.forEach((id, i) => refs.push({ path: ['phases', phase, 'week', day, i], id }));
  }
  for (const [type, variant] of Object.entries(template.runnerTypes)) {
    for (const [day, ids] of Object.entries(variant?.week ?? {}))
      ids.forEach((id, i) => refs.push({ path: ['runnerTypes', type, 'week', day, i], id }));
  }
  for (const ref of refs) {
    if (!library[ref.id]) {
      throw new TemplateError(
        parsed.file,
        lineOf(parsed, ref.path),
        `${formatPath(ref.path)}: unknown exercise "${ref.id}" (known: ${Object.keys(library).join(', ')})`,
      );
    }
  }
}

function toTemplate(data: z.infer<typeof templateSchema>): Template {
  const { kind: _kind, ...template } = data;
  return template as unknown as Template;
}

export type { TemplateSource } from './get.js';

export function isTemplatePath(nameOrPath: string): boolean {
  return /[\\/]/.test(nameOrPath) || /\.ya?ml$/i.test(nameOrPath);
}

/** The first folder that holds the named file: the user's own, then the built-in one. */
function locate(fileName: string, dirs: string[]): string {
  for (const dir of dirs) {
    const file = join(dir, fileName);
    if (existsSync(file)) return file;
  }
  return join(dirs[dirs.length - 1]!, fileName);
}

export function loadTemplates(source: TemplateSource = {}): Templates {
  const dirs = [...(source.userDir ? [checkDir(source.userDir)] : []), builtinPlansDir()];
  const rules = toRules(readKind(locate(NAMED_FILES.rules, dirs), 'rules').data);
  const ladderFile = readKind(locate(NAMED_FILES.ladder, dirs), 'ladder');
  const ladder = checkLadder(ladderFile.data.levels, ladderFile.parsed);
  const exercises = readKind(locate(NAMED_FILES.exercises, dirs), 'exercises').data.exercises;

  const wanted = source.template ?? DEFAULT_TEMPLATE;
  const templateFile = isTemplatePath(wanted) ? resolve(wanted) : locateTemplate(wanted, dirs);
  const { data, parsed } = readKind(templateFile, 'template');
  checkExerciseIds(data, parsed, exercises);
  return { rules, ladder, exercises, template: toTemplate(data) };
}

function checkDir(dir: string): string {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new TemplateError(
      dir,
      null,
      'plans folder not found',
      'Check --plans-dir (or BACKPLAN_PLANS): it names a folder of your own plan files.',
    );
  }
  if (!isDir)
    throw new TemplateError(
      dir,
      null,
      'is a file, not a plans folder',
      'Check --plans-dir (or BACKPLAN_PLANS): it names a folder; use --template for one file.',
    );
  return dir;
}

function locateTemplate(name: string, dirs: string[]): string {
  for (const dir of dirs) {
    for (const ext of ['.yaml', '.yml']) {
      const file = join(dir, name + ext);
      if (existsSync(file)) return file;
    }
  }
  const known = listTemplateFiles(dirs).map((f) => basename(f, extname(f)));
  throw new TemplateError(
    `--template ${name}`,
    null,
    `no template named "${name}" (available: ${[...new Set(known)].join(', ') || 'none'})`,
    'Run "backplan templates list" to see them, or give a path to a template file.',
  );
}

/** Template files (every YAML file that is not rules, ladder or exercises) in the given folders. */
export function listTemplateFiles(dirs: string[]): string[] {
  const named = new Set<string>(Object.values(NAMED_FILES));
  return dirs.flatMap((dir) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return [];
    }
    return entries
      .filter((f) => /\.ya?ml$/i.test(f) && !named.has(f))
      .sort()
      .map((f) => join(dir, f));
  });
}

export interface TemplateSummary {
  name: string;
  description: string;
  file: string;
  source: 'built-in' | 'user';
}

export function listTemplates(userDir?: string): TemplateSummary[] {
  const builtin = builtinPlansDir();
  const dirs = [...(userDir ? [checkDir(userDir)] : []), builtin];
  const seen = new Set<string>();
  const summaries: TemplateSummary[] = [];
  for (const file of listTemplateFiles(dirs)) {
    const { data } = readKind(file, 'template');
    if (seen.has(data.name)) continue;
    seen.add(data.name);
    summaries.push({
      name: data.name,
      description: data.description,
      file,
      source: dirname(file) === builtin ? 'built-in' : 'user',
    });
  }
  return summaries;
}

export interface LintResult {
  file: string;
  ok: boolean;
  kind?: FileKind;
  error?: TemplateError;
}

/**
 * Validates one file, or every YAML file in a folder. Template ids are checked against the
 * exercises beside them, else the built-in library.
 */
export function lint(target: string): LintResult[] {
  let files: string[];
  let isDir: boolean;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    return [{ file: target, ok: false, error: new TemplateError(target, null, 'no such file or folder') }];
  }
  if (isDir) {
    files = readdirSync(target)
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(target, f));
    if (files.length === 0)
      return [{ file: target, ok: false, error: new TemplateError(target, null, 'no .yaml files in this folder') }];
  } else {
    files = [target];
  }
  return files.map((file) => lintFile(file));
}

function lintFile(file: string): LintResult {
  try {
    const { kind, data, parsed } = readPlanFile(file);
    if (kind === 'ladder') checkLadder((data as z.infer<typeof ladderSchema>).levels, parsed);
    if (kind === 'template') {
      const template = data as z.infer<typeof templateSchema>;
      const expected = basename(file, extname(file));
      if (template.name !== expected) {
        throw new TemplateError(
          file,
          lineOf(parsed, ['name']),
          `name: expected "${expected}" (a template's name is its file name)`,
        );
      }
      const sibling = join(dirname(file), NAMED_FILES.exercises);
      const library = existsSync(sibling) ? sibling : join(builtinPlansDir(), NAMED_FILES.exercises);
      checkExerciseIds(template, parsed, readKind(library, 'exercises').data.exercises);
    }
    return { file, ok: true, kind };
  } catch (error) {
    if (error instanceof TemplateError) return { file, ok: false, error };
    throw error;
  }
}

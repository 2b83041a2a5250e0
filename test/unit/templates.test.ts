import { writeFileSync, readFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSnapshot, readSnapshot } from '../../src/templates/builtin.js';
import { builtinPlansDir, lint, loadTemplates, TemplateError } from '../../src/templates/load.js';
import { makePlan } from '../helpers.js';
import { testDir } from '../tmp.js';

function folder(files: Record<string, string>): string {
  const dir = testDir('plans');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const standard = readFileSync('plans/standard.yaml', 'utf8');
const rules = readFileSync('plans/rules.yaml', 'utf8');

function loadError(files: Record<string, string>, template?: string): TemplateError {
  try {
    loadTemplates({ userDir: folder(files), template });
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('template errors name the file, the line, the field and what was expected', () => {
  it('a wrong type', () => {
    const e = loadError({ 'rules.yaml': rules.replace('painThreshold: 3', 'painThreshold: three') });
    const line = rules.split('\n').findIndex((l) => l.startsWith('painThreshold')) + 1;
    expect(e.message).toMatch(new RegExp(`rules\\.yaml:${line}: painThreshold: expected number, received string`));
  });

  it('a number out of range', () => {
    const e = loadError({ 'rules.yaml': rules.replace('volumeCap: 1.10', 'volumeCap: 3') });
    expect(e.line).toBe(rules.split('\n').findIndex((l) => l.startsWith('volumeCap')) + 1);
    expect(e.detail).toMatch(/^volumeCap: Too big: expected number to be <=1\.5/);
  });

  it('an unknown field', () => {
    const e = loadError({ 'rules.yaml': `${rules}\npainThreshhold: 3\n` });
    expect(e.detail).toMatch(/unknown field "painThreshhold"/);
  });

  it('a nested field in a list', () => {
    const e = loadError({
      'ladder.yaml':
        'kind: ladder\nlevels:\n  - { level: 1, run: 1, walk: 2, repeats: 5 }\n  - { level: 2, run: two, walk: 2, repeats: 5 }\n',
    });
    expect(e.message).toMatch(/ladder\.yaml:4: levels\[1\]\.run: expected number/);
  });

  it('a ladder out of order', () => {
    const e = loadError({
      'ladder.yaml':
        'kind: ladder\nlevels:\n  - { level: 1, run: 1, walk: 2, repeats: 5 }\n  - { level: 3, run: 2, walk: 2, repeats: 5 }\n',
    });
    expect(e.message).toMatch(/ladder\.yaml:4: levels\[1\]\.level: expected 2/);
  });

  it('an unknown exercise in a template', () => {
    const e = loadError({ 'standard.yaml': standard.replace('4: [gentle-yoga]', '4: [gentle-yogga]') });
    expect(e.message).toMatch(/standard\.yaml:\d+: week\.4\[0\]: unknown exercise "gentle-yogga"/);
  });

  it('malformed YAML', () => {
    const e = loadError({ 'rules.yaml': 'kind: rules\npainThreshold: [3\n' });
    expect(e.message).toMatch(/rules\.yaml:\d+: not valid YAML/);
  });

  it('duplicate keys', () => {
    const e = loadError({ 'rules.yaml': rules.replace('painThreshold: 3', 'painThreshold: 3\npainThreshold: 9') });
    expect(e.message).toMatch(/not valid YAML: Map keys must be unique/);
  });

  it('a file of the wrong kind', () => {
    const e = loadError({ 'rules.yaml': 'kind: ladder\nlevels: []\n' });
    expect(e.message).toMatch(/rules\.yaml:1: kind: expected "rules" \(got "ladder"\)/);
  });

  it('a template path that does not exist', () => {
    expect(() => loadTemplates({ template: '/nonexistent/x.yaml' })).toThrow(/x\.yaml: no such file/);
  });
});

describe('a user plans folder', () => {
  it('replaces a built-in file, and its rules change the plan', () => {
    const dir = folder({ 'rules.yaml': rules.replace('painThreshold: 3', 'painThreshold: 2') });
    const t = loadTemplates({ userDir: dir });
    expect(t.rules.painThreshold).toBe(2);
    expect(makePlan({ pain: 2 }, undefined, t).weeks[0]!.phase).toBe('settle');
  });

  it('adds a template that --template can pick by name', () => {
    const dir = folder({ 'gentle.yaml': standard.replace('name: standard', 'name: gentle') });
    expect(loadTemplates({ userDir: dir, template: 'gentle' }).template.name).toBe('gentle');
  });
});

describe('lint', () => {
  it('passes every shipped file', () => {
    expect(lint('plans').every((r) => r.ok)).toBe(true);
  });

  it('reports each bad file of a folder and checks template names match file names', () => {
    const dir = folder({
      'ok.yaml': standard.replace('name: standard', 'name: ok'),
      'misnamed.yaml': standard,
      'broken.yaml': 'kind: [',
    });
    const results = Object.fromEntries(lint(dir).map((r) => [r.file.split('/').pop(), r]));
    expect(results['ok.yaml']!.ok).toBe(true);
    expect(results['misnamed.yaml']!.error!.message).toMatch(/name: expected "misnamed"/);
    expect(results['broken.yaml']!.error!.message).toMatch(/broken\.yaml:1: not valid YAML/);
  });

  it('an empty folder and a missing path are errors', () => {
    const empty = testDir('empty');
    mkdirSync(join(empty, 'sub'));
    expect(lint(empty)[0]!.error!.message).toMatch(/no \.yaml files/);
    expect(lint('/nonexistent/x')[0]!.error!.message).toMatch(/no such file or folder/);
  });
});

describe('the build-time snapshot of the built-in plans', () => {
  it('is what the YAML loader gives (npm test builds it first)', () => {
    expect(builtinSnapshot()).toEqual(loadTemplates());
  });

  it('is set aside as soon as a plan file differs from the text it was made from', () => {
    const dir = testDir('snapshot');
    const plans = builtinPlansDir();
    for (const file of readdirSync(plans)) writeFileSync(join(dir, file), readFileSync(join(plans, file)));
    const snapshot = join(process.cwd(), 'dist', 'plans.json');
    expect(readSnapshot(snapshot, dir)).toEqual(loadTemplates());
    writeFileSync(
      join(dir, 'rules.yaml'),
      readFileSync(join(plans, 'rules.yaml'), 'utf8').replace('painThreshold: 3', 'painThreshold: 2'),
    );
    expect(readSnapshot(snapshot, dir)).toBeNull();
    expect(readSnapshot(join(dir, 'missing.json'), dir)).toBeNull();
  });
});

// R-CONF-1: a plan folder may make a rule stricter, never looser. Each reproduction of issue 19
// that loosened a safety number through a user's folder is refused here, with file:line and exit 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPlansDir } from '../../src/templates/load.js';
import { cli } from '../helpers.js';
import { testDir } from '../tmp.js';

const PLAN = ['plan', '--pain', '1', '--goal-weekly', '150', '--weekly-minutes', '0', '--today', '2026-11-22'];

/** A folder holding one built-in file with `from` replaced by `to`. */
function folderWith(file: string, from: RegExp, to: string): string {
  const dir = testDir('bounds');
  const text = readFileSync(join(builtinPlansDir(), file), 'utf8');
  expect(text).toMatch(from);
  writeFileSync(join(dir, file), text.replace(from, to));
  return dir;
}

describe('R-CONF-1: looser safety numbers are refused', () => {
  it('painThreshold: 10 fails templates lint with file:line and the limit', async () => {
    const dir = folderWith('rules.yaml', /^painThreshold: 3$/m, 'painThreshold: 10');
    const r = await cli(['templates', 'lint', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rules\.yaml:\d+: painThreshold: must be at most 3 \(backplan's safety limit\)/);
  });

  it('volumeCap: 1.5 is refused by plan --plans-dir', async () => {
    const dir = folderWith('rules.yaml', /^volumeCap: 1\.10$/m, 'volumeCap: 1.5');
    const r = await cli([...PLAN, '--plans-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rules\.yaml:\d+: volumeCap: must be at most 1\.1 \(backplan's safety limit\)/);
    expect(r.stdout).toBe('');
  });

  it('BACKPLAN_PLANS with painThreshold 10 does not plan running at pain 9', async () => {
    const dir = folderWith('rules.yaml', /^painThreshold: 3$/m, 'painThreshold: 10');
    const args = ['plan', '--pain', '9', '--goal-weekly', '150', '--weekly-minutes', '0', '--today', '2026-11-22'];
    const r = await cli(args, { env: { BACKPLAN_PLANS: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/painThreshold: must be at most 3/);
  });

  it('a ladder whose level 1 is 40 min x 3 is refused', async () => {
    const dir = folderWith(
      'ladder.yaml',
      /\{ level: 1, run: 1, walk: 2, repeats: 5 \}/,
      '{ level: 1, run: 40, walk: 2, repeats: 3 }',
    );
    const r = await cli([...PLAN, '--plans-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /ladder\.yaml:\d+: levels\[0\]: must be at most 5 running minutes \(backplan's safety limit\)/,
    );
  });

  it('a ladder that jumps more than the built-in step is refused', async () => {
    const dir = folderWith(
      'ladder.yaml',
      /\{ level: 3, run: 3, walk: 2, repeats: 5 \}/,
      '{ level: 3, run: 6, walk: 2, repeats: 5 }',
    );
    const r = await cli(['templates', 'lint', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ladder\.yaml:\d+: levels\[2\]: must be at most 16 running minutes/);
  });

  it('escalation thresholds cannot be raised', async () => {
    const dir = folderWith('rules.yaml', /^escalationPain: 7$/m, 'escalationPain: 9');
    const r = await cli(['templates', 'lint', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/escalationPain: must be at most 7/);
  });

  it('a stricter value is welcome', async () => {
    const dir = folderWith('rules.yaml', /^painThreshold: 3$/m, 'painThreshold: 2');
    const r = await cli(['templates', 'lint', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a --template file without the 5-minute walking warm-up is refused', async () => {
    const dir = folderWith('standard.yaml', /^warmupMinutes: 5$/m, 'warmupMinutes: 0');
    const r = await cli([...PLAN, '--template', join(dir, 'standard.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/standard\.yaml:\d+: warmupMinutes: must be at least 5/);
  });

  it('the built-in plans lint clean', async () => {
    const r = await cli(['templates', 'lint', builtinPlansDir()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

// The bench's own options: a mistyped one must stop at once with a clear error, not start a
// five-minute bench (the bench itself is never run by the tests: timings belong in reports).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';

function bench(args: string[]) {
  const workDir = testDir('bench');
  const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--work-dir', workDir, ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 10_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, made: existsSync(join(workDir, '.bench')) };
}

describe('npm run bench', () => {
  it('prints its options for --help and does nothing else', () => {
    const r = bench(['--help']);
    expect(r.code).toBe(0);
    for (const option of ['--runs N', '--batch-runs N', '--work-dir DIR', '--json', '--verbose'])
      expect(r.stdout).toContain(option);
    expect(r.made).toBe(false);
  });

  it.each([
    [['--runs', 'x'], /--runs must be a whole number/],
    [['--batch-runs', '0'], /--batch-runs must be a whole number/],
    [['--runs', '2.5'], /--runs must be a whole number/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['extra'], /extra/],
  ])('refuses %j in two lines, exit 2, before writing anything', (args, message) => {
    const r = bench(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: npm run bench');
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toBe('');
    expect(r.made).toBe(false);
  });
});

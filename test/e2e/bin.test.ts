// End-to-end: spawn the built bin/backplan.cjs as a user would (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { testDir } from '../tmp.js';

const BIN = 'bin/backplan.cjs';

/** A clean environment: no colour variables or BACKPLAN_* settings leak in from the developer's shell. */
const cleanEnv = (env: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  TZ: 'UTC',
  ...env,
});

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: cleanEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PLAN = ['plan', '--pain', '2', '--weekly', '0', '--goal-weekly', '30', '--units', 'km', '--today', '2026-11-22'];

describe('the built binary', () => {
  it('exists (npm ci and npm test build it)', () => {
    expect(existsSync('dist/cli.cjs')).toBe(true);
  });

  it('says how to build it when it is not built', () => {
    const dir = testDir('unbuilt');
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'backplan.cjs'));
    copyFileSync('package.json', join(dir, 'package.json'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'backplan.cjs'), ...PLAN], {
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: backplan is not built yet\.\n {2}Run "npm run build"/);
  });

  it('prints the version alone', () => {
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(run(['-V'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help answered before the CLI loads is exactly the help commander prints', async () => {
    const { cli } = await import('../helpers.js');
    const fromCommander = await cli(['--help']);
    expect(run(['--help'])).toEqual({ code: 0, stdout: fromCommander.stdout, stderr: '' });
    expect(run(['-h']).stdout).toBe(fromCommander.stdout);
  });

  it('prints the README quick-start plan to stdout, nothing on stderr, exit 0', () => {
    const r = run(PLAN);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Week 1 · Mon 23 Nov – Sun 29 Nov 2026 · walk\/run level 1$/m);
    expect(r.stdout).toMatch(/not medical advice/);
  });

  it('JSON through a pipe has no colour codes', () => {
    const r = run([...PLAN, '--format', 'json'], { TERM: 'xterm-256color' });
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it('exit 3 for a red flag, with the plan on stdout and the reason on stderr', () => {
    const r = run([...PLAN, '--symptom', 'night-pain']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Triage: URGENT/);
    expect(r.stderr).toMatch(/exit code 3/);
  });

  it('exit 2 for a bad value, with a one-line reason and no stack trace', () => {
    const r = run([...PLAN, '--pain', '11']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exit 1 for a bad plans folder; --debug adds the stack trace', () => {
    const plain = run([...PLAN, '--plans-dir', '/nonexistent']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = run([...PLAN, '--plans-dir', '/nonexistent', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('BACKPLAN_PLANS from the environment is used', () => {
    const r = run(PLAN, { BACKPLAN_PLANS: '/nonexistent-env' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nonexistent-env: plans folder not found/);
  });

  it('init </dev/null fails fast, naming every missing flag, and writes nothing', () => {
    const home = testDir('home');
    const started = Date.now();
    const r = run(['init'], { HOME: home });
    expect(Date.now() - started).toBeLessThan(5_000); // no prompt waits for input that never comes
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no terminal to ask in, and missing --pain <0-10>, --weekly <n>.*--goal-weekly <n>/);
    expect(readdirSync(home)).toEqual([]);
  });

  it('a closed pipe ends quietly', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" ${BIN} ${PLAN.join(' ')} --weeks 52 | head -1`], {
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Return-to-running plan\n');
    expect(r.stderr).toBe('');
  });

  // A stdout another program left non-blocking makes the writes queue in the stream: every byte
  // must still reach a slow reader before the process ends (an early exit cut this calendar at the
  // pipe's 64 KB).
  it('a non-blocking stdout and a slow reader still get every byte, with the exit code', () => {
    const args = [...PLAN, '--weeks', '52', '--format', 'ics'];
    const whole = run(args).stdout;
    expect(Buffer.byteLength(whole)).toBeGreaterThan(256 * 1024);
    const nonBlocking = 'import os, sys; os.set_blocking(1, False); os.execvp(sys.argv[1], sys.argv[1:])';
    const script = `python3 -c '${nonBlocking}' "${process.execPath}" ${BIN} ${args.join(' ')}; echo $? >&2`;
    const r = spawnSync('sh', ['-c', `{ ${script}; } | { sleep 1; cat; }`], {
      encoding: 'utf8',
      env: cleanEnv(),
      maxBuffer: 1 << 24,
    });
    expect(r.stderr).toBe('0\n');
    expect(r.stdout).toBe(whole);
  });

  it.each([
    ['json', []],
    ['md', []],
    ['ics', []],
    ['ics', ['--time', '06:45', '--tz', 'Asia/Tokyo']],
  ])('%s %j: the same bytes, and the same dates, under any host time zone', (format, extra) => {
    const outputs = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((TZ) =>
      run([...PLAN, '--format', format, ...extra], { TZ }),
    );
    for (const r of outputs) expect(r.code).toBe(0);
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout);
    expect(outputs[2]!.stdout).toBe(outputs[0]!.stdout);
    if (format === 'ics' && extra.length === 0) expect(outputs[0]!.stdout).toMatch(/^DTSTART;VALUE=DATE:20261123\r$/m);
    if (extra.length > 0) expect(outputs[0]!.stdout).toMatch(/^DTSTART;TZID=Asia\/Tokyo:20261123T064500\r$/m);
  });
});

describe('the published package', () => {
  it('holds only bin, dist, examples, plans, the README and the license (and package.json)', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [packed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { files: { path: string }[] }[];
    const top = new Set(packed!.files.map((f) => f.path.split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'examples', 'package.json', 'plans']);
    expect(packed!.files.some((f) => f.path === 'dist/plans.json')).toBe(true);
    expect(packed!.files.some((f) => f.path === 'dist/help.txt')).toBe(true);
  });
});

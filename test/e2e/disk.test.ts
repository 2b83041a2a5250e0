// Faults: a full disk and a read-only file system, on small tmpfs mounts (needs root, as in CI;
// skipped elsewhere). A clear one- or two-line error, exit 1, and the old file intact.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';
import { RUNNER_ANSWERS } from '../runner.js';

const BIN = join(process.cwd(), 'bin/backplan.cjs');
const mounts: string[] = [];

/** A fresh tmpfs of `size`, or null where mounting is not allowed. */
function tmpfs(size: string): string | null {
  const dir = testDir('disk');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return null;
  mounts.push(dir);
  return dir;
}
const canMount = tmpfs('16k') !== null;
if (!canMount) console.warn('disk fault tests skipped: mounting a tmpfs needs root');

afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
});

/** Appends to a file until the disk is full. */
function fill(path: string): void {
  try {
    for (let i = 0; i < 10_000; i++) appendFileSync(path, Buffer.alloc(1024));
  } catch {
    // ENOSPC: full
  }
}

const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, TZ: 'UTC' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Fills the disk but for one page: room for a lock file, none for a new athlete file. */
function fillAllButAPage(dir: string): void {
  writeFileSync(join(dir, 'hole'), Buffer.alloc(4096));
  fill(join(dir, 'fill'));
  spawnSync('rm', [join(dir, 'hole')]);
}
const INIT = ['init', '--no-input', '--file', 'a.yaml', ...RUNNER_ANSWERS];
const CHECKIN = ['checkin', '--file', 'a.yaml', '--today', '2026-11-23', '--completed', 'yes', '--pain-during', '1'];

describe.runIf(canMount)('a full disk and a read-only file system', () => {
  it('full disk: check-in and export fail clearly; the athlete file is intact', () => {
    const dir = tmpfs('64k')!;
    expect(run(INIT, dir).code).toBe(0);
    const before = readFileSync(join(dir, 'a.yaml'), 'utf8');
    fillAllButAPage(dir);
    const checkin = run(CHECKIN, dir);
    expect(checkin.code).toBe(1);
    expect(checkin.stderr).toMatch(/a\.yaml: cannot be saved: the disk is full; the file was left as it was/);
    expect(checkin.stderr.trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(before);
    const exported = run(['export', 'ics', '--file', 'a.yaml', '-o', 'plan.ics', '--today', '2026-11-23'], dir);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/cannot write plan\.ics: the disk is full/);
    spawnSync('rm', ['-f', join(dir, 'fill')]);
    expect(run(CHECKIN, dir).code).toBe(0); // with room again, the same check-in goes in
    expect(readdirSync(dir).filter((f) => f.includes('plan.ics') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('team checkin on a full disk: every athlete is tried and named, and the summary is printed', () => {
    // Found in review: the first athlete the disk refused ended the run, with no summary.
    const dir = tmpfs('96k')!;
    writeFileSync(join(dir, 'r.csv'), 'name,pain,weekly,units,goal-weekly\nAna,1,20,km,40\nBo,1,20,km,40\n');
    writeFileSync(
      join(dir, 'c.csv'),
      'athlete,date,completed,pain-during\nana,2026-11-23,yes,1\nbo,2026-11-23,yes,1\n',
    );
    expect(run(['team', 'init', 'sq', 'r.csv', '--today', '2026-11-20'], dir).code).toBe(0);
    const files = () => ['ana', 'bo'].map((s) => readFileSync(join(dir, 'sq', `${s}.yaml`), 'utf8'));
    const before = files();
    fillAllButAPage(dir);
    const r = run(['team', 'checkin', 'sq', 'c.csv', '--today', '2026-11-23'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/0 check-ins logged for 0 athletes; 2 rows refused/);
    expect(r.stderr).toMatch(/^error: line 2 \(ana\): .*ana\.yaml: cannot be saved: the disk is full/m);
    expect(r.stderr).toMatch(/^error: line 3 \(bo\): .*bo\.yaml: cannot be saved: the disk is full/m);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(files()).toEqual(before);
  });

  it('team init on a full disk: each file refused is named, and the summary says what was written', () => {
    const dir = tmpfs('64k')!;
    writeFileSync(join(dir, 'r.csv'), 'name,pain,weekly,units,goal-weekly\nAna,1,20,km,40\nBo,1,20,km,40\n');
    spawnSync('mkdir', [join(dir, 'sq')]);
    fillAllButAPage(dir);
    const r = run(['team', 'init', 'sq', 'r.csv', '--today', '2026-11-20'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/0 athlete files written in sq; 2 files not written \(x\), see stderr/);
    expect(r.stderr).toMatch(/^error: line 2 \(Ana\): .*ana\.yaml: cannot be saved: the disk is full/m);
    expect(r.stderr).toMatch(/^error: line 3 \(Bo\): .*bo\.yaml: cannot be saved: the disk is full/m);
    expect(readdirSync(join(dir, 'sq'))).toEqual([]);
  });

  it('read-only: check-in fails clearly and the file is unchanged', () => {
    const dir = tmpfs('1m')!;
    expect(run(INIT, dir).code).toBe(0);
    const before = readFileSync(join(dir, 'a.yaml'), 'utf8');
    expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
    const checkin = run(CHECKIN, dir);
    expect(checkin.code).toBe(1);
    expect(checkin.stderr).toMatch(/read-only/);
    expect(checkin.stderr).not.toMatch(/unexpected failure/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(before);
    const report = run(['report', '--file', 'a.yaml', '-o', 'r.md', '--today', '2026-11-23'], dir);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/read-only/);
  });
});

// `batch` from the built binary: the same files, summary, errors and exit code as the run
// in-process, which the other batch tests drive; on the main thread (no worker thread, no V8 flags
// set at run time), with memory kept flat by writing each plan as it is made.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { testDir } from '../tmp.js';

const BIN = resolve('bin/backplan.cjs');
const env = (dir: string, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  HOME: dir,
  TZ: 'UTC',
  ...extra,
});

const ROSTER = [
  'name,pain,weekly,units,goal-weekly,runs-per-week,runner,symptoms',
  'Ana,1,20,km,40,3,distance,',
  'Ana,2,0,km,25,2,beginner,',
  '../../etc/x,1,0,km,30,3,returning,',
  'Red Flag,2,0,km,30,3,beginner,night-pain;limp',
  'Broken,eleven,0,km,30,3,beginner,',
  ...Array.from(
    { length: 40 },
    (_, i) =>
      `Athlete ${i},${i % 3},${i % 4 ? 10 + i : 0},km,${30 + i},${2 + (i % 3)},${['beginner', 'distance', 'returning'][i % 3]},`,
  ),
].join('\n');

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('batch from the built binary', () => {
  it('writes the same files, summary, errors and exit code as the run in-process', async () => {
    const dir = testDir('thread');
    writeFileSync(join(dir, 'roster.csv'), ROSTER);
    // A probe that reports any worker thread the run starts, and any V8 flag it sets.
    const probe = [
      "const wt = require('node:worker_threads'); const W = wt.Worker;",
      "wt.Worker = class extends W { constructor(...a) { process.stderr.write('[worker]\\n'); super(...a); } };",
      "const v8 = require('node:v8'); const set = v8.setFlagsFromString;",
      'v8.setFlagsFromString = (f) => { process.stderr.write(`[v8 ${f}]\\n`); set(f); };',
      "require('node:module').syncBuiltinESMExports();", // for the bundle's `import`s too
    ];
    writeFileSync(join(dir, 'probe.cjs'), probe.join('\n'));
    const args = ['batch', 'roster.csv', '--format', 'md,ics,json', '--today', '2026-11-22'];
    const built = spawnSync(process.execPath, ['--require', './probe.cjs', BIN, ...args, '--out-dir', 'built'], {
      cwd: dir,
      encoding: 'utf8',
      env: env(dir),
    });
    const inProcess = await cli([...args, '--out-dir', 'inside'], { cwd: dir });

    expect(built.status).toBe(1); // a bad row
    expect(inProcess.code).toBe(1);
    expect(built.stdout).toBe(inProcess.stdout);
    expect(built.stderr).toBe(inProcess.stderr); // and so no [worker] or [v8 …] from the probe
    expect(Object.keys(files(join(dir, 'built')))).toHaveLength(3 * 44 - 1); // no calendar for the withheld athlete
    expect(files(join(dir, 'built'))).toEqual(files(join(dir, 'inside')));
  });

  it('a reader that stops early (| head) ends the run quietly, exit 0', () => {
    const dir = testDir('thread');
    const athletes = Array.from({ length: 3000 }, (_, i) => `Athlete ${i},1,0,km,30,3,beginner,`);
    writeFileSync(join(dir, 'roster.csv'), [ROSTER.split('\n')[0], ...athletes].join('\n'));
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" batch roster.csv --out-dir out --today 2026-11-22 --format json | head -1; echo "exit codes: \${PIPESTATUS[*]}"`,
      ],
      { cwd: dir, encoding: 'utf8', env: env(dir) },
    );
    expect(r.stdout).toBe('  athlete       triage  phase     week 1  files\nexit codes: 0 0\n');
    expect(r.stderr).toBe('');
  }, 60_000);
});

// A coach's `team checkin` and a runner's own `checkin` on the same athlete file at the same time,
// through the built binary: every entry of both is kept.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAthlete } from '../../src/store/athlete.js';
import { testDir } from '../tmp.js';

const BIN = join(process.cwd(), 'bin/backplan.cjs');
const env = (dir: string) => ({ PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC' });

function run(dir: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(dir), cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe("team checkin beside a runner's own checkin", () => {
  it('on the same file at once, many times: nothing is lost', async () => {
    const dir = testDir('team-lock');
    writeFileSync(
      join(dir, 'roster.csv'),
      'name,pain,weekly,units,goal-weekly,start,weeks\nAna,1,0,km,30,2026-01-05,52\nBo,1,0,km,30,2026-01-05,52\n',
    );
    expect(
      spawnSync(process.execPath, [BIN, 'team', 'init', 'squad', 'roster.csv', '--today', '2026-01-01'], {
        env: env(dir),
        cwd: dir,
      }).status,
    ).toBe(0);
    const day = (n: number) => new Date(Date.UTC(2026, 0, 5 + n)).toISOString().slice(0, 10);
    const rounds = 8;
    for (let i = 0; i < rounds; i++) {
      // The sheet logs pain at rest for both athletes on even days; the runner logs her own on odd days.
      const rows = ['ana', 'bo'].map((who) => `${who},${day(2 * i)},2`);
      writeFileSync(join(dir, `sheet-${i}.csv`), `athlete,date,rest-pain\n${rows.join('\n')}\n`);
      const [team, own] = await Promise.all([
        run(dir, ['team', 'checkin', 'squad', `sheet-${i}.csv`, '--today', day(2 * i + 1)]),
        run(dir, [
          'checkin',
          '--file',
          'squad/ana.yaml',
          '--today',
          day(2 * i + 1),
          '--date',
          day(2 * i + 1),
          '--rest-pain',
          '1',
        ]),
      ]);
      expect([team.code, own.code], `${team.stderr}${own.stderr}`).toEqual([0, 0]);
    }
    const ana = readAthlete(join(dir, 'squad', 'ana.yaml'))!
      .log.map((e) => `${e.date}:${e.restPain}`)
      .sort();
    const expected = Array.from({ length: rounds }, (_, i) => [`${day(2 * i)}:2`, `${day(2 * i + 1)}:1`])
      .flat()
      .sort();
    expect(ana).toEqual(expected);
    expect(readAthlete(join(dir, 'squad', 'bo.yaml'))!.log).toHaveLength(rounds);
  }, 60_000);
});

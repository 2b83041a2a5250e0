// `backplan batch`: a coach's roster in, every athlete's files out, nothing outside --out-dir.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugOf } from '../../src/export/slug.js';
import { cli } from '../helpers.js';
import { testDir } from '../tmp.js';

const tempDir = () => testDir('batch');
const HOSTILE = [
  '\uFEFFname,pain,weekly,units,goal-weekly,symptoms',
  'Ana,1,20,km,40,',
  'Ana,2,0,km,25,',
  '../../etc/x,1,0,km,30,',
  'CON,1,0,km,30,',
  '"Eve <script>alert(1)</script> | x",1,0,km,30,',
  'Red Flag,2,0,km,30,night-pain;limp',
  'Broken,eleven,0,km,30,',
  'Short row,1',
  '"Zoë, ""the fast one""",0,10,mi,20,',
].join('\r\n');

async function batch(roster: string, extra: string[] = [], name = 'roster.csv') {
  const cwd = tempDir();
  writeFileSync(join(cwd, name), roster);
  const r = await cli(['batch', name, '--out-dir', 'out', '--today', '2026-11-22', ...extra], { cwd });
  return { ...r, cwd, out: join(cwd, 'out') };
}

describe('a roster with duplicates, hostile names, a red flag and malformed rows', () => {
  it('writes the right files, and nothing outside --out-dir', async () => {
    const r = await batch(HOSTILE);
    expect(readdirSync(r.out).sort()).toEqual([
      'ana-2.ics',
      'ana-2.md',
      'ana.ics',
      'ana.md',
      'con-athlete.ics',
      'con-athlete.md',
      'etc-x.ics',
      'etc-x.md',
      'eve-script-alert-1-script-x.ics',
      'eve-script-alert-1-script-x.md',
      'red-flag.md',
      'zoe-the-fast-one.ics',
      'zoe-the-fast-one.md',
    ]);
    expect(readdirSync(r.cwd).sort()).toEqual(['out', 'roster.csv']);
    expect(existsSync(join(r.cwd, '..', 'etc'))).toBe(false);
  });

  it('reports each bad row with its number and field; every valid row is still produced; exit 1', async () => {
    const r = await batch(HOSTILE);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: line 8 \(Broken\): pain: Use a whole number from 0 to 10/m);
    expect(r.stderr).toMatch(/^error: line 9 \(Short row\): has 2 fields, the header has 6$/m);
    expect(r.stderr).toMatch(/2 rows were skipped; every valid row was written/);
  });

  it('lists withheld athletes first and marked, with no calendar for them', async () => {
    const r = await batch(HOSTILE);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ {2}athlete +triage +phase +week 1 +files$/);
    expect(lines[1]).toMatch(/^! Red Flag +urgent +settle +0 min +red-flag\.md$/);
    expect(r.stdout).toMatch(/^x Broken +invalid/m);
    expect(r.stdout).toMatch(/1 withheld for safety/);
    expect(readFileSync(join(r.out, 'red-flag.md'), 'utf8')).toMatch(/## Triage: urgent/);
  });

  it('hostile text stays inert in every file and in the summary', async () => {
    const r = await batch(HOSTILE);
    const md = readFileSync(join(r.out, 'eve-script-alert-1-script-x.md'), 'utf8');
    expect(md).toMatch(/^# Return-to-running plan: Eve &lt;script&gt;alert\(1\)&lt;\/script&gt; \\\| x$/m);
    expect(readFileSync(join(r.out, 'zoe-the-fast-one.ics'), 'utf8')).toContain(
      'X-WR-CALNAME:backplan: Zoë\\, "the fast one"',
    );
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('slugs are safe on any file system', () => {
    expect(slugOf('../../etc/passwd')).toBe('etc-passwd');
    expect(slugOf('aux')).toBe('aux-athlete');
    expect(slugOf('LPT1')).toBe('lpt1-athlete');
    expect(slugOf('')).toBe('athlete');
    expect(slugOf('日本')).toBe('athlete');
    expect(slugOf('x'.repeat(200))).toHaveLength(60);
  });
});

describe('roster formats', () => {
  it('CSV with LF and no BOM; the id column names the files', async () => {
    const r = await batch('id,name,pain,weekly-minutes,goal-weekly\nA17,Sam,1,0,120\nA18,Sam,1,0,120\n');
    expect(r.code).toBe(0);
    expect(readdirSync(r.out).sort()).toEqual(['a17.ics', 'a17.md', 'a18.ics', 'a18.md']);
  });

  it('YAML: a list, or a mapping with an athletes list; entries named by line', async () => {
    const r = await batch(
      'athletes:\n  - name: Ana\n    pain: 1\n    goal-weekly: 30\n    days: [mon, thu]\n  - name: Bo\n    pain: 11\n    goal-weekly: 30\n',
      [],
      'team.yaml',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: entry 2 \(line 6\) \(Bo\): pain: Use a whole number/);
    expect(readdirSync(r.out).sort()).toEqual(['ana.ics', 'ana.md']);
  });

  it('an unknown column stops the run before anything is written, with a suggestion', async () => {
    const r = await batch('name,pain,goal_weekly\nAna,1,30\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown column "goal_weekly"; did you mean "goal-weekly"\?/);
    expect(existsSync(r.out)).toBe(false);
  });

  it('an empty roster and a missing one are clear errors', async () => {
    expect((await batch('')).stderr).toMatch(/roster\.csv is empty/);
    const missing = await cli(['batch', 'nope.csv', '--out-dir', 'out'], { cwd: tempDir() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/roster nope\.csv not found/);
  });
});

describe('replacing, dry runs and summaries', () => {
  const ROSTER = 'name,pain,goal-weekly\nAna,1,30\nBo,1,30\n';

  it('without --force, a run that would replace any file writes nothing and names them', async () => {
    const r = await batch(ROSTER);
    writeFileSync(join(r.out, 'bo.md'), 'keep');
    writeFileSync(join(r.cwd, 'roster.csv'), `${ROSTER}Cy,1,30\n`);
    const again = await cli(['batch', 'roster.csv', '--out-dir', 'out'], { cwd: r.cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /4 files in out would be replaced \(ana\.md, ana\.ics, bo\.md and 1 more\); nothing was written/,
    );
    expect(readFileSync(join(r.out, 'bo.md'), 'utf8')).toBe('keep');
    expect(existsSync(join(r.out, 'cy.md'))).toBe(false);
    expect((await cli(['batch', 'roster.csv', '--out-dir', 'out', '--force'], { cwd: r.cwd })).code).toBe(0);
    expect(readFileSync(join(r.out, 'bo.md'), 'utf8')).toMatch(/^# Return-to-running plan: Bo/);
  });

  it('a calendar of an athlete withheld since is named without --force, and taken away with it', async () => {
    const r = await batch(ROSTER);
    expect(existsSync(join(r.out, 'bo.ics'))).toBe(true);
    writeFileSync(join(r.cwd, 'roster.csv'), 'name,pain,goal-weekly,symptoms\nAna,1,30,\nBo,1,30,night-pain\n');
    const run = (extra: string[]) => cli(['batch', 'roster.csv', '--out-dir', 'fresh', ...extra], { cwd: r.cwd });
    mkdirSync(join(r.cwd, 'fresh'));
    writeFileSync(join(r.cwd, 'fresh', 'bo.ics'), readFileSync(join(r.out, 'bo.ics')));
    const warned = await run([]);
    expect(warned.code).toBe(3);
    expect(warned.stderr).toMatch(
      /^warning: fresh\/bo\.ics from an earlier export may hold runs, and bo is withheld now/m,
    );
    expect(existsSync(join(r.cwd, 'fresh', 'bo.ics'))).toBe(true);
    const forced = await run(['--force']);
    expect(forced.stderr).toMatch(/^Removed fresh\/bo\.ics: bo is withheld now/m);
    expect(existsSync(join(r.cwd, 'fresh', 'bo.ics'))).toBe(false);
    expect(existsSync(join(r.cwd, 'fresh', 'ana.ics'))).toBe(true);
  });

  it('a name in other letter cases is the same file only where the disk says so', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'roster.csv'), ROSTER);
    await cli(['batch', 'roster.csv', '--out-dir', 'out', '--dry-run'], { cwd }); // makes nothing
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out', 'BO.md'), 'keep');
    const sameFile = existsSync(join(cwd, 'out', 'bo.md')); // true on a disk that ignores case
    const r = await cli(['batch', 'roster.csv', '--out-dir', 'out'], { cwd });
    expect(r.code).toBe(sameFile ? 1 : 0);
    if (sameFile) expect(r.stderr).toMatch(/1 file in out would be replaced \(bo\.md\)/);
    else expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['BO.md', 'ana.ics', 'ana.md', 'bo.ics', 'bo.md']);
    expect(readFileSync(join(cwd, 'out', 'BO.md'), 'utf8')).toBe('keep');
  });

  it('--dry-run lists what would be written and writes nothing', async () => {
    const r = await batch(ROSTER, ['--dry-run', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('would write out/ana.json\nwould write out/bo.json\n');
    expect(existsSync(r.out)).toBe(false);
  });

  it('--summary json for scripts', async () => {
    const r = await batch(`${ROSTER}Red,1,30\n`, ['--summary', 'json', '--format', 'md,json']);
    const summary = JSON.parse(r.stdout);
    expect(summary.schemaVersion).toBe(1);
    expect(summary.athletes.map((a: { slug: string }) => a.slug)).toEqual(['ana', 'bo', 'red']);
    expect(summary.athletes[0]).toMatchObject({
      triage: 'clear',
      withheld: false,
      phase: 'walk-run',
      week1RunMinutes: 15,
      files: ['ana.md', 'ana.json'],
    });
  });

  it('exit 3 when every row is valid and someone is withheld', async () => {
    const r = await batch('name,pain,goal-weekly,symptoms\nAna,1,30,\nBo,1,30,bladder-bowel\n');
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[1]).toMatch(/^! Bo +emergency +none/);
    expect(r.stdout).toMatch(/1 withheld for safety \(!\): .*, or emergency care first for those marked emergency\./);
  });

  it('names emergency care only when an athlete needs it (found in review)', async () => {
    const r = await batch('name,pain,goal-weekly,symptoms\nAna,1,30,\nBo,1,30,night-pain\n');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/1 withheld for safety \(!\): no running until a clinician clears them\./);
    expect(r.stdout).not.toMatch(/emergency/);
  });
});

describe('plan --profile', () => {
  it('reads one intake from YAML or JSON, and flags override it', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'p.json'), JSON.stringify({ name: 'Ana', pain: 1, 'goal-weekly': 30, symptoms: ['limp'] }));
    const r = await cli(['plan', '--profile', 'p.json', '--format', 'json', '--today', '2026-11-22'], { cwd });
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'Ana', triage: { level: 'caution' } });
    const overridden = await cli(
      ['plan', '--profile', 'p.json', '--pain', '5', '--format', 'json', '--today', '2026-11-22'],
      { cwd },
    );
    expect(JSON.parse(overridden.stdout).weeks[0].phase).toBe('settle');
  });

  it('- reads stdin', async () => {
    const r = await cli(['plan', '--profile', '-', '--format', 'json', '--today', '2026-11-22'], {
      readStdin: async () => 'name: Bo\npain: 2\ngoal-weekly: 25\n',
    });
    expect(JSON.parse(r.stdout).name).toBe('Bo');
  });

  it('a bad profile names the file, the line and the field', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'p.yaml'), 'name: Ana\npain: 1\ngoal_weekly: 30\n');
    const r = await cli(['plan', '--profile', 'p.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/p\.yaml:3: goal_weekly: unknown field; did you mean "goal-weekly"\?/);
    const missing = await cli(['plan', '--profile', 'nope.yaml'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yaml: no such file\n {2}check --profile/);
  });
});

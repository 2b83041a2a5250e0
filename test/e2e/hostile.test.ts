// The second hostile catalogue: races, links, devices, limits and hostile text, through the built
// binary. Each case once lost or damaged a file, hung, crashed or let raw control text through.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';
import { RUNNER_ANSWERS } from '../runner.js';

const BIN = join(process.cwd(), 'bin/backplan.cjs');
const env = (dir: string) => ({ PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC' });
const run = (args: string[], cwd: string, options: SpawnSyncOptions = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: env(cwd),
    timeout: 10_000,
    maxBuffer: 1 << 26,
    ...options,
  });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
};
const INIT = ['init', '--no-input', ...RUNNER_ANSWERS, '--today', '2026-11-20'];
// Each check-in on its own day: a single session judged weeks later would be "not improving" (R-ESC-3, exit 3).
const checkinArgs = (file: string, date: string) => [
  'checkin',
  '--file',
  file,
  '--today',
  date,
  '--date',
  date,
  '--completed',
  'yes',
  '--pain-during',
  '1',
];
const PLAN = ['plan', '--pain', '2', '--goal-weekly', '30', '--today', '2026-11-22'];

function athlete(name = 'a.yaml'): string {
  const dir = testDir('hostile');
  expect(run([...INIT, '--file', name], dir).code).toBe(0);
  return dir;
}

/** One or two lines, no stack trace, no "unexpected failure". */
function expectClearError(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(1);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(stderr).not.toMatch(/unexpected failure|^\s+at /m);
}

// Raw ESC (other than backplan's own colours, off here), C1 controls, BEL and bidi overrides.

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function spawnAsync(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(cwd) });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('data lost or damaged', () => {
  it('1: init --force racing check-ins keeps every check-in that said "Logged"', async () => {
    const dir = athlete();
    const dates = Array.from({ length: 20 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    const runs = [
      ...dates.map((date) => spawnAsync(checkinArgs('a.yaml', date), dir)),
      ...[0, 1, 2].map(() => spawnAsync([...INIT, '--file', 'a.yaml', '--force'], dir)),
    ];
    const results = await Promise.all(runs);
    const logged = dates.filter((_, i) => results[i]!.code === 0 && results[i]!.stderr.includes('Logged'));
    expect(logged.length).toBeGreaterThan(0);
    const text = readFileSync(join(dir, 'a.yaml'), 'utf8');
    for (const date of logged) expect(text).toContain(`date: ${date}`);
  }, 60_000);

  it('2: a symlinked athlete file is written through: the link stays, its target gets the entry', () => {
    const dir = athlete('real.yaml');
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const r = run(checkinArgs('link.yaml', '2026-12-01'), dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toContain('date: 2026-12-01');
    expect(existsSync(join(dir, 'real.yaml.bak'))).toBe(true);
    expect(existsSync(join(dir, 'link.yaml.bak'))).toBe(false);
  });

  it('3: -o never replaces what is not a regular file', () => {
    const dir = testDir('hostile');
    writeFileSync(join(dir, 'real.md'), 'old\n');
    symlinkSync('real.md', join(dir, 'link.md'));
    expect(run([...PLAN, '-o', 'link.md', '--force'], dir).code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toMatch(/^# /);

    // A character device (the system's null device, made here) is written into, --force or not.
    if (spawnSync('mknod', [join(dir, 'null.md'), 'c', '1', '3']).status === 0) {
      expect(run([...PLAN, '-o', 'null.md', '--force'], dir).code).toBe(0);
      expect(statSync(join(dir, 'null.md')).isCharacterDevice()).toBe(true);
    }
    // A FIFO: written into, as `>` would.
    expect(spawnSync('mkfifo', [join(dir, 'fifo.md')]).status).toBe(0);
    const reader = spawnSync(
      'sh',
      [
        '-c',
        `cat fifo.md > got.md & ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${PLAN.join(' ')} -o fifo.md --force; echo "exit=$?"; wait`,
      ],
      { cwd: dir, encoding: 'utf8', env: env(dir), timeout: 10_000 },
    );
    expect(reader.stdout).toContain('exit=0');
    expect(lstatSync(join(dir, 'fifo.md')).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, 'got.md'), 'utf8')).toMatch(/^# /);
    // /dev/stdout: written into without --force, as with `>`.
    const out = run([...PLAN, '-o', '/dev/stdout', '--format', 'md'], dir);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^# /);
    // A folder is refused.
    mkdirSync(join(dir, 'folder.md'));
    expect(run([...PLAN, '-o', 'folder.md', '--force'], dir).code).toBe(1);
  });

  it('4: init with a closed stdout still saves, before anything is printed', async () => {
    const dir = testDir('hostile');
    const code = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, [BIN, ...INIT, '--file', 'a.yaml'], {
        cwd: dir,
        env: env(dir),
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      child.stdout.destroy(); // the reader is gone before the first byte
      child.on('close', done);
    });
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toContain('goalWeekly: 90');
  });

  it("5: a new athlete file is 0600, and a backup keeps its original's mode", () => {
    const dir = athlete();
    expect(statSync(join(dir, 'a.yaml')).mode & 0o777).toBe(0o600);
    chmodSync(join(dir, 'a.yaml'), 0o640);
    expect(run(checkinArgs('a.yaml', '2026-12-01'), dir).code).toBe(0);
    expect(statSync(join(dir, 'a.yaml.bak')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'a.yaml')).mode & 0o777).toBe(0o640);
  });

  it('6: a check-in that would take the file past the size limit is refused; the file stays readable', () => {
    const dir = athlete();
    const file = join(dir, 'a.yaml');
    const text = readFileSync(file, 'utf8');
    const padding = 5 * 1024 * 1024 - Buffer.byteLength(text) - 40;
    writeFileSync(file, `# ${'x'.repeat(padding - 3)}\n${text}`);
    const before = readFileSync(file, 'utf8');
    const r = run(checkinArgs('a.yaml', '2026-12-01'), dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.yaml.*5 MB/);
    expectClearError(r.stderr);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(run(['status', '--file', 'a.yaml', '--today', '2027-01-31'], dir).code).toBe(0);
  });

  it('7: an empty lock left by a failed run, and temporary files of a killed one, are cleared', () => {
    const dir = athlete();
    const lock = join(dir, 'a.yaml.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 10_000);
    utimesSync(lock, old, old);
    const stale = join(dir, '.a.yaml.999999.abcdefgh.1.tmp'); // no such process
    writeFileSync(stale, 'half');
    const r = run(checkinArgs('a.yaml', '2026-12-01'), dir);
    expect(r.stderr).toContain('Logged');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'a.yaml.bak']);
  });
});

describe('crashes and hangs: one or two lines, exit 1 or 2, no hang', () => {
  const dir = testDir('hostile-devices');
  writeFileSync(join(dir, 'real.csv'), 'name,pain,goal-weekly\nAna,2,30\n');
  symlinkSync('/dev/zero', join(dir, 'zero.csv'));
  symlinkSync('/dev/urandom', join(dir, 'random.yaml'));
  symlinkSync('/dev/zero', join(dir, 'zero-template.yaml'));
  spawnSync('mkfifo', [join(dir, 'fifo.yaml')]);
  const cases: [string, string[], number][] = [
    ['8: status --file /dev/zero', ['status', '--file', '/dev/zero'], 1],
    ['8: plan --profile /dev/zero', ['plan', '--profile', '/dev/zero'], 1],
    ['8: a roster linked to /dev/zero', ['batch', 'zero.csv', '--out-dir', 'out'], 1],
    ['8: a roster linked to /dev/urandom', ['batch', 'random.yaml', '--out-dir', 'out'], 1],
    ['8: a template linked to /dev/zero', [...PLAN, '--template', 'zero-template.yaml'], 1],
    ['8: a FIFO with no writer as the athlete file', ['status', '--file', 'fifo.yaml'], 1],
    ['8: a FIFO with no writer as a profile', ['plan', '--profile', 'fifo.yaml'], 1],
    [
      '9: a note over 2,000 characters',
      ['checkin', '--file', 'nobody.yaml', '--completed', 'no', '--note', 'n'.repeat(2001)],
      2,
    ],
    ['10: --start 9999-12-25', [...PLAN, '--start', '9999-12-25'], 2],
    ['10: --today 9999-12-31', ['plan', '--pain', '2', '--goal-weekly', '30', '--today', '9999-12-31'], 2],
    ['12: --out-dir ""', ['batch', 'real.csv', '--out-dir', ''], 2],
  ];
  it.each(cases)('%s', (_name, args, code) => {
    const r = run(args, dir, { timeout: 5_000 });
    expect(r.code).toBe(code);
    expectClearError(r.stderr);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('10: an athlete file that starts in 9999 is refused, not a crash', () => {
    const d = athlete();
    writeFileSync(
      join(d, 'a.yaml'),
      readFileSync(join(d, 'a.yaml'), 'utf8').replace('start: 2026-11-23', 'start: 9999-12-20'),
    );
    const r = run(['show', '--file', 'a.yaml', '--today', '9999-12-20'], d);
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toMatch(/9999/);
    expectClearError(r.stderr);
  });

  it('11: a profile or roster key "constructor" or "__proto__" is an unknown field', () => {
    const d = testDir('hostile');
    writeFileSync(join(d, 'p1.yaml'), 'pain: 1\ngoal-weekly: 30\nconstructor: 1\n');
    writeFileSync(join(d, 'p2.yaml'), 'pain: 1\ngoal-weekly: 30\n__proto__: 1\n');
    writeFileSync(join(d, 'r.yaml'), '- name: Ana\n  pain: 1\n  goal-weekly: 30\n  constructor: x\n');
    for (const [args, key] of [
      [['plan', '--profile', 'p1.yaml'], 'constructor'],
      [['plan', '--profile', 'p2.yaml'], '__proto__'],
      [['batch', 'r.yaml', '--out-dir', 'out'], 'constructor'],
    ] as const) {
      const r = run([...args], d);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`"${key}"`);
      expect(r.stderr).not.toMatch(/toLowerCase|unexpected failure/);
    }
  });
});

describe('calendars', () => {
  function events(ics: string) {
    return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  }

  it('13: two athletes of the same name get calendars whose UIDs differ', () => {
    const dir = testDir('hostile');
    writeFileSync(join(dir, 'r.csv'), 'name,pain,goal-weekly\nAna Souza,1,30\nAna Souza,1,30\n');
    expect(run(['batch', 'r.csv', '--out-dir', 'out', '--format', 'ics', '--today', '2026-11-22'], dir).code).toBe(0);
    const uids = (file: string) => events(readFileSync(join(dir, 'out', file), 'utf8')).map((e) => e.uid);
    const [first, second] = [uids('ana-souza.ics'), uids('ana-souza-2.ics')];
    expect(first.filter((uid) => second.includes(uid))).toEqual([]);
    expect(
      run(['batch', 'r.csv', '--out-dir', 'out', '--format', 'ics', '--today', '2026-11-22', '--force'], dir).code,
    ).toBe(0);
    expect(uids('ana-souza-2.ics')).toEqual(second); // stable from run to run
  });

  it('14: a timed event keeps its length across the autumn change of clocks', () => {
    const dir = testDir('hostile');
    const r = run(
      [
        'plan',
        '--pain',
        '1',
        '--goal-weekly',
        '30',
        '--today',
        '2026-10-20',
        '--start',
        '2026-10-26',
        '--format',
        'ics',
        '--include-rest',
        '--time',
        '01:30',
        '--tz',
        'America/New_York',
        '--duration',
        '45',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const all = events(r.stdout);
    expect(all.some((e) => e.startDate.toString().startsWith('2026-11-01'))).toBe(true);
    for (const event of all) {
      expect(event.endDate.toUnixTime() - event.startDate.toUnixTime()).toBe(45 * 60);
    }
  });

  it('15: a zone alias is written by its one canonical name, in events and VTIMEZONE alike', () => {
    const dir = testDir('hostile');
    // Asia/Katmandu's block in the zone data is named "Nepal Time": the name given is kept, in both.
    for (const [alias, canonical] of [
      ['Asia/Calcutta', 'Asia/Kolkata'],
      ['Asia/Rangoon', 'Asia/Yangon'],
      ['UTC', 'Etc/UTC'],
      ['Asia/Katmandu', 'Asia/Katmandu'],
    ]) {
      const r = run([...PLAN, '--format', 'ics', '--time', '07:00', '--tz', alias!], dir);
      expect(r.code).toBe(0);
      const zones = new Set([...r.stdout.matchAll(/TZID[=:]([^:\r\n;]+)/g)].map((m) => m[1]));
      expect([...zones]).toEqual([canonical]);
      if (alias !== canonical) expect(r.stdout).not.toContain(alias === 'UTC' ? 'TIMEZONE-ID:UTC\r' : alias!);
    }
  });
});

describe('hostile text', () => {
  const HOSTILE = '\\e]0;pwn\\a \\e[2J \\u009b31m \\u202eevil';
  function plansDir(): string {
    const dir = testDir('hostile');
    mkdirSync(join(dir, 'plans'));
    const exercises = readFileSync('plans/exercises.yaml', 'utf8').replace(
      'title: Swim or bike',
      `title: "Swim or bike ${HOSTILE}"`,
    );
    const standard = readFileSync('plans/standard.yaml', 'utf8')
      .replace('name: standard', 'name: sly')
      .replace(/^description: .*$/m, `description: "Sly ${HOSTILE}"`);
    writeFileSync(join(dir, 'plans', 'exercises.yaml'), exercises);
    writeFileSync(join(dir, 'plans', 'sly.yaml'), standard);
    return dir;
  }

  it('16: template text reaches no terminal, and no calendar, raw', () => {
    const dir = plansDir();
    const text = run([...PLAN, '--plans-dir', 'plans', '--template', 'sly'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Swim or bike');
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    const list = run(['templates', 'list', '--plans-dir', 'plans'], dir);
    expect(list.stdout).toContain('Sly');
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    const ics = run([...PLAN, '--plans-dir', 'plans', '--template', 'sly', '--format', 'ics'], dir);
    expect(ics.stdout).toContain('Swim or bike');

    expect(ics.stdout.replaceAll('\r\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('16b: template text reaches no Markdown, text or JSON file raw either', () => {
    const dir = plansDir();
    for (const file of ['plan.md', 'plan.txt', 'plan.json']) {
      const r = run([...PLAN, '--plans-dir', 'plans', '--template', 'sly', '-o', file], dir);
      expect(r.code).toBe(0);
      const written = readFileSync(join(dir, file), 'utf8');
      expect(written).toContain('Swim or bike');

      expect(written).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });

  it('17: stderr echoes no raw control text, and no 5 MB name', () => {
    const dir = testDir('hostile');
    writeFileSync(join(dir, 'header.csv'), 'name,\u001b]0;pwn\u0007,goal-weekly\nAna,1,30\n');
    const header = run(['batch', 'header.csv', '--out-dir', 'out'], dir);
    expect(header.code).toBe(1);
    expect(header.stderr).not.toMatch(RAW_CONTROL);
    writeFileSync(join(dir, 'big.csv'), `name,pain,goal-weekly\n${'x'.repeat(5_000_000)},1,30\nBob,1,abc\n`);
    const big = run(['batch', 'big.csv', '--out-dir', 'out2', '--today', '2026-11-22'], dir);
    expect(big.code).toBe(1);
    expect(big.stderr.length + big.stdout.length).toBeLessThan(2_000);
    expect(big.stderr).toContain('…');
  });

  it("17: a lock file's contents are not echoed raw", () => {
    const dir = athlete();
    writeFileSync(join(dir, 'a.yaml.lock'), `\u001b]0;pwn\u0007${'9'.repeat(10_000)}\n`);
    const r = run(checkinArgs('a.yaml', '2026-12-01'), dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr.length).toBeLessThan(600);
    expectClearError(r.stderr);
  }, 15_000);

  it('18: bidi overrides and C1 controls: neutralised in the summary, escaped in JSON', () => {
    const dir = testDir('hostile');
    writeFileSync(join(dir, 'r.csv'), 'name,pain,goal-weekly\n\u202eanA\u009b31m,1,30\nBen,1,30\n');
    const text = run(['batch', 'r.csv', '--out-dir', 'out', '--today', '2026-11-22'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    const json = run(
      ['batch', 'r.csv', '--out-dir', 'out2', '--summary', 'json', '--format', 'json', '--today', '2026-11-22'],
      dir,
    );
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const file = readFileSync(
      join(
        dir,
        'out2',
        readdirSync(join(dir, 'out2')).find((f) => f.startsWith('ana'))!,
      ),
      'utf8',
    );
    expect(file).not.toMatch(RAW_CONTROL);
    expect(file).toContain('\\u202e');
    const plan = run([...PLAN, '--name', 'Ana\u009b31m', '--format', 'json'], dir);
    expect(plan.stdout).toContain('Ana\\u009b31m');
    expect(JSON.parse(plan.stdout).name).toBe('Ana\u009b31m');
  });

  it('19: a duplicate or unknown CSV column is named as such, not as bad quoting', () => {
    const dir = testDir('hostile');
    writeFileSync(join(dir, 'dup.csv'), 'name,pain,pain,goal-weekly\nAna,2,2,30\n');
    writeFileSync(join(dir, 'unknown.csv'), 'name,pian,goal-weekly\nAna,2,30\n');
    for (const file of ['dup.csv', 'unknown.csv']) {
      const r = run(['batch', file, '--out-dir', 'out'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/column/);
      expect(r.stderr).not.toMatch(/not valid CSV|quotes/);
    }
  });
});

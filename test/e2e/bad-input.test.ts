// The bad-input catalogue: every command, given bad flags or bad files, through the built binary.
// Each case: the right exit code, one or two lines on stderr that name the problem and the fix,
// no stack trace, and no file created or changed.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';
import { RUNNER_ANSWERS } from '../runner.js';

const BIN = join(process.cwd(), 'bin/backplan.cjs');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, TZ: 'UTC' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let fixtures: string;
const PLAN = ['plan', '--pain', '2', '--goal-weekly', '30', '--today', '2026-11-22'];

beforeAll(() => {
  fixtures = testDir('bad');
  expect(
    run(['init', '--no-input', '--file', 'good.yaml', ...RUNNER_ANSWERS, '--today', '2026-11-20'], fixtures).code,
  ).toBe(0);
  const good = readFileSync(join(fixtures, 'good.yaml'), 'utf8');
  const aliasBomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...'bcdefghijk'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghijk'[i]}`).join(', ')}]`),
  ].join('\n');
  const files: Record<string, string | Buffer> = {
    'empty.yaml': '',
    'trunc.yaml': good.slice(0, good.indexOf('goalWeekly') + 5),
    'types.yaml': 'schemaVersion: 1\nintake:\n  pain: high\n  goalWeekly: 30\n',
    'newer.yaml': 'schemaVersion: 9\nintake: {pain: 1, goalWeekly: 30}\n',
    'garbage.yaml': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    'bomb.yaml': `schemaVersion: 1\n${aliasBomb}\nintake: {pain: 1, goalWeekly: 30}\n`,
    'dup.yaml': 'schemaVersion: 1\nschemaVersion: 1\nintake: {pain: 1, goalWeekly: 30}\n',
    'badlog.yaml': good.replace('log: []', 'log:\n  - { date: 2026-11-23, completed: often }'),
    'big.yaml': `schemaVersion: 1\nintake: {pain: 1, goalWeekly: 30}\nnote: "${'x'.repeat(50 * 1024 * 1024)}"\n`,
    'list.yaml': '- pain: 1\n  goal-weekly: 30\n',
    'profile-bad.yaml': 'pain: high\ngoal-weekly: 30\n',
    'profile-bomb.yaml': `${aliasBomb}\npain: 1\ngoal-weekly: 30\n`,
    'existing.md': 'my own notes\n',
    'badrules.yaml': 'kind: rules\npainThreshold: three\n',
    'broken-template.yaml': 'kind: template\nname: x\nname: y\n',
    'roster-badheader.csv': 'name,pian,goal-weekly\nAna,2,30\n',
    'roster-dupcol.csv': 'name,pain,pain,goal-weekly\nAna,2,2,30\n',
    'roster-map.yaml': 'coach: Sam\n',
    'roster.csv': 'name,pain,goal-weekly\nAna,2,30\n',
    'roster-quote.csv': 'name,pain,goal-weekly\nAna,2,30\n"Ben,2,30\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(fixtures, name), content);
});

/** Every file under dir with its size and content, to prove nothing was created or changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stat = statSync(path);
    out[name] = stat.isDirectory() ? 'dir' : stat.size > 1_000_000 ? `big ${stat.size}` : readFileSync(path, 'latin1');
  }
  return out;
}

type Case = [string, string[], number, RegExp];
const CASES: Case[] = [
  // flags of plan
  ['no answers', ['plan'], 2, /missing --pain <0-10> and --goal-weekly <n>/],
  ['pain out of range', ['plan', '--pain', '11', '--goal-weekly', '30'], 2, /--pain.*whole number from 0 to 10/],
  ['pain as a word', ['plan', '--pain', 'two', '--goal-weekly', '30'], 2, /--pain.*whole number/],
  ['negative goal', ['plan', '--pain', '2', '--goal-weekly', '-5'], 2, /goal-weekly/],
  ['unknown unit', [...PLAN, '--units', 'furlongs'], 2, /--units.*furlongs/],
  ['goal below current running', [...PLAN, '--weekly', '40'], 2, /--goal-weekly 30 is below the current weekly volume/],
  ['impossible date', [...PLAN, '--start', '2026-02-30'], 2, /real calendar date/],
  ['unknown weekday', [...PLAN, '--days', 'mon,funday'], 2, /"funday" is not a weekday/],
  ['unknown symptom', [...PLAN, '--symptom', 'leg-pain'], 2, /Unknown symptom "leg-pain"/],
  ['unknown format', [...PLAN, '--format', 'docx'], 2, /--format.*docx.*invalid/],
  ['unknown file kind', [...PLAN, '-o', 'plan.docx'], 2, /cannot tell the format of plan\.docx/],
  ['time without a zone', [...PLAN, '-o', 'p.ics', '--time', '07:00'], 2, /--time needs --tz/],
  ['time zone unknown', [...PLAN, '--format', 'ics', '--time', '07:00', '--tz', 'Mars/Base'], 2, /time zone/i],
  ['unknown option', [...PLAN, '--frobnicate'], 2, /unknown option '--frobnicate'/],
  ['unknown command', ['plann'], 2, /unknown command 'plann'[\s\S]*plan/],
  ['would overwrite a file', [...PLAN, '-o', 'existing.md'], 1, /existing\.md already exists; nothing was written/],
  ['no such folder', [...PLAN, '-o', 'nowhere/plan.md'], 1, /the folder of nowhere\/plan\.md does not exist/],
  // profiles
  ['missing profile', ['plan', '--profile', 'nope.yaml'], 1, /nope\.yaml: no such file/],
  [
    'profile is a list',
    ['plan', '--profile', 'list.yaml'],
    1,
    /expected one athlete as a mapping[\s\S]*backplan batch/,
  ],
  ['profile with a wrong type', ['plan', '--profile', 'profile-bad.yaml'], 1, /profile-bad\.yaml:1: .*pain/],
  ['profile alias bomb', ['plan', '--profile', 'profile-bomb.yaml'], 1, /too many YAML aliases/],
  // templates
  ['unknown template', [...PLAN, '--template', 'nope'], 1, /nope/],
  ['missing plans folder', [...PLAN, '--plans-dir', 'nowhere'], 1, /plans folder not found/],
  [
    'template with a wrong type',
    ['templates', 'lint', 'badrules.yaml'],
    1,
    /badrules\.yaml:2: painThreshold: expected number/,
  ],
  [
    'template with a duplicate key',
    [...PLAN, '--template', 'broken-template.yaml'],
    1,
    /broken-template\.yaml:3: not valid YAML: Map keys must be unique/,
  ],
  // athlete files
  ['empty athlete file', ['show', '--file', 'empty.yaml'], 1, /empty\.yaml:1: expected a YAML mapping/],
  ['truncated athlete file', ['show', '--file', 'trunc.yaml'], 1, /trunc\.yaml:\d+: not valid YAML/],
  [
    'wrong type in athlete file',
    ['status', '--file', 'types.yaml'],
    1,
    /types\.yaml:3: intake\.pain: expected number, received string/,
  ],
  [
    'newer athlete file',
    ['checkin', '--file', 'newer.yaml', '--completed', 'no'],
    1,
    /written by a newer backplan \(schemaVersion 9.*left untouched/,
  ],
  ['binary garbage', ['checkin', '--file', 'garbage.yaml', '--completed', 'no'], 1, /garbage\.yaml/],
  ['50 MB athlete file', ['status', '--file', 'big.yaml'], 1, /larger than 5120 KB/],
  ['alias bomb athlete file', ['show', '--file', 'bomb.yaml'], 1, /too many YAML aliases/],
  [
    'duplicate key in athlete file',
    ['report', '--file', 'dup.yaml', '-o', 'r.md'],
    1,
    /dup\.yaml:2: not valid YAML: Map keys must be unique/,
  ],
  ['bad log entry', ['status', '--file', 'badlog.yaml'], 1, /badlog\.yaml:\d+: log\[0\]\.completed/],
  [
    'no athlete file',
    ['checkin', '--file', 'nobody.yaml', '--completed', 'no'],
    1,
    /no athlete file at nobody\.yaml[\s\S]*backplan init/,
  ],
  // check-ins, report, init
  ['report to stdout', ['report', '--file', 'good.yaml', '-o', '-'], 2, /the report needs a file/],
  [
    'report not markdown',
    ['report', '--file', 'good.yaml', '-o', 'r.txt'],
    2,
    /r\.txt is not a \.md, \.html or \.pdf file/,
  ],
  ['checkin without answers', ['checkin', '--file', 'good.yaml', '--today', '2026-11-24'], 2, /--completed is missing/],
  [
    'checkin in the future',
    ['checkin', '--file', 'good.yaml', '--date', '2099-01-01', '--completed', 'no'],
    2,
    /is after today/,
  ],
  [
    'morning with no session',
    ['checkin', '--file', 'good.yaml', '--morning', '--next-morning', '1', '--today', '2026-11-24'],
    1,
    /no session logged in the two days before/,
  ],
  [
    'init over a file',
    ['init', '--no-input', '--file', 'good.yaml', '--pain', '1', '--goal-weekly', '30', '--weekly', '0'],
    1,
    /good\.yaml already exists; nothing was changed/,
  ],
  ['init missing answers', ['init', '--no-input', '--file', 'new.yaml', '--weekly', '0'], 2, /missing/],
  // rosters
  ['missing roster', ['batch', 'nope.csv', '--out-dir', 'out'], 1, /nope\.csv/],
  [
    'misspelt column',
    ['batch', 'roster-badheader.csv', '--out-dir', 'out'],
    1,
    /unknown column "pian"; did you mean "pain"/,
  ],
  ['column twice', ['batch', 'roster-dupcol.csv', '--out-dir', 'out'], 1, /column "pain" appears twice/],
  ['roster not a list', ['batch', 'roster-map.yaml', '--out-dir', 'out'], 1, /expected a list of athletes/],
  ['batch without --out-dir', ['batch', 'roster.csv'], 2, /required option '--out-dir <dir>' not specified/],
  ['batch unknown format', ['batch', 'roster.csv', '--out-dir', 'out', '--format', 'pdf'], 2, /pdf/],
  [
    'roster with a stray quote',
    ['batch', 'roster-quote.csv', '--out-dir', 'out'],
    1,
    /^error: roster-quote\.csv: not valid CSV: .*line 3/,
  ],
  [
    '--out-dir is a file',
    ['batch', 'roster.csv', '--out-dir', 'existing.md'],
    1,
    /^error: --out-dir existing\.md is a file, not a folder$/m,
  ],
  [
    '--out-dir under a file',
    ['batch', 'roster.csv', '--out-dir', 'existing.md/out'],
    1,
    /^error: cannot make --out-dir existing\.md\/out: a file stands where a folder would be; nothing was written$/m,
  ],
  [
    '--out-dir under a file, dry run',
    ['batch', 'roster.csv', '--out-dir', 'existing.md/a/b', '--dry-run'],
    1,
    /^error: cannot make --out-dir existing\.md\/a\/b: a file stands/m,
  ],
];

describe('the bad-input catalogue', () => {
  it('holds at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES)('%s', (_name, args, code, message) => {
    const dir = testDir('case');
    cpSync(fixtures, dir, { recursive: true });
    const before = snapshot(dir);
    const r = run(args, dir);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a BOM and CRLF line ends are fine', () => {
    const dir = testDir('case');
    writeFileSync(
      join(dir, 'crlf.yaml'),
      '\uFEFFschemaVersion: 1\r\nintake:\r\n  pain: 1\r\n  goalWeekly: 30\r\n  start: 2026-11-23\r\nlog: []\r\n',
    );
    writeFileSync(join(dir, 'roster.csv'), '\uFEFFname,pain,goal-weekly\r\nAna,2,30\r\n');
    expect(run(['show', '--file', 'crlf.yaml', '--today', '2026-11-22'], dir).code).toBe(0);
    expect(run(['batch', 'roster.csv', '--out-dir', 'out', '--today', '2026-11-22'], dir).code).toBe(0);
  });
});

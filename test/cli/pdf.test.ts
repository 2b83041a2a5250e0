// Printing a PDF through a stand-in "browser" (a small Node script) that fails, hangs, writes nothing
// or half a PDF: each gives a clear two-line error, leaves no temporary file or folder behind, and
// writes no output; one that prints gets its PDF written. The script records what it was handed,
// so the test can look at the private page and profile it was given, and check they are gone after.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printPdf } from '../../src/cli/pdf.js';
import { DataError } from '../../src/errors.js';
import { htmlPage } from '../../src/export/htmlPage.js';
import { cli, fakeIo } from '../helpers.js';
import { testDir } from '../tmp.js';

const PLAN = ['plan', '--pain', '2', '--weekly', '0', '--goal-weekly', '30', '--units', 'km', '--today', '2026-11-22'];
const ENV = { PATH: '' };
/** A PDF as small as a PDF can be, with its end-of-file marker. */
const TINY_PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

type Behaviour = 'fails' | 'hangs' | 'silent' | 'half' | 'prints';

interface Seen {
  pid: number;
  /** A process it started, in the hanging case. */
  childPid?: number;
  args: string[];
  page: string;
  pageMode: number;
  pageText: string;
  profile: string;
  profileFiles: string[];
  tmpdir: string;
}

/** An executable Node script standing in for Chromium, writing what it saw to seen.json beside it. */
function fakeBrowser(dir: string, behaviour: Behaviour): string {
  const file = join(dir, `fake-browser-${behaviour}`);
  const script = `#!${process.execPath}
const fs = require('node:fs');
const { fileURLToPath } = require('node:url');
const args = process.argv.slice(2);
const value = (name) => args.find((a) => a.startsWith('--' + name + '='))?.slice(name.length + 3);
const page = fileURLToPath(args.at(-1));
const profile = value('user-data-dir');
const seen = {
  pid: process.pid, args, page, pageMode: fs.statSync(page).mode & 0o777, pageText: fs.readFileSync(page, 'utf8'),
  profile, profileFiles: fs.readdirSync(profile, { recursive: true }), tmpdir: process.env.TMPDIR,
};
const behaviour = ${JSON.stringify(behaviour)};
if (behaviour === 'hangs') {
  const child = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    stdio: 'inherit',
  });
  seen.childPid = child.pid;
}
fs.writeFileSync(${JSON.stringify(join(dir, 'seen.json'))}, JSON.stringify(seen));
if (behaviour === 'fails') {
  process.stderr.write('[1203/101010.000:ERROR:chrome_main.cc(1)] cannot start\\n');
  process.exit(1);
}
if (behaviour === 'hangs') setInterval(() => {}, 1000);
if (behaviour === 'half') fs.writeFileSync(value('print-to-pdf'), ${JSON.stringify(TINY_PDF.slice(0, 20))});
if (behaviour === 'prints') fs.writeFileSync(value('print-to-pdf'), ${JSON.stringify(TINY_PDF)});
`;
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return file;
}

const seenIn = (dir: string): Seen => JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as Seen;

/** Running, and not a zombie waiting for its parent to collect it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** What the browser was handed: a private page and a fresh profile, both in the temporary folder. */
function expectPrivateAndGone(seen: Seen): void {
  expect(seen.page.startsWith(tmpdir())).toBe(true);
  expect(seen.pageMode).toBe(0o600);
  expect(seen.profile.startsWith(tmpdir())).toBe(true);
  // The browser's own temporary files go in the same private folder, removed after.
  expect(seen.profile.startsWith(seen.tmpdir)).toBe(true);
  expect(existsSync(seen.tmpdir)).toBe(false);
  expect(seen.profile).not.toMatch(/\.config|Library|AppData/);
  expect(existsSync(seen.page)).toBe(false);
  expect(existsSync(seen.profile)).toBe(false);
}

describe('a browser that cannot print', () => {
  it.each([
    ['fails', /it exited with code 1: cannot start$/],
    ['silent', /it wrote no PDF$/],
    ['half', /it wrote an incomplete PDF$/],
  ] as const)(
    'one that %s: exit 1, two lines, the old file kept, no temporary file left',
    async (behaviour, reason) => {
      const cwd = testDir(`pdf-${behaviour}`);
      const browser = fakeBrowser(cwd, behaviour);
      writeFileSync(join(cwd, 'plan.pdf'), 'the old plan');
      const r = await cli([...PLAN, '-o', 'plan.pdf', '--force', '--browser', browser], { cwd, env: ENV });
      expect(r.code).toBe(1);
      const [message, hint, end, ...more] = r.stderr.split('\n');
      expect(message).toMatch(/^error: the browser at .*fake-browser-\w+ could not print the PDF: /);
      expect(message).toMatch(reason);
      expect(hint).toMatch(/--browser.*-o plan\.html/);
      expect([end, more]).toEqual(['', []]);
      expect(readFileSync(join(cwd, 'plan.pdf'), 'utf8')).toBe('the old plan');
      expect(readdirSync(cwd).sort()).toEqual([`fake-browser-${behaviour}`, 'plan.pdf', 'seen.json']);
      expectPrivateAndGone(seenIn(cwd));
    },
  );

  it('one that hangs is stopped at the time limit, with what it started, and its files removed', async () => {
    const cwd = testDir('pdf-hangs');
    const browser = fakeBrowser(cwd, 'hangs');
    const io = fakeIo({ cwd, env: ENV });
    const printing = printPdf(io, htmlPage({ title: 'x', kind: 'plan', body: '' }), { browser }, 1_000);
    await expect(printing).rejects.toThrow(DataError);
    await expect(printing).rejects.toThrow(/could not print the PDF: it took longer than 1 s and was stopped/);
    const seen = seenIn(cwd);
    expect(alive(seen.pid)).toBe(false);
    // Killed with its process group; the system may take a moment to finish it off.
    for (let tries = 0; tries < 50 && alive(seen.childPid!); tries++) await new Promise((r) => setTimeout(r, 100));
    const orphan = alive(seen.childPid!);
    if (orphan) process.kill(seen.childPid!, 'SIGKILL'); // not left running when this fails
    expect(orphan).toBe(false);
    expectPrivateAndGone(seen);
    expect(readdirSync(cwd).sort()).toEqual(['fake-browser-hangs', 'seen.json']);
  });
});

describe('a browser that prints', () => {
  it('gets a private page sized for the paper, with no scripts and no network, and its PDF is written', async () => {
    const cwd = testDir('pdf-prints');
    const browser = fakeBrowser(cwd, 'prints');
    const r = await cli([...PLAN, '-o', 'plan.pdf', '--paper', 'letter', '--browser', browser], { cwd, env: ENV });
    expect(r.stderr).toBe('Wrote plan.pdf (PDF plan, 8 weeks).\n');
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'plan.pdf'), 'utf8')).toBe(TINY_PDF);
    const seen = seenIn(cwd);
    expectPrivateAndGone(seen);
    expect(seen.args).toContain('--headless');
    expect(seen.args).toContain('--no-pdf-header-footer');
    // The paper size rides in the page's own style sheet, allowed by its Content-Security-Policy.
    expect(seen.pageText).toContain('<style>@page{size:letter}</style>');
    const csp = /content="(default-src 'none'; style-src [^"]+)"/.exec(seen.pageText)?.[1];
    expect(csp?.match(/'sha256-/g)).toHaveLength(2);
    // Scripts off in the fresh profile, every request sent to a proxy that is not there.
    expect(seen.profileFiles.map((f) => f.replaceAll('\\', '/'))).toContain('Default/Preferences');
    expect(seen.args.some((a) => a.startsWith('--proxy-server='))).toBe(true);
  });
});

describe('an output the PDF cannot go to', () => {
  // Refused before the browser starts: a PDF takes seconds to print, and the hint names a PDF.
  it.each([
    [
      'a folder',
      ['-o', 'out', '--format', 'pdf'],
      /^error: out is a folder\ngive a file name with -o, e\.g\. -o out\/plan\.pdf\n$/,
    ],
    ['a file that exists', ['-o', 'plan.pdf'], /^error: plan\.pdf already exists; nothing was written\n/],
  ])('%s: exit 1, and no browser started', async (_, output, expected) => {
    const cwd = testDir('pdf-target');
    const browser = fakeBrowser(cwd, 'prints');
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'plan.pdf'), 'the old plan');
    const r = await cli([...PLAN, ...output, '--browser', browser], { cwd, env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr.replace(/^ +/m, '')).toMatch(expected);
    expect(existsSync(join(cwd, 'seen.json'))).toBe(false);
    expect(readFileSync(join(cwd, 'plan.pdf'), 'utf8')).toBe('the old plan');
  });

  it('report -o an existing PDF: exit 1, and no browser started', async () => {
    const cwd = testDir('pdf-report');
    const browser = fakeBrowser(cwd, 'prints');
    const file = join(cwd, 'athlete.yaml');
    const init = ['init', '--no-input', '--file', file, '--pain', '1', '--weekly', '0', '--goal-weekly', '30'];
    expect((await cli([...init, '--units', 'km', '--today', '2026-11-22'], { cwd, env: ENV })).code).toBe(0);
    writeFileSync(join(cwd, 'report.pdf'), 'the old report');
    const r = await cli(['report', '--file', file, '-o', 'report.pdf', '--browser', browser], { cwd, env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: report\.pdf already exists; nothing was written\n/);
    expect(existsSync(join(cwd, 'seen.json'))).toBe(false);
  });
});

// HTML → PDF, printed by a Chromium-based browser the user already has, started in headless mode
// with --print-to-pdf (docs/architecture.md, "PDF"). The browser gets a private copy of the page
// and a fresh profile in a temporary folder of its own, with scripts off and every request sent
// nowhere, so the PDF is exactly the HTML file a user could print by hand. The folder goes after.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataError } from '../errors.js';
import type { Io } from './io.js';
import type { PrintFlags } from './options.js';

/** Names a Chromium-based browser goes by on PATH, most likely first. */
const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
  'msedge',
  'brave-browser',
  'brave',
];

/** Where the usual browsers live when they are not on PATH (macOS and Windows installs). */
function knownLocations(env: Io['env']): string[] {
  const windows = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((d): d is string => Boolean(d));
  return [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    ...windows.flatMap((dir) => [
      join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]),
  ];
}

export const NO_BROWSER =
  'no Chromium-based browser found to print the PDF: install one (e.g. "sudo apt install chromium"), ' +
  'name it with --browser or BACKPLAN_BROWSER, or write HTML (-o plan.html), open it and print it';

/** The browser to print with: --browser, else BACKPLAN_BROWSER, else the first one found. */
export function findBrowser(io: Io, flags: PrintFlags): string {
  const named = flags.browser ?? (io.env.BACKPLAN_BROWSER || undefined);
  const path = io.env.PATH ?? io.env.Path ?? '';
  if (named !== undefined) {
    const found = isPathLike(named) ? executable(resolve(io.cwd, named)) : onPath(named, path, io.env);
    if (!found) {
      const source = flags.browser !== undefined ? '--browser' : 'BACKPLAN_BROWSER';
      throw new DataError(
        `no browser at ${named} (from ${source}): give the path or name of Chromium, Chrome, Edge or Brave, ` +
          'or write -o plan.html and print it from a browser',
      );
    }
    return found;
  }
  for (const name of BROWSER_NAMES) {
    const found = onPath(name, path, io.env);
    if (found) return found;
  }
  const known = knownLocations(io.env).find((p) => executable(p));
  if (known) return known;
  throw new DataError(NO_BROWSER);
}

const isPathLike = (name: string): boolean => isAbsolute(name) || name.includes('/') || name.includes('\\');

function onPath(name: string, path: string, env: Io['env']): string | undefined {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const ext of extensions) {
      const found = executable(join(dir, name + ext));
      if (found) return found;
    }
  }
  return undefined;
}

function executable(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
}

/** How long the browser may take to print before it is stopped. */
const PRINT_TIMEOUT_MS = 60_000;

/**
 * The switches for one print, beside --user-data-dir and --print-to-pdf. A private profile also
 * means the job is never handed to a browser the user has open. No sandbox, as playwright-core ran
 * it before: Chromium will not start with one as root or in most containers, and the page is
 * backplan's own, with scripts off and no network. Every request goes to a proxy at the discard
 * port (loopback included) and no host name resolves, so neither the page nor the browser's own
 * services (updates, safe browsing, metrics) reach the network.
 */
const SWITCHES = [
  '--headless',
  '--no-pdf-header-footer',
  '--no-sandbox',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * The profile's preferences: scripts blocked for every page. (--blink-settings=scriptEnabled=false
 * would block them too, but also the browser's own page that runs --print-to-pdf, which then exits
 * without a PDF.) The page's Content-Security-Policy forbids scripts already; this is the second lock.
 */
const PREFERENCES = JSON.stringify({ profile: { default_content_setting_values: { javascript: 2 } } });

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The page printed to PDF on the chosen paper; the page's own CSS sets the margins and page numbers. */
export async function printPdf(
  io: Io,
  html: string,
  flags: PrintFlags,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<Uint8Array> {
  const browser = findBrowser(io, flags);
  const sized = withPaper(html, flags.paper ?? 'a4');
  const fail = (reason: string) =>
    new DataError(
      `the browser at ${browser} could not print the PDF: ${reason}`,
      'name another one with --browser, or write -o plan.html, open it and print it',
    );
  let work: string;
  try {
    work = mkdtempSync(join(tmpdir(), 'backplan-pdf-')); // mode 0700
  } catch (error) {
    throw new DataError(
      `cannot make a temporary folder to print the PDF in ${tmpdir()}: ${(error as Error).message}`,
      'set TMPDIR to a folder you can write to',
    );
  }
  const removeWork = () => rmSync(work, { recursive: true, force: true, maxRetries: 5 });
  try {
    const page = join(work, 'page.html');
    const pdf = join(work, 'page.pdf');
    const profile = join(work, 'profile');
    writeFileSync(page, sized, { mode: 0o600, flag: 'wx' });
    mkdirSync(join(profile, 'Default'), { recursive: true, mode: 0o700 });
    writeFileSync(join(profile, 'Default', 'Preferences'), PREFERENCES, { mode: 0o600, flag: 'wx' });
    const args = [...SWITCHES, `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href];
    // The browser's own temporary files go in the folder too: killed on a timeout or a Ctrl-C, it
    // cannot clean up after itself, and the folder is removed whatever happens.
    const env = { ...io.env, TMPDIR: work, TMP: work, TEMP: work };
    const run = await runBrowser(browser, args, env, timeoutMs, removeWork);
    if (run.error) throw fail(`it could not be started (${run.error})`);
    if (run.timedOut) throw fail(`it took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`);
    if (run.code !== 0) {
      const said = lastLine(run.stderr);
      throw fail(
        `it exited with ${run.code === null ? `signal ${run.signal}` : `code ${run.code}`}${said && `: ${said}`}`,
      );
    }
    const bytes = readIfThere(pdf);
    if (!bytes || bytes.length === 0) throw fail('it wrote no PDF');
    if (!isWholePdf(bytes)) throw fail('it wrote an incomplete PDF');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw fail(String((error as Error).message ?? error).slice(0, 200));
  } finally {
    removeWork();
  }
}

/**
 * The page with its paper size in a style sheet of its own (`@page{size:…}`, which headless
 * Chromium prints at), and that style sheet's hash added to the page's Content-Security-Policy.
 */
export function withPaper(html: string, paper: NonNullable<PrintFlags['paper']>): string {
  const css = `@page{size:${paper === 'letter' ? 'letter' : 'A4'}}`;
  const hash = createHash('sha256').update(css).digest('base64');
  const sized = html
    .replace("style-src '", `style-src 'sha256-${hash}' '`)
    .replace('</head>', `<style>${css}</style>\n</head>`);
  if (!sized.includes(`'sha256-${hash}'`) || !sized.includes(`<style>${css}</style>`))
    throw new Error('the page has no style policy or head to size it in');
  return sized;
}

interface BrowserRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
  /** Why it could not be started at all. */
  error?: string;
}

/**
 * Runs the browser to its end, stopping it after `timeoutMs`. It runs in a process group of its
 * own (outside Windows), so that stopping it stops whatever it started too, and a Ctrl-C or kill
 * that ends backplan meanwhile stops it and removes its folder (`cleanUp`) first.
 */
function runBrowser(
  file: string,
  args: string[],
  env: Io['env'],
  timeoutMs: number,
  cleanUp: () => void,
): Promise<BrowserRun> {
  return new Promise((done) => {
    const child = spawn(file, args, {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const run: BrowserRun = { code: null, signal: null, stderr: '', timedOut: false };
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => void (run.stderr = (run.stderr + chunk).slice(-8192)));
    const timer = setTimeout(() => {
      run.timedOut = true;
      stop(child);
      child.stderr!.destroy(); // a process it started, outside its group, may hold the pipe open
    }, timeoutMs);
    const onSignal = (signal: NodeJS.Signals) => {
      stop(child);
      cleanUp();
      release();
      // Then end as the signal would have, unless someone else is listening (they end the process).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    const onExit = () => {
      stop(child);
      cleanUp();
    };
    const release = () => {
      clearTimeout(timer);
      for (const signal of SIGNALS) process.removeListener(signal, onSignal);
      process.removeListener('exit', onExit);
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', onExit);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      release();
      done(run);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      run.error = error.code ?? error.message;
      settle();
    });
    child.on('close', (code, signal) => {
      run.code = code;
      run.signal = signal;
      stop(child); // nothing it started outlives it, or writes into its folder while that is removed
      settle();
    });
  });
}

/**
 * Kills the browser and, outside Windows, every process in its group: also once it has ended,
 * since a launcher script may end before the browser it started.
 */
function stop(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  } catch {
    // gone already
  }
}

/** The last line the browser wrote to stderr, without Chromium's `[pid:…:ERROR:file(line)]` prefix. */
function lastLine(stderr: string): string {
  const line =
    stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? '';
  return line
    .replace(/^\[[^\]]*\]\s*/, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .slice(0, 200);
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Starts as a PDF and ends with its end-of-file marker: a browser stopped mid-write leaves neither. */
function isWholePdf(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-32).toString('latin1').includes('%%EOF')
  );
}

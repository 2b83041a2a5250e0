// HTML → PDF, printed by a Chromium-based browser the user already has, driven by playwright-core
// (which never downloads a browser of its own). The page is printed from memory, with scripts
// off and every request refused, so the PDF is exactly the HTML file a user could print by hand.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
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

/** The page printed to PDF on the chosen paper; the page's own CSS sets the margins and page numbers. */
export async function printPdf(io: Io, html: string, flags: PrintFlags): Promise<Uint8Array> {
  const browserPath = findBrowser(io, flags);
  // Not in the bundle (it finds its own files beside itself): installed with backplan, loaded only here.
  const { chromium } = await import('playwright-core');
  let browser: import('playwright-core').Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: browserPath,
      timeout: 60_000,
      args: ['--disable-extensions', '--no-first-run', '--no-default-browser-check'],
    });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    const pdf = await page.pdf({
      format: flags.paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      outline: false,
      tagged: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
    throw new DataError(
      `the browser at ${browserPath} could not print the PDF: ${reason}`,
      'name another one with --browser, or write -o plan.html, open it and print it',
    );
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

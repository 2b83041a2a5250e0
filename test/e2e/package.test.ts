// The packed tarball installed globally, as a user would (`npm install -g`), into a folder of its
// own: what it pulls in, that it runs no install script and prints no warning, and that what
// loads from node_modules at run time (the zone library) loads from there, and that it prints a PDF.
// npm finds the packages in its cache (npm ci put them there), so this needs no network.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { testDir } from '../tmp.js';

let prefix = '';
let installLog = '';
const installed = () => join(prefix, 'lib', 'node_modules', 'backplan');

function backplan(args: string[], cwd: string) {
  const r = spawnSync(join(prefix, 'bin', 'backplan'), args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: cwd, TZ: 'UTC' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every package folder under node_modules, scoped ones included. */
function packagesIn(modules: string): string[] {
  if (!existsSync(modules)) return [];
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@')
        ? readdirSync(join(modules, name)).map((inner) => join(modules, name, inner))
        : [join(modules, name)],
    )
    .flatMap((dir) => [dir, ...packagesIn(join(dir, 'node_modules'))]);
}

function sizeOf(path: string): number {
  const stats = statSync(path);
  return stats.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stats.size;
}

beforeAll(() => {
  const work = testDir('package');
  prefix = join(work, 'prefix');
  // dist/ is built already (npm test builds it first).
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
    encoding: 'utf8',
  }).trim();
  const r = spawnSync(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--foreground-scripts',
      join(work, tarball),
    ],
    { encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'warn' } },
  );
  installLog = r.stdout + r.stderr;
  expect(r.status, installLog).toBe(0);
}, 240_000);

describe('npm install -g of the packed tarball', () => {
  it('prints no warning and runs no install script', () => {
    expect(installLog).not.toMatch(/warn|deprecated/i);
    for (const dir of [installed(), ...packagesIn(join(installed(), 'node_modules'))]) {
      const { scripts = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      };
      expect(
        Object.keys(scripts).filter((s) => /^(pre|post)?install$|^prepare$/.test(s)),
        dir,
      ).toEqual([]);
    }
  });

  it('pulls in only what the bundle cannot hold', () => {
    const names = packagesIn(join(installed(), 'node_modules'))
      .map((dir) => dir.split('node_modules/').at(-1))
      .sort();
    expect(names).toEqual(Object.keys(pkg.dependencies).sort());
    expect(sizeOf(prefix)).toBeLessThan(5 * 2 ** 20);
  });

  it("runs: the version, a timed calendar (the zone library) and batch --help's example", () => {
    const cwd = testDir('package-run');
    expect(backplan(['--version'], cwd)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const ics = backplan(
      [
        'plan',
        '--pain',
        '2',
        '--goal-weekly',
        '30',
        '--today',
        '2026-11-22',
        '--format',
        'ics',
        '--time',
        '07:00',
        '--tz',
        'Europe/Paris',
      ],
      cwd,
    );
    expect(ics.code, ics.stderr).toBe(0);
    expect(ics.stdout).toMatch(/^BEGIN:VTIMEZONE\r$/m);

    const help = backplan(['batch', '--help'], cwd).stdout;
    const example = /^ {4}\$ (backplan batch .*)$/m.exec(help)?.[1];
    expect(example).toBeDefined();
    const r = spawnSync('sh', ['-c', example!], {
      cwd,
      encoding: 'utf8',
      env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: cwd, TZ: 'UTC', npm_config_prefix: prefix },
    });
    expect([0, 3], r.stderr).toContain(r.status); // 3: the example roster has an athlete withheld for safety
    expect(readdirSync(join(cwd, 'plans-out')).filter((f) => f.endsWith('.md')).length).toBeGreaterThan(0);
  });

  it('prints a PDF from the installed package', () => {
    const cwd = testDir('package-pdf');
    const chromium = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
    // Without a browser, /bin/false stands in, and fails with the usual error.
    const browser = chromium || '/bin/false';
    const r = backplan(
      ['plan', '--pain', '2', '--goal-weekly', '30', '--today', '2026-11-22', '-o', 'plan.pdf', '--browser', browser],
      cwd,
    );
    expect(r.stderr).not.toMatch(/Cannot find (package|module)|ERR_MODULE_NOT_FOUND/);
    if (chromium) {
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(cwd, 'plan.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/could not print the PDF: it exited with code 1/);
    }
  }, 120_000);
});

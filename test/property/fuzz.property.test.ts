// Fuzzing every parser with random and structured-random input: flags, athlete files (YAML),
// rosters (CSV and YAML), JSON profiles. Whatever comes in, backplan answers with an exit code
// and a message of its own (never "unexpected failure"), in bounded time, and writes no file
// when it rejects the input.
import fc from 'fast-check';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYMPTOM_IDS } from '../../src/core/symptoms.js';
import { cli } from '../helpers.js';
import { testDir } from '../tmp.js';

const RUNS = { numRuns: 150, interruptAfterTimeLimit: 20_000 };
const OK_CODES = [0, 1, 2, 3];

const token = fc.oneof(
  fc.constantFrom(
    'plan',
    'show',
    'checkin',
    'status',
    'batch',
    'init',
    'export',
    'ics',
    'md',
    'templates',
    'lint',
    '--pain',
    '--goal-weekly',
    '--weekly',
    '--units',
    'km',
    'mi',
    'min',
    '--symptom',
    ...SYMPTOM_IDS.slice(0, 4),
    '--days',
    'mon,wed',
    '--start',
    '2026-11-23',
    '--today',
    '--format',
    'json',
    '-o',
    'out.md',
    '--force',
    '--dry-run',
    '--completed',
    'yes',
    '--pain-during',
    '--no-input',
    '--weeks',
    '--runner',
    'returning',
    '--time',
    '07:00',
    '--tz',
    'Europe/London',
    '--',
    '-',
    '--help',
  ),
  fc.integer({ min: -3, max: 12_000 }).map(String),
  fc.string({ maxLength: 12 }),
);

/** The CLI in a fresh folder, with no terminal; the outcome and what was written. */
async function inFolder(args: string[], files: Record<string, string> = {}) {
  const cwd = testDir('fuzz');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const before = readdirSync(cwd);
  const r = await cli(args, { cwd, env: { HOME: cwd } });
  return { ...r, cwd, created: readdirSync(cwd).filter((f) => !before.includes(f)) };
}

function expectHandled(r: { code: number; stderr: string }): void {
  expect(OK_CODES).toContain(r.code);
  expect(r.stderr).not.toMatch(/unexpected failure/);
}

const yamlish = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'schemaVersion: 1',
          'intake:',
          '  pain: 2',
          '  pain: x',
          '  goalWeekly: 30',
          'log:',
          '  - {date: 2026-11-23, completed: yes}',
          '  - [1, 2',
          '&a [*a]',
          'a: *b',
          '? [x]',
          '!!binary aGk=',
          '---',
          '...',
          '- -',
          'key: "unterminated',
          'log: {x: 1}',
          '\t\tindent',
        ),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 12 },
    )
    .map((lines) => lines.join('\n')),
);

describe('fuzzing the parsers', () => {
  it("random command lines: an exit code and a message of backplan's own; nothing written on rejection", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 10 }), async (args) => {
        const r = await inFolder([...args, '--today', '2026-11-22'].filter((a) => a !== 'init' && a !== 'batch'));
        expectHandled(r);
        if (r.code !== 0 && r.code !== 3) expect(r.created).toEqual([]);
      }),
      RUNS,
    );
  });

  it('random athlete files: a file error or a plan, never a crash; the file untouched on rejection', async () => {
    await fc.assert(
      fc.asyncProperty(yamlish, fc.constantFrom('show', 'status', 'checkin'), async (text, command) => {
        const extra = command === 'checkin' ? ['--completed', 'no', '--date', '2026-11-24'] : [];
        const r = await inFolder([command, '--file', 'a.yaml', '--today', '2026-11-24', ...extra], { 'a.yaml': text });
        expectHandled(r);
        if (r.code === 1) expect(r.stderr).toMatch(/^error: .*a\.yaml/);
        expect(r.created).toEqual(r.code === 0 && command === 'checkin' ? ['a.yaml.bak'] : []);
      }),
      RUNS,
    );
  });

  it('random CSV and YAML rosters: per-row errors or a file error, never a crash', async () => {
    const csv = fc
      .array(
        fc
          .array(
            fc.oneof(
              fc.constantFrom(
                'name',
                'pain',
                'goal-weekly',
                'weekly',
                'units',
                'symptoms',
                '2',
                '30',
                'km',
                'limp;fever',
                '"quoted, field"',
                '"unclosed',
                '',
                '\r',
              ),
              fc.string({ maxLength: 6 }),
            ),
            { maxLength: 5 },
          )
          .map((cells) => cells.join(',')),
        { maxLength: 6 },
      )
      .map((rows) => rows.join('\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csv.map((t) => ['r.csv', t] as const),
          yamlish.map((t) => ['r.yaml', t] as const),
        ),
        async ([file, text]) => {
          const r = await inFolder(['batch', file, '--out-dir', 'out', '--today', '2026-11-22', '--format', 'json'], {
            [file]: text,
          });
          expectHandled(r);
          if (r.code === 2) expect(existsSync(join(r.cwd, 'out'))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('random JSON profiles on stdin: an intake or a clear error', async () => {
    const json = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc
        .record({
          pain: fc.jsonValue({ maxDepth: 1 }),
          'goal-weekly': fc.jsonValue({ maxDepth: 1 }),
          symptoms: fc.jsonValue({ maxDepth: 1 }),
        })
        .map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(json, async (text) => {
        const cwd = testDir('fuzz');
        const r = await cli(['plan', '--profile', '-', '--today', '2026-11-22', '--format', 'json'], {
          cwd,
          readStdin: async () => text,
        });
        expectHandled(r);
        if (r.code === 0) expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
      }),
      RUNS,
    );
  });
});

// R-CONF-1 over random plan folders: any safety number made looser than the built-in one is
// refused, with the file, the line of the field and the limit, by lint and by the loader every
// command uses; any number made stricter is accepted. The directions are listed here on their own
// (docs/rules.md says why for each), so that a bound dropped from the code fails this test.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtinPlansDir, lint, loadTemplates } from '../../src/templates/load.js';
import { testDir } from '../tmp.js';

/** 'lower': a lower number is stricter; 'higher': a higher one is. */
const STRICTER: Record<string, 'lower' | 'higher'> = {
  painThreshold: 'lower',
  maxRunDaysPer7: 'lower',
  cleanSessionsPerLevel: 'higher',
  cleanSessionsPerLevelReturning: 'higher',
  gapDaysBeforeDrop: 'lower',
  dropBackPain: 'lower',
  dropBackRestDays: 'higher',
  holdExtraRestDays: 'higher',
  painRiseToBlock: 'lower',
  restPainDaysToSettle: 'lower',
  severeRestPain: 'lower',
  escalationPain: 'lower',
  repeatDropBackDays: 'higher',
  setbacksInRow: 'lower',
  notImprovingDays: 'lower',
  cautionReminderDays: 'lower',
  volumeCap: 'lower',
  singleRunCap: 'lower',
  singleRunMinStepMinutes: 'lower',
  singleRunShare: 'lower',
  continuousTargetMinutes: 'lower',
  'baseThreshold.minutes': 'higher',
  'baseThreshold.km': 'higher',
  'baseThreshold.mi': 'higher',
  downWeekEvery: 'lower',
  downWeekFactor: 'lower',
  cutBackFactor: 'lower',
  'assumedPaceMinutesPer.km': 'lower',
  'assumedPaceMinutesPer.mi': 'lower',
  defaultRunDays: 'lower',
  maxRebuildRunDays: 'lower',
};

const RULES_TEXT = readFileSync(join(builtinPlansDir(), 'rules.yaml'), 'utf8');
const BUILT_IN = parse(RULES_TEXT) as Record<string, unknown>;
const valueOf = (field: string): number =>
  field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], BUILT_IN) as number;
const FRACTIONS = new Set([
  'volumeCap',
  'singleRunCap',
  'singleRunShare',
  'downWeekFactor',
  'cutBackFactor',
  'painRiseToBlock',
]);

/** The rules file with one field set to `value`, and the line that field is on. */
function rulesWith(field: string, value: number): { text: string; line: number } {
  const key = field.split('.').at(-1)!;
  const lines = RULES_TEXT.split('\n');
  const parent = field.includes('.') ? lines.findIndex((l) => l.startsWith(`${field.split('.')[0]}:`)) : -1;
  const prefix = parent === -1 ? `${key}:` : `  ${key}:`;
  const index = lines.findIndex((l, i) => i > parent && l.startsWith(prefix));
  lines[index] = lines[index]!.replace(/:.*$/, `: ${value}`);
  return { text: lines.join('\n'), line: index + 1 };
}

function folder(text: string): string {
  const dir = testDir('rules');
  writeFileSync(join(dir, 'rules.yaml'), text);
  return dir;
}

/** A value past the built-in one in the looser direction, and one at or past it in the stricter. */
const change = (loose: boolean) =>
  fc.tuple(fc.constantFrom(...Object.keys(STRICTER)), fc.integer({ min: 1, max: 40 })).map(([field, step]) => {
    const base = valueOf(field);
    const delta = FRACTIONS.has(field) ? step / 100 : step;
    const up = (STRICTER[field] === 'higher') !== loose;
    const raw = up ? base + delta : base - delta;
    return { field, value: Math.round(raw * 100) / 100 };
  });

describe('R-CONF-1 over random rule files', () => {
  it('a looser number is refused with file:line: field: must be at most/least N, by lint and by every command', () => {
    fc.assert(
      fc.property(change(true), ({ field, value }) => {
        const { text, line } = rulesWith(field, value);
        const dir = folder(text);
        const [result] = lint(join(dir, 'rules.yaml'));
        // Some loose values are out of the schema's range too; those are refused with their own words.
        expect(result!.ok).toBe(false);
        const message = result!.error!.message;
        if (!/backplan's safety limit/.test(message)) return;
        const side = STRICTER[field] === 'lower' ? 'most' : 'least';
        const limit = `must be at ${side} ${valueOf(field)} (backplan's safety limit)`;
        expect(message).toBe(`${join(dir, 'rules.yaml')}:${line}: ${field}: ${limit}`);
        expect(() => loadTemplates({ userDir: dir })).toThrow(message);
      }),
      { numRuns: 300 },
    );
  });

  it('a stricter number (within the schema) is accepted', () => {
    fc.assert(
      fc.property(change(false), ({ field, value }) => {
        const { text } = rulesWith(field, value);
        const [result] = lint(join(folder(text), 'rules.yaml'));
        if (!result!.ok) expect(result!.error!.message).not.toMatch(/safety limit/);
      }),
      { numRuns: 300 },
    );
  });

  it('every loosened field is seen: each reaches the safety-limit message for some value', () => {
    for (const field of Object.keys(STRICTER)) {
      const base = valueOf(field);
      const delta = FRACTIONS.has(field) ? 0.01 : 1;
      const looser = STRICTER[field] === 'lower' ? base + delta : base - delta;
      const { text } = rulesWith(field, Math.round(looser * 100) / 100);
      const [result] = lint(join(folder(text), 'rules.yaml'));
      const refused = new RegExp(
        `: ${field.replace('.', '\\.')}: must be at (most|least) .* \\(backplan's safety limit\\)`,
      );
      expect(result!.error?.message, field).toMatch(refused);
    }
  });
});

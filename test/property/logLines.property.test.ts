// The athlete file's log, read line by line (src/store/logLines.ts), must read exactly what the
// yaml library reads, for every entry backplan writes and every hand edit it accepts; anything else
// must be left to the yaml library (undefined).
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { entryLine, splitLog } from '../../src/store/logLines.js';

const HEAD = '# backplan athlete file\nschemaVersion: 1\nintake:\n  pain: 1\n  goalWeekly: 30\n';

// Values a hand edit or a note may hold that YAML reads as other than plain text.
const tricky = fc.constantFrom(
  'null',
  'Null',
  '~',
  'true',
  'True',
  'FALSE',
  '007',
  '0x1F',
  '0o7',
  '1e3',
  '.inf',
  '-1',
  '+1',
  '2026-11-23',
  'a: b',
  'a #b',
  '#x',
  ' lead',
  'trail ',
  "it's",
  '"q"',
  'x, y',
  '[a]',
  '{a}',
  '&a',
  '*a',
  '!tag',
  '|',
  '>',
  '%',
  '@',
  '`',
  'ünïcode ok',
  'tab\there',
  'esc\u001b[2J',
  'c1\u009b',
  'rtl\u202e',
  'emoji 😀',
  'back\\slash',
  '',
);
const text = fc.oneof(tricky, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const scalar = fc.oneof(text, fc.integer({ min: -5, max: 2_000_000_000 }), fc.boolean(), fc.constant(null));
const entry = fc.record(
  {
    date: fc.constantFrom('2026-11-23', '2026-12-01'),
    completed: fc.constantFrom('yes', 'partial', 'no'),
    painDuring: fc.integer({ min: 0, max: 10 }),
    symptoms: fc.array(fc.oneof(tricky, fc.constantFrom('limp', 'night-pain')), { maxLength: 3 }),
    note: text,
    other: scalar,
  },
  { requiredKeys: ['date'] },
);

describe('the log read line by line', () => {
  it('reads what the yaml library reads, or leaves the file to it', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', '  '),
        fc.constantFrom('', '\n', '# end\n'),
        (entries, indent, tail) => {
          const file = `${HEAD}log:\n${entries.map((e) => `${indent}- ${entryLine(e)}\n`).join('')}${tail}`;
          const split = splitLog('a.yaml', file);
          if (split) expect(split.entries).toEqual(parse(file).log);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the common check-ins without the yaml library', () => {
    const entries = [
      {
        date: '2026-11-23',
        completed: 'yes',
        painBefore: 1,
        painDuring: 2,
        warmup: 'eased',
        symptoms: ['limp'],
        note: 'felt good, tired',
      },
      { date: '2026-11-24', morning: true, nextMorning: 1, note: 'felt good' },
      { date: '2026-11-25', cleared: true, note: 'seen by the physio: "cleared"' },
    ];
    const file = `${HEAD}log:\n${entries.map((e) => `  - ${entryLine(e)}\n`).join('')}`;
    const split = splitLog('a.yaml', file);
    expect(split?.entries).toEqual(entries);
    expect(split?.firstLine).toBe(7);
  });

  it('leaves a log it cannot take whole to the yaml library', () => {
    for (const file of [
      `${HEAD}log:\n  - { date: 2026-11-23,\n      completed: no }\n`, // an entry over two lines
      `${HEAD}log:\n  - { date: 2026-11-23 }\n  # a comment among the entries\n  - { date: 2026-11-24 }\n`,
      `${HEAD}log:\n  - { date: 2026-11-23 }\nextra: 1\n`, // a key after the log
      `note: "open\nlog:\n  - { date: 2026-11-23 }\n"\n`, // the log key inside a string
      `${HEAD}...\nlog:\n  - { date: 2026-11-23 }\n`, // a second document
      `${HEAD}log:\n  - { date: 2026-11-23, constructor: 1 }\n`,
      `${HEAD}log:\n  - &a { date: 2026-11-23 }\n  - *a\n`,
    ]) {
      expect(splitLog('a.yaml', file), file).toBeUndefined();
    }
  });
});

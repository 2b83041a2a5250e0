// The athlete file's log, read line by line (src/store/logLines.ts), must read exactly what the
// yaml library reads, for every entry backplan writes and every hand edit it accepts; anything else
// must be left to the yaml library (undefined).
import fc from 'fast-check';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { entryLine, readPlainHead, splitLog } from '../../src/store/logLines.js';

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

describe('the head read line by line', () => {
  const key = fc.oneof(
    // Keys YAML reads as null or true (Null, TRUE), which two spellings of make a duplicate.
    fc.constantFrom(
      'pain',
      'name',
      'symptoms',
      'days',
      'log',
      'constructor',
      'toString',
      'Pain',
      'null',
      'Null',
      'TRUE',
      'True',
    ),
    fc.stringMatching(/^[A-Za-z]{1,8}$/),
  );
  const value = fc.oneof(
    tricky,
    text,
    fc.integer({ min: -5, max: 2_000_000_000 }).map(String),
    fc.constantFrom('[]', '[ ]', '[mon, wed]', '[a,b]', '[limp, night-pain]', '[true]', '"quoted"', '"a" # c'),
    fc.string({ maxLength: 12 }).map((t) => JSON.stringify(t)),
  );
  const simple = fc.oneof(
    fc.integer({ min: 0, max: 1000 }).map(String),
    fc.constantFrom('true', 'false', '2026-01-05', 'km', 'Ana María', '[]', '[mon, wed]', '"a \\"b\\""'),
  );
  const pair = fc.tuple(key, fc.oneof({ arbitrary: simple, weight: 3 }, value)).map(([k, v]) => `${k}: ${v}`);
  const noise = fc.constantFrom(
    '# a comment',
    '  # indented',
    '',
    '   ',
    '---',
    '    deeper: 1',
    '  - item',
    'a: b: c',
  );
  // Mostly the shape backplan writes (top-level pairs, then a block of pairs), with noise put in.
  const head = fc
    .tuple(
      fc.array(pair, { maxLength: 2 }),
      key,
      fc.array(
        pair.map((p) => `  ${p}`),
        { maxLength: 6 },
      ),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.oneof(
            noise,
            pair,
            key.map((k) => `${k}:`),
          ),
        ),
        { maxLength: 2 },
      ),
    )
    .map(([top, block, below, inserted]) => {
      const lines = [...top, `${block}:`, ...below];
      for (const [at, line] of inserted) lines.splice(at % (lines.length + 1), 0, line);
      return `${lines.join('\n')}\n`;
    });

  it('reads what the yaml library reads, or leaves the head to it', () => {
    fc.assert(
      fc.property(head, (head) => {
        const data = readPlainHead(head);
        if (data === undefined) return;
        const doc = parseDocument(head, { uniqueKeys: true });
        expect(doc.errors, head).toEqual([]);
        expect(data, head).toEqual(doc.toJS());
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves a key over 1024 characters to the yaml library, which refuses it', () => {
    const head = `${'a'.repeat(1025)}: 1\nintake:\n  pain: 1\n`;
    expect(readPlainHead(head)).toBeUndefined();
    expect(parseDocument(head).errors).not.toEqual([]);
  });

  it('takes the head backplan writes without the yaml library', () => {
    const head =
      '# backplan athlete file: your answers to `backplan init`, and your check-ins under log.\n' +
      '# Edit with care; `backplan show` prints the plan they make. Comments you add are kept.\n\n' +
      'schemaVersion: 1\nintake:\n  pain: 2\n  symptoms: [ limp ]\n  weekly: 20\n  units: km\n' +
      '  goalWeekly: 30\n  firstEpisode: false\n  name: Ana María\n  start: 2026-01-05\n  days: [mon, wed, sat]\n';
    expect(readPlainHead(head)).toEqual(parse(head));
    expect(readPlainHead(head)).toMatchObject({ intake: { name: 'Ana María', days: ['mon', 'wed', 'sat'] } });
  });
});

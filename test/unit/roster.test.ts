// Reading a CSV roster: parsed at once up to a megabyte, streamed past it, with the same entries.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoster, type RosterEntry } from '../../src/roster/read.js';
import { testDir } from '../tmp.js';

async function entries(path: string, wholeCsvBytes?: number): Promise<RosterEntry[]> {
  const out: RosterEntry[] = [];
  for await (const entry of readRoster(path, 'roster.csv', wholeCsvBytes === undefined ? {} : { wholeCsvBytes }))
    out.push(entry);
  return out;
}

async function failure(path: string, wholeCsvBytes: number): Promise<string> {
  try {
    await entries(path, wholeCsvBytes);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the roster was read without an error');
}

function roster(text: string): string {
  const path = join(testDir('roster'), 'roster.csv');
  writeFileSync(path, text);
  return path;
}

// A BOM, CRLF, quotes around commas and quotes, blank lines, spaces to trim, a short row.
const TRICKY = [
  '\uFEFFname,pain,weekly,goal-weekly,symptoms',
  ' Ana , 2 ,10,30,',
  '"Zoë, ""the fast one""",0,10,20,',
  '',
  'Short row,1',
  '"Red\r\nFlag",2,0,30,night-pain;limp',
].join('\r\n');

describe('a CSV roster', () => {
  it('gives the same entries parsed at once as streamed', async () => {
    const path = roster(`${TRICKY}\r\n`);
    const atOnce = await entries(path);
    expect(await entries(path, 0)).toEqual(atOnce);
    // The lines the rows start on: the blank line 4 and the quoted line break of line 6 count.
    expect(atOnce.map((e) => e.where)).toEqual(['line 2', 'line 3', 'line 5', 'line 6']);
    expect(atOnce[0]!.record).toEqual({ name: 'Ana', pain: '2', weekly: '10', 'goal-weekly': '30', symptoms: '' });
    expect(atOnce[1]!.record!.name).toBe('Zoë, "the fast one"');
    expect(atOnce[2]).toEqual({ where: 'line 5', label: 'Short row', problem: 'has 2 fields, the header has 5' });
    expect(atOnce[3]!.record!.symptoms).toBe('night-pain;limp');
  });

  it('over a megabyte is streamed by default, with the same entries', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `"Athlete ${i} ${'x'.repeat(2000)}",2,10,30,`);
    const path = roster(`${TRICKY}\r\n${rows.join('\r\n')}\r\n`);
    const byDefault = await entries(path);
    expect(byDefault).toHaveLength(604);
    expect(await entries(path, 1 << 30)).toEqual(byDefault);
  });

  it('with a stray quote fails the same way both ways, naming the line', async () => {
    const path = roster('name,pain,goal-weekly\nAna,2,30\nBen "B",2,30\n');
    const atOnce = await failure(path, 1 << 30);
    expect(atOnce).toMatch(/^roster\.csv: not valid CSV: .*line 3/);
    expect(await failure(path, 0)).toBe(atOnce);
  });
});

describe('a roster as a spreadsheet saves it', () => {
  // Excel in much of Europe: semicolons between fields, decimal commas, rows left blank.
  const SEMICOLONS = [
    'name;pain;weekly;goal-weekly;symptoms',
    'Ana;2;10,5;30;',
    ';;;;',
    '"Line\nBreak";1;0;20;',
    ';;;;',
    'Ben;x;0;20;',
  ].join('\r\n');

  it('tells a semicolon file from its header, skips blank rows, and names each row by its file line', async () => {
    for (const whole of [1 << 30, 0]) {
      const got = await entries(roster(`${SEMICOLONS}\r\n`), whole);
      expect(got.map((e) => e.where)).toEqual(['line 2', 'line 4', 'line 7']);
      expect(got[0]!.record).toEqual({ name: 'Ana', pain: '2', weekly: '10,5', 'goal-weekly': '30', symptoms: '' });
      expect(got[2]!.record!.pain).toBe('x');
    }
  });

  it('skips ",,," rows in a comma file, and takes a delimiter given', async () => {
    const path = roster('name,pain,goal-weekly\n,,\nAna,1,30\n , , \n');
    expect((await entries(path)).map((e) => [e.where, e.record?.name])).toEqual([['line 3', 'Ana']]);
    const given: RosterEntry[] = [];
    for await (const e of readRoster(roster('name;pain\nA,B;1\n'), 'roster.csv', { delimiter: ';' })) given.push(e);
    expect(given[0]!.record).toEqual({ name: 'A,B', pain: '1' });
  });

  it('leaves out unnamed columns and empty cells past the last named column (found in review)', async () => {
    for (const whole of [1 << 30, 0]) {
      const got = await entries(roster('name,pain,goal-weekly,,\nAna,1,30,,\nBo,1,40\n'), whole);
      expect(got.map((e) => e.record)).toEqual([
        { name: 'Ana', pain: '1', 'goal-weekly': '30' },
        { name: 'Bo', pain: '1', 'goal-weekly': '40' },
      ]);
    }
    expect(await failure(roster('name,,pain\nAna,,1\n'), 0)).toBe('roster.csv: column 2 of the header has no name');
  });

  it('with a comma too many says how to write a decimal comma', async () => {
    const got = await entries(roster('name,weekly,goal-weekly\nAna,10,5,30\n'));
    expect(got[0]!.problem).toMatch(
      /has 4 fields, the header has 3; a value with a comma \(such as 2,5\) needs quotes/,
    );
  });
});

// Reading a CSV roster: parsed at once up to a megabyte, streamed past it, with the same entries.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoster, type RosterEntry } from '../../src/roster/read.js';
import { testDir } from '../tmp.js';

async function entries(path: string, wholeCsvBytes?: number): Promise<RosterEntry[]> {
  const out: RosterEntry[] = [];
  for await (const entry of readRoster(path, 'roster.csv', wholeCsvBytes === undefined ? {} : { wholeCsvBytes })) out.push(entry);
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
    expect(atOnce.map((e) => e.where)).toEqual(['row 2', 'row 3', 'row 4', 'row 5']);
    expect(atOnce[0]!.record).toEqual({ name: 'Ana', pain: '2', weekly: '10', 'goal-weekly': '30', symptoms: '' });
    expect(atOnce[1]!.record!.name).toBe('Zoë, "the fast one"');
    expect(atOnce[2]).toEqual({ where: 'row 4', label: 'Short row', problem: 'has 2 fields, the header has 5' });
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

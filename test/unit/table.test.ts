// The team table in the columns a terminal shows: wide letters take two (found in review: Japanese
// and Chinese names pushed rows past 80 columns and out of line).
import { describe, expect, it } from 'vitest';
import { cut, displayWidth } from '../../src/export/style.js';
import { fitTable } from '../../src/team/table.js';

describe('display width', () => {
  it('counts wide letters and pictographs as two columns, combining marks as none', () => {
    expect(displayWidth('Ana Lopez')).toBe(9);
    expect(displayWidth('山田花子')).toBe(8);
    expect(displayWidth('김민준')).toBe(6);
    expect(displayWidth('José')).toBe(4);
    expect(displayWidth('Jose\u0301')).toBe(4);
    expect(displayWidth('🏃 run')).toBe(6);
  });

  it('cut keeps within the columns given, never splitting a letter', () => {
    expect(cut('山田花子です', 6)).toBe('山田…');
    expect(displayWidth(cut('山田花子です', 6))).toBeLessThanOrEqual(6);
    expect(cut('Maximiliana', 6)).toBe('Maxim…');
    expect(cut('🏃🏃🏃', 4)).toBe('🏃…');
  });
});

describe('fitTable', () => {
  const columns = [
    { header: 'athlete', priority: 0, min: 8 },
    { header: 'phase', priority: 0 },
    { header: 'next session', priority: 1 },
  ];
  const rows = [
    ['山田花子 (yamada-hanako)', 'walk/run L3', 'Mon 7 Dec, Walk/run L3 · 3 min jog / 2 min walk × 5'],
    ['Ana Lopez', 'continuous', 'Tue 8 Dec, Easy run · 20 min'],
  ];

  it('lines up every column and fits the width, counted as a terminal shows it', () => {
    for (const width of [40, 60, 80]) {
      const lines = fitTable(columns, rows, width);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      // The second column starts at the same terminal column on every line.
      const starts = lines.map((line) => {
        const cell = line.match(/^(.*?\S)\s{2,}(walk|cont|phase)/)!;
        return displayWidth(cell[1]!) + line.slice(cell[1]!.length).match(/^\s+/)![0].length;
      });
      expect(new Set(starts).size).toBe(1);
    }
  });
});

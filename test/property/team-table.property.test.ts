// The team view's table: whatever the names and cells, no line is wider than the terminal, and a
// column is only cut when it may be.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTable, type Column } from '../../src/team/table.js';

const COLUMNS: Column[] = [
  { header: 'athlete', priority: 0 },
  { header: 'needs', priority: 0, min: 9 },
  { header: 'next', priority: 1 },
  { header: 'pain', priority: 2, align: 'right' },
  { header: 'phase', priority: 3 },
  { header: 'last', priority: 4 },
  { header: 'week', priority: 5, align: 'right' },
];
// Lengths drawn evenly up to the longest (fast-check's own strings stay short).
const cell = (max: number) =>
  fc
    .nat({ max })
    .chain((n) => fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom('a', 'b', ' ', 'é', '-') }));
const row = fc.tuple(cell(30), cell(40), cell(12), cell(4), cell(12), cell(8), cell(6)).map((cells) => [...cells]);

describe('fitTable', () => {
  it('fits 80 columns, keeps the first columns, and cuts only where allowed', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const lines = fitTable(COLUMNS, rows, 80);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
        lines.slice(1).forEach((line, i) => expect(line.startsWith(rows[i]![0]!.trimEnd())).toBe(true));
      }),
    );
  });
});

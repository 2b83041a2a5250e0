// A table that fits a terminal: each column as wide as its widest cell, counted in the columns a
// terminal shows (a wide letter takes two); when the whole is wider than the terminal, the least
// needed columns are dropped, then those that may shrink are cut (with an ellipsis) down to their
// least width. No cell is ever broken across lines.
import { cut, displayWidth, padTo } from '../export/style.js';

export interface Column {
  header: string;
  /** Lower is kept longer; the first columns to go have the highest. */
  priority: number;
  /** Cut to no fewer than this many characters, when set; otherwise never cut. */
  min?: number;
  align?: 'left' | 'right';
}

const GAP = '  ';

export function fitTable(columns: Column[], rows: string[][], width: number): string[] {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i]!))));
  const kept = columns.map(() => true);
  const total = () => widths.reduce((sum, w, i) => sum + (kept[i] ? w + GAP.length : 0), -GAP.length);
  const byPriority = columns.map((_, i) => i).sort((a, b) => columns[b]!.priority - columns[a]!.priority);
  for (const i of byPriority) {
    if (total() <= width) break;
    if (columns[i]!.priority > 0) kept[i] = false;
  }
  for (let i = 0; i < columns.length && total() > width; i++) {
    const min = columns[i]!.min;
    if (kept[i] && min !== undefined) widths[i] = Math.max(min, widths[i]! - (total() - width));
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        if (!kept[i]) return null;
        return padTo(cut(cell, widths[i]!), widths[i]!, columns[i]!.align === 'right');
      })
      .filter((cell): cell is string => cell !== null)
      .join(GAP)
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

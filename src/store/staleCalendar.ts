// A calendar left in an export folder from before an athlete was withheld still holds their runs,
// ready to be imported or shared. batch and team export, given --force, take it away.
import { lstatSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What becomes of `<slug>.ics` in `dir` for an athlete now withheld: 'removed' (with --force, a
 * regular file), 'kept' (without --force, or not a regular file: a link or a device is not ours
 * to take away) or undefined when there is none.
 */
export function staleCalendar(dir: string, slug: string, force: boolean): 'removed' | 'kept' | undefined {
  const path = join(dir, `${slug}.ics`);
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (!force || !stats.isFile()) return 'kept';
  unlinkSync(path);
  return 'removed';
}

/** The line that says so, naming the file and what is left to do in calendars. */
export function staleCalendarLine(shownDir: string, slug: string, outcome: 'removed' | 'kept'): string {
  const file = join(shownDir, `${slug}.ics`);
  return outcome === 'removed'
    ? `Removed ${file}: ${slug} is withheld now; delete its runs from any calendar it was imported into.\n`
    : `warning: ${file} from an earlier export still holds runs, and ${slug} is withheld now: delete it (or run again with --force), and its runs from any calendar it was imported into.\n`;
}

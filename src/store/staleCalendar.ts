// A calendar left in an export folder from before an athlete was withheld still holds their runs,
// ready to be imported or shared. batch and team export, given --force, take it away.
import { lstatSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What became of a withheld athlete's old calendar; see staleCalendar. */
export type StaleOutcome = 'removed' | 'kept' | 'not-a-file';

/**
 * What becomes of `<slug>.ics` in `dir` for an athlete now withheld: 'removed' (`remove`, and a
 * regular file), 'kept' (a regular file not to remove), 'not-a-file' (a link, a folder or a device
 * is not ours to take away), or undefined when there is none.
 */
export function staleCalendar(dir: string, slug: string, remove: boolean): StaleOutcome | undefined {
  const path = join(dir, `${slug}.ics`);
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (!stats.isFile()) return 'not-a-file';
  if (!remove) return 'kept';
  unlinkSync(path);
  return 'removed';
}

/** The line that says so, naming the file and what is left to do in calendars. */
export function staleCalendarLine(
  shownDir: string,
  slug: string,
  outcome: StaleOutcome,
  forceRemoves: boolean,
): string {
  const file = join(shownDir, `${slug}.ics`);
  if (outcome === 'removed')
    return `Removed ${file}: ${slug} is withheld now; delete its runs from any calendar it was imported into.\n`;
  const how = outcome === 'kept' && forceRemoves ? 'delete it (or run again with --force)' : 'delete it';
  return `warning: ${file} from an earlier export may hold runs, and ${slug} is withheld now: ${how}, and its runs from any calendar it was imported into.\n`;
}

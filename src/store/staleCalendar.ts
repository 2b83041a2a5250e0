// A calendar left from before a plan was withheld still holds its runs, ready to be imported or
// shared. Given --force, an export of the withheld plan takes it away; without, it says so.
import { lstatSync, unlinkSync } from 'node:fs';

/** What became of a withheld plan's old calendar; see staleCalendar. */
export type StaleOutcome = 'removed' | 'kept' | 'not-a-file';

/**
 * What becomes of the calendar at `path` for a plan now withheld: 'removed' (`remove`, and a
 * regular file), 'kept' (a regular file not to remove), 'not-a-file' (a link, a folder or a device
 * is not ours to take away), or undefined when there is none.
 */
export function staleCalendar(path: string, remove: boolean): StaleOutcome | undefined {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (!stats.isFile()) return 'not-a-file';
  if (!remove) return 'kept';
  unlinkSync(path);
  return 'removed';
}

/**
 * The line that says so, naming the file (as the user gave it), whose plan is withheld ("ana is",
 * "your plan is") and what is left to do in calendars.
 */
export function staleCalendarLine(file: string, whose: string, outcome: StaleOutcome, forceRemoves: boolean): string {
  if (outcome === 'removed')
    return `Removed ${file}: ${whose} withheld now; delete its runs from any calendar it was imported into.\n`;
  const how = outcome === 'kept' && forceRemoves ? 'delete it (or run again with --force)' : 'delete it';
  return `warning: ${file} from an earlier export may hold runs, and ${whose} withheld now: ${how}, and its runs from any calendar it was imported into.\n`;
}

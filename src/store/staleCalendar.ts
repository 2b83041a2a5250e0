// A calendar left from before a plan was withheld still holds its runs, ready to be imported or
// shared. Given --force, an export of the withheld plan takes it away; without, it says so.
import { closeSync, lstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { isReadOnly } from './atomic.js';

/** What became of a withheld plan's old calendar; see staleCalendar. */
export type StaleOutcome = 'removed' | 'kept' | 'read-only' | 'not-a-file' | 'not-ours';

/**
 * What becomes of the calendar at `path` for a plan now withheld: 'removed' (`remove`, and a
 * calendar backplan wrote), 'kept' (one not to remove), 'read-only' (its owner made it so),
 * 'not-a-file' (a link, a folder or a device) and 'not-ours' (a file that is no backplan calendar,
 * such as the athlete file) are not ours to take away; undefined when there is none.
 */
export function staleCalendar(path: string, remove: boolean): StaleOutcome | undefined {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (!stats.isFile()) return 'not-a-file';
  if (!writtenByBackplan(path)) return 'not-ours';
  if (isReadOnly(stats)) return 'read-only';
  if (!remove) return 'kept';
  unlinkSync(path);
  return 'removed';
}

/** A calendar backplan wrote opens with its product id on the third line. */
function writtenByBackplan(path: string): boolean {
  const head = Buffer.alloc(128);
  let read = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return /^BEGIN:VCALENDAR\r?\nVERSION:2\.0\r?\nPRODID:-\/\/backplan\/\//.test(head.toString('utf8', 0, read));
}

/**
 * The line that says so, naming the file (as the user gave it), whose plan is withheld ("ana is",
 * "your plan is") and what is left to do in calendars.
 */
export function staleCalendarLine(file: string, whose: string, outcome: StaleOutcome, forceRemoves: boolean): string {
  if (outcome === 'removed')
    return `Removed ${file}: ${whose} withheld now; delete its runs from any calendar it was imported into.\n`;
  if (outcome === 'not-a-file' || outcome === 'not-ours') {
    const what = outcome === 'not-a-file' ? 'is not a regular file' : 'is no calendar backplan wrote';
    return `warning: ${whose} withheld now, and ${file} ${what}, so it was left alone; delete the plan's runs from any calendar they were imported into.\n`;
  }
  const how = outcome === 'kept' && forceRemoves ? 'delete it (or run again with --force)' : 'delete it';
  return `warning: ${file} from an earlier export may hold runs, and ${whose} withheld now: ${how}, and its runs from any calendar it was imported into.\n`;
}

// Where a rendered plan goes: stdout, or a file written atomically, never replacing one unasked.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFailureReason, writeFileAtomic } from '../store/atomic.js';
import { DataError } from './errors.js';
import type { Io } from './io.js';

export interface OutputFlags {
  output?: string;
  force?: boolean;
  dryRun?: boolean;
}

export const toStdout = (flags: OutputFlags): boolean => flags.output === undefined || flags.output === '-';

/** Writes `content` where the flags say; `what` describes it for the messages ("ICS calendar, 45 events"). */
export function writeOutput(io: Io, flags: OutputFlags, content: string | Uint8Array, what: string): void {
  if (toStdout(flags)) {
    if (flags.dryRun) io.stderr(`Dry run: would print the ${what} (${byteSize(content)}) to stdout; nothing printed.\n`);
    else io.stdout(content);
    return;
  }
  const target = resolve(io.cwd, flags.output!);
  const shown = flags.output!;
  const exists = existsSync(target);
  if (exists && statSync(target).isDirectory()) {
    throw new DataError(`${shown} is a folder`, 'give a file name with -o, e.g. -o plan.ics');
  }
  if (!existsSync(dirname(target))) {
    throw new DataError(`the folder of ${shown} does not exist`, `create ${dirname(shown) || '.'} first, or write somewhere else with -o`);
  }
  if (exists && !flags.force) {
    throw new DataError(`${shown} already exists; nothing was written`, 'add --force to replace it, or choose another file with -o');
  }
  if (flags.dryRun) {
    io.stderr(`Dry run: would ${exists ? 'replace' : 'write'} ${shown} with the ${what} (${byteSize(content)}); nothing written.\n`);
    return;
  }
  try {
    writeFileAtomic(target, content);
  } catch (error) {
    const reason = writeFailureReason(error) ?? String(error);
    throw new DataError(`cannot write ${shown}: ${reason}${exists ? '; the old file is unchanged' : ''}`, 'check the folder and try again, or write somewhere else with -o');
  }
  io.stderr(`Wrote ${shown} (${what}).\n`);
}

function byteSize(content: string | Uint8Array): string {
  const bytes = Buffer.byteLength(content);
  return bytes < 10_000 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(0)} KB`;
}

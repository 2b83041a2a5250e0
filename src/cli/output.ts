// Where a rendered plan goes: stdout, or a file written atomically, never replacing one unasked.
// A symlink is written through to its file; a FIFO or a device is written into; neither is replaced.
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeAll, writeFailureReason, writeFileAtomic, writeTarget } from '../store/atomic.js';
import { DataError } from '../errors.js';
import type { Io } from './io.js';

export interface OutputFlags {
  output?: string;
  force?: boolean;
  dryRun?: boolean;
}

export const toStdout = (flags: OutputFlags): boolean => flags.output === undefined || flags.output === '-';

/** Where the flags send the output, once the target has been checked. */
type Destination =
  { kind: 'stdout' } | { kind: 'into'; into: string | number } | { kind: 'file'; target: string; exists: boolean };

/**
 * Writes `content` where the flags say; `what` describes it for the messages ("ICS calendar, 45
 * events"), and `example` is a file name the hints can offer ("plan.ics").
 */
export function writeOutput(
  io: Io,
  flags: OutputFlags,
  content: string | Uint8Array,
  what: string,
  example: string,
): void {
  const destination = checkOutput(io, flags, example);
  if (destination.kind === 'stdout') {
    if (flags.dryRun)
      io.stderr(`Dry run: would print the ${what} (${byteSize(content)}) to stdout; nothing printed.\n`);
    else io.stdout(content);
    return;
  }
  if (destination.kind === 'into') return writeInto(io, flags, destination.into, content, what);
  const shown = flags.output!;
  const { target, exists } = destination;
  if (flags.dryRun) {
    io.stderr(
      `Dry run: would ${exists ? 'replace' : 'write'} ${shown} with the ${what} (${byteSize(content)}); nothing written.\n`,
    );
    return;
  }
  try {
    writeFileAtomic(target, content);
  } catch (error) {
    const reason = writeFailureReason(error) ?? String(error);
    throw new DataError(
      `cannot write ${shown}: ${reason}${exists ? '; the old file is unchanged' : ''}`,
      'check the folder and try again, or write somewhere else with -o',
    );
  }
  io.stderr(`Wrote ${shown} (${what}).\n`);
}

/**
 * Refuses an output the flags cannot have (a folder, a missing folder, a file that exists without
 * --force), before anything is written; called on its own before work that is slow to undo, such
 * as printing a PDF.
 */
export function checkOutput(io: Io, flags: OutputFlags, example: string): Destination {
  if (toStdout(flags)) return { kind: 'stdout' };
  const given = resolve(io.cwd, flags.output!);
  const shown = flags.output!;
  // /dev/stdout and its kin name a descriptor this process already has open, which may be a socket
  // or a pipe no path opens again: it is written to as it is.
  const fd = descriptorNamed(given);
  if (fd === 1) return { kind: 'stdout' };
  if (fd !== undefined) return { kind: 'into', into: fd };
  let found: ReturnType<typeof writeTarget>;
  try {
    // Under /dev and /proc a link may point at a descriptor, not a path: the system follows it.
    found = isSystemPath(given)
      ? { target: given, stats: statSync(given, { throwIfNoEntry: false }) }
      : writeTarget(given);
  } catch (error) {
    throw new DataError(
      `cannot write ${shown}: ${writeFailureReason(error) ?? String(error)}`,
      'write somewhere else with -o',
    );
  }
  const { target, stats } = found;
  // A name ending in a slash is a folder's, made or not: never a file called "out".
  if (stats?.isDirectory() || /[\\/]$/.test(shown)) {
    throw new DataError(
      stats?.isDirectory() ? `${shown} is a folder` : `${shown} names a folder (it ends with a slash), not a file`,
      `give a file name with -o, e.g. -o ${join(shown, example)}`,
    );
  }
  // A FIFO, a terminal, /dev/null or /dev/stdout is written into, as `>` would: never replaced.
  if (stats && (!stats.isFile() || isSystemPath(given))) {
    if (stats.isBlockDevice() || stats.isSocket()) {
      throw new DataError(
        `${shown} is a ${stats.isSocket() ? 'socket' : 'disk device'}; nothing was written`,
        'write the plan to a file, or to stdout with -o -',
      );
    }
    return { kind: 'into', into: given };
  }
  if (!existsSync(dirname(target))) {
    throw new DataError(
      `the folder of ${shown} does not exist`,
      `create ${dirname(shown) || '.'} first, or write somewhere else with -o`,
    );
  }
  const exists = stats !== undefined;
  if (exists && !flags.force) {
    throw new DataError(
      `${shown} already exists; nothing was written`,
      'add --force to replace it, or choose another file with -o',
    );
  }
  return { kind: 'file', target, exists };
}

/** /dev and /proc: their names stand for descriptors and devices (/dev/stdout may name a file a shell opened). */
const isSystemPath = (path: string): boolean => /^\/(?:dev|proc)\//.test(path);

/** /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor; else undefined. */
function descriptorNamed(path: string): number | undefined {
  const named = /^\/dev\/(stdout|stderr)$/.exec(path)?.[1];
  if (named) return named === 'stdout' ? 1 : 2;
  const number = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d{1,9})$/.exec(path)?.[1];
  return number === undefined ? undefined : Number(number);
}

/** Writes into a FIFO, a character device or an open descriptor, from its start, as `>` would. */
function writeInto(
  io: Io,
  flags: OutputFlags,
  into: string | number,
  content: string | Uint8Array,
  what: string,
): void {
  const shown = flags.output!;
  if (flags.dryRun) {
    io.stderr(`Dry run: would write the ${what} (${byteSize(content)}) into ${shown}; nothing written.\n`);
    return;
  }
  let fd: number | undefined;
  try {
    fd = typeof into === 'number' ? into : openSync(into, 'w');
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  } catch (error) {
    const reason = writeFailureReason(error) ?? String(error);
    throw new DataError(`cannot write ${shown}: ${reason}`, 'write somewhere else with -o');
  } finally {
    if (fd !== undefined && typeof into !== 'number') closeSync(fd);
  }
  io.stderr(`Wrote ${shown} (${what}).\n`);
}

function byteSize(content: string | Uint8Array): string {
  const bytes = Buffer.byteLength(content);
  return bytes < 10_000 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(0)} KB`;
}

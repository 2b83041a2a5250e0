// Everything a command touches of the outside world, so tests can hand in their own.
import { isatty } from 'node:tty';
import { neutralise } from '../export/style.js';
import { DataError } from '../errors.js';
import type { Prompter } from './wizard.js';

export interface Io {
  /** Text, or bytes already encoded as UTF-8 (a calendar). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  now(): Date;
  cwd: string;
  /** All of standard input, as text. */
  readStdin(): Promise<string>;
  /** Questions in the terminal; the prompt library is loaded when this is not given. */
  prompt?: Prompter;
  /** The terminal's width in columns, when stdout or stderr is one. */
  readonly columns?: number | undefined;
}

/** Columns to wrap text to: the terminal's, at most 80 (the width plans are written for), 80 when unknown. */
export function textWidth(io: Io): number {
  const columns = io.columns;
  return columns && columns > 0 ? Math.max(40, Math.min(80, columns)) : 80;
}

const MAX_STDIN_BYTES = 5 * 1024 * 1024;

export function processIo(): Io {
  return {
    stdout: writeTo(process.stdout),
    stderr: writeTo(process.stderr),
    // stdin is asked through its descriptor: opening process.stdin for a command that never reads it is not needed.
    stdinIsTTY: isatty(0),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : process.stderr.isTTY ? process.stderr.columns : undefined,
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        // /dev/zero on stdin never ends: a limit, as for every file backplan reads.
        if (total > MAX_STDIN_BYTES)
          throw new DataError(
            'standard input holds more than 5 MB; nothing was read from it',
            'give backplan a profile of a few KB (--profile -), or a file',
          );
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * Colour for one stream (design.md convention 7): off with --no-color, NO_COLOR, TERM=dumb or a
 * stream that is no terminal; FORCE_COLOR forces it. chalk 5 ignores NO_COLOR, hence this.
 */
export function colorLevel(io: Io, stream: 'stdout' | 'stderr', colorFlag = true): ColorLevel {
  if (!colorFlag) return 0;
  const { FORCE_COLOR, NO_COLOR, TERM, COLORTERM } = io.env;
  if (FORCE_COLOR !== undefined) {
    if (FORCE_COLOR === '0' || FORCE_COLOR === 'false') return 0;
    const forced = Number(FORCE_COLOR);
    return forced >= 1 && forced <= 3 ? (forced as ColorLevel) : 1;
  }
  if (NO_COLOR !== undefined && NO_COLOR !== '') return 0;
  if (TERM === 'dumb') return 0;
  if (!(stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY)) return 0;
  if (COLORTERM === 'truecolor' || COLORTERM === '24bit') return 3;
  return TERM?.includes('256') ? 2 : 1;
}

/** Today's date on the runner's own calendar, as YYYY-MM-DD. */
export function localToday(io: Io): string {
  const now = io.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Writes through the stream, each text made inert first (no terminal escapes from a plan file or
 * a name). A closed pipe (`backplan plan | head`, `init … | true`) is not an error worth a stack
 * trace, and no reason to stop: what the command writes to files (an athlete file, a batch's
 * plans) is its work, and is done all the same. The rest of the output is dropped.
 */
function writeTo(stream: NodeJS.WriteStream): (text: string | Uint8Array) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(neutralise(text));
  };
}

// Everything a command touches of the outside world, so tests can hand in their own.
import type { Prompter } from './wizard.js';

export interface Io {
  stdout(text: string): void;
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
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
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

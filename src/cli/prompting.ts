// design.md convention 8: never prompt without a terminal on stdin and stdout, or with --no-input.
import type { Io } from './io.js';

export const canPrompt = (io: Io, flags: { input?: boolean }): boolean =>
  flags.input !== false && io.stdinIsTTY && io.stdoutIsTTY;

// Runs the program and maps every outcome to an exit code (design.md conventions 3, 4 and 11).
import { CommanderError } from 'commander';
import { PlanInputError } from '../core/errors.js';
import { DataError, EXIT, FileError, UsageError } from '../errors.js';
import type { Io } from './io.js';
import { createProgram, type RunState } from './program.js';

export async function runCli(argv: string[], io: Io): Promise<number> {
  const state: RunState = { exitCode: EXIT.ok };
  const program = createProgram(io, state, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io, argv);
  }
}

const COMMANDS = new Set([
  'plan',
  'init',
  'edit',
  'reset',
  'completion',
  'show',
  'export',
  'checkin',
  'status',
  'report',
  'batch',
  'symptoms',
  'templates',
  'list',
  'lint',
]);

/** "plan " or "templates lint " from the leading words of argv, for the usage hint. */
function commandPath(argv: string[]): string {
  const words: string[] = [];
  for (const arg of argv) {
    if (!COMMANDS.has(arg)) break;
    words.push(arg);
  }
  return words.map((w) => `${w} `).join('');
}

function reportError(error: unknown, io: Io, argv: string[]): number {
  const debug = argv.includes('--debug');
  if (error instanceof Error && error.name === 'ExitPromptError') {
    // Ctrl-C in a prompt: nothing has been written yet (files are written after the last question).
    io.stderr('Cancelled\n');
    return EXIT.cancelled;
  }
  if (error instanceof CommanderError) {
    // commander has already printed its message (and any suggestion).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    if (error.code === 'commander.help') return EXIT.usage; // no command given: help went to stderr
    // An invalid value's message already says how to fix it, and so does a suggestion.
    if (error.code !== 'commander.invalidArgument' && !error.message.includes('Did you mean')) {
      io.stderr(`Run "backplan ${commandPath(argv)}--help" for usage.\n`);
    }
    return EXIT.usage;
  }
  const known = classify(error);
  if (known) {
    io.stderr(`error: ${known.message}\n${known.hint ? `  ${known.hint}\n` : ''}`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return known.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `error: unexpected failure: ${message}\n  Run again with --debug for details, and report it if it persists.\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT.data;
}

function classify(error: unknown): { message: string; hint?: string | undefined; exitCode: number } | undefined {
  if (error instanceof UsageError || error instanceof DataError)
    return { message: error.message, hint: error.hint, exitCode: error.exitCode };
  if (error instanceof FileError) {
    return {
      message: error.message,
      hint: error.hint ?? 'Fix the plan file; "backplan templates lint <file>" checks it.',
      exitCode: EXIT.data,
    };
  }
  if (error instanceof PlanInputError) return { message: error.message, hint: error.hint, exitCode: EXIT.usage };
  return undefined;
}

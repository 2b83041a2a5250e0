// Error classes the top-level handler maps to exit codes (design.md convention 4).
export const EXIT = { ok: 0, data: 1, usage: 2, withheld: 3, cancelled: 130 } as const;

abstract class CliError extends Error {
  abstract readonly exitCode: number;
  /** How to fix it, shown on the line after the message. */
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The command line is wrong: a flag, a value, a missing answer. Exit 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  readonly exitCode = EXIT.usage;
}

/** A file or its data is wrong, or the system refused. Exit 1. */
export class DataError extends CliError {
  override name = 'DataError';
  readonly exitCode = EXIT.data;
}

export type { CliError };

/** A file (a plan template, an athlete file, a roster) is wrong at a line: `file:line: detail`. Exit 1. */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
    readonly hint?: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
  }
}

// Entry point of the built CLI: bin/backplan.cjs loads the bundle of this file and calls main.
import { processIo } from './cli/io.js';
import { runCli } from './cli/run.js';

/** Runs backplan with these arguments against the real process; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  return runCli(argv, processIo());
}

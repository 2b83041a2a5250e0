// Entry point of the built CLI: bin/backplan.cjs loads the bundle of this file and calls main;
// the batch thread calls mainInBatchThread.
import { processIo } from './cli/io.js';
import { runCli } from './cli/run.js';

/** Runs backplan with these arguments against the real process; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  return runCli(argv, processIo());
}

/**
 * The same, in the batch thread (src/cli/batchThread.ts); the build's cache training calls it on
 * the main thread, to run a batch there.
 */
export async function mainInBatchThread(argv: string[]): Promise<number> {
  const { tightenHeapGrowth } = await import('./cli/batchThread.js');
  const io = processIo({ thread: true });
  io.planningStarts = tightenHeapGrowth;
  return runCli(argv, io, { inBatchThread: true });
}

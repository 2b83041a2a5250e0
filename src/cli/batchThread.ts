// `batch` does its work in a worker thread whose young generation is capped. V8 grows a process's
// young generation as data survives: reading a 10,000-athlete roster took it from 8 to 32 MB, a
// third of the run's memory, though the data kept is about 10 MB. A worker's limits are set when
// it starts, which is the only time Node 20 lets them be set from inside the program.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, Worker } from 'node:worker_threads';
import type { Io } from './io.js';

/** Young generation of the batch thread, MB: the size a 1,000-athlete run reaches on its own. */
const YOUNG_GENERATION_MB = 12;

/**
 * Runs `backplan <argv>` in the batch thread and resolves to its exit code; null when this is
 * that thread already, or when backplan runs from its sources (npm run dev, tests), not the build.
 */
export function inBatchThread(argv: readonly string[], io: Io): Promise<number> | null {
  const bin = builtBin();
  if (!isMainThread || !bin) return null;
  return new Promise((resolve, reject) => {
    let code: number | undefined;
    // The thread writes to the descriptors itself. Its streams, used only when a descriptor refuses
    // a write, are passed on by hand: left to Node, they would open this thread's process.stdout,
    // which makes a pipe non-blocking for the other thread too.
    const worker = new Worker(WORKER, { eval: true, workerData: { bin, argv }, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.stdout.on('data', (chunk: Buffer) => io.stdout(chunk));
    worker.stderr.setEncoding('utf8'); // a character split between two chunks stays whole
    worker.stderr.on('data', (text: string) => io.stderr(text));
    worker.on('message', (message: number) => (code = message));
    worker.on('error', reject);
    // Resolved on exit, once anything the thread left to its streams has come through. A thread that
    // ends itself has its own code (a closed stdout pipe ends it with 0); a failure came as 'error'.
    worker.on('exit', (exitCode) => resolve(code ?? exitCode));
  });
}

/**
 * Keeps the thread's old generation near its live data from here on, with two V8 flags:
 *
 * - `--heap-growing-percent=100`: the old generation may grow to twice its live data before a full
 *   collection. V8 otherwise picks the factor from how fast the thread allocates against how fast
 *   it collects: in about half the 10,000-athlete runs writing to a slow disk it chose up to 4,
 *   and the old generation reached 65 MB holding 26-34 MB of live data.
 * - `--no-allocation-site-pretenuring`: reading the roster keeps everything it makes, and V8 learns
 *   from that to allocate some objects straight in the old generation. In about one 10,000-athlete
 *   run in six it kept doing so for the plans' short-lived objects: eight full collections instead
 *   of one, and peak memory 98-105 MB instead of 85-89 (0 of 22 runs with the flag).
 *
 * V8 reads both as it goes, for the whole process. It also stamps the flags in force on every code
 * cache it makes and refuses a cache stamped with other flags, so they are set only once the
 * thread has loaded its code (the CLI bundle, csv-parse, yaml, zod): set when the thread started,
 * they had made every one of those caches useless there.
 */
export function tightenHeapGrowth(): void {
  // Only in the thread: the build runs batches on its main thread to train the caches it writes.
  if (!isMainThread) setFlagsFromString('--heap-growing-percent=100 --no-allocation-site-pretenuring');
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const cli = require(workerData.bin).loadCli();
if (cli) cli.exports.mainInBatchThread(workerData.argv).then((code) => parentPort.postMessage(code));
`;

/** bin/backplan.cjs beside the built bundle (dist/cli.cjs) this code runs from; null in development. */
function builtBin(): string | null {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.cjs') ? join(dirname(here), '..', 'bin', 'backplan.cjs') : null;
}

// Entry point of the built CLI (bin/backplan.cjs imports the bundle of this file).
import { processIo } from './cli/io.js';
import { runCli } from './cli/run.js';

// A closed pipe (`backplan plan | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());

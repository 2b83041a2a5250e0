#!/usr/bin/env node
// Runs the built CLI, dist/cli.js (scripts/build.mjs). `--version` and `--help` are answered here,
// from package.json and the help text the build wrote, without loading the CLI.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const quick = args.length === 1 ? quickAnswer(args[0]) : null;
if (quick !== null) {
  process.stdout.write(quick);
} else {
  // Node ≥ 22.1 keeps the code it compiled for the bundle on disk and reuses it at the next start.
  require('node:module').enableCompileCache?.();
  import('../dist/cli.js').then(
    ({ main }) => main(args).then((code) => (process.exitCode = code)),
    (error) => {
      if (error.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.url ?? error.message).includes('dist/cli.js')) throw error;
      process.stderr.write('error: backplan is not built yet.\n  Run "npm run build" (or "npm ci", which builds) in the backplan folder.\n');
      process.exitCode = 1;
    },
  );
}

/** The version, or the program's help as built (80 columns, so only where that fits); else null. */
function quickAnswer(arg) {
  if (arg === '--version' || arg === '-V') return `${require('../package.json').version}\n`;
  if ((arg === '--help' || arg === '-h') && (!process.stdout.isTTY || (process.stdout.columns || 80) >= 80)) {
    try {
      return readFileSync(join(__dirname, '..', 'dist', 'help.txt'), 'utf8');
    } catch {
      return null; // not built yet: the build itself asks commander for it
    }
  }
  return null;
}

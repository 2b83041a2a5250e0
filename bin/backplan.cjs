#!/usr/bin/env node
// Runs the built CLI, dist/cli.cjs (scripts/build.mjs). `--version` and `--help` are answered here,
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
  let cli;
  try {
    cli = require('../dist/cli.cjs');
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.cjs')) throw error;
    process.stderr.write('error: backplan is not built yet.\n  Run "npm run build" in the backplan folder.\n');
    process.exitCode = 1;
  }
  cli?.main(args).then((code) => (process.exitCode = code));
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

#!/usr/bin/env node
// Runs the built CLI (dist/cli.js). `--version` and `--help` are answered here, before the ES
// module loader starts: scripts call them most, and they need nothing but two small files.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const quick = args.length === 1 ? quickAnswer(args[0]) : null;
if (quick !== null) {
  process.stdout.write(quick);
} else {
  // Node's compile cache (22.1+) makes later start-ups faster; Node 20 has none.
  const module = require('node:module');
  if (typeof module.enableCompileCache === 'function') {
    try {
      module.enableCompileCache();
    } catch {
      // A read-only cache folder only costs speed.
    }
  }
  import('../dist/cli.js').catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
      process.stderr.write('error: backplan is not built yet.\n  Run "npm run build" (or "npm ci", which builds) in the backplan folder.\n');
      process.exit(1);
    }
    throw error;
  });
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

#!/usr/bin/env node
// Runs the built CLI (dist/cli.cjs). `--version` and `--help` are answered here, from two small
// files. Everything else loads the bundle with the V8 code cache the build made beside it
// (dist/cli.cjs.cache), so start-up skips compiling the bundle: Node 20 has no compile cache of
// its own (module.enableCompileCache came in 22.1). A cache from another Node is rejected by V8,
// and the bundle is then compiled as usual: slower, never wrong.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const CLI = join(__dirname, '..', 'dist', 'cli.cjs');

if (require.main === module) {
  const args = process.argv.slice(2);
  const quick = args.length === 1 ? quickAnswer(args[0]) : null;
  if (quick !== null) {
    process.stdout.write(quick);
  } else {
    const cli = loadCli();
    if (cli) {
      cli.exports.main(args).then((code) => {
        process.exitCode = code;
      });
    }
  }
} else {
  module.exports = { CLI, loadCli }; // for the build, which trains the cache
}

/**
 * The bundle's module, compiled from its code cache when V8 accepts it; null (after saying so) when
 * backplan is not built. `script` is returned so the build can write a cache of it.
 */
function loadCli(cachePath = `${CLI}.cache`) {
  let source;
  try {
    source = readFileSync(CLI, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    process.stderr.write('error: backplan is not built yet.\n  Run "npm run build" (or "npm ci", which builds) in the backplan folder.\n');
    process.exitCode = 1;
    return null;
  }
  let cachedData;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // No cache (a build without one, or it was removed): compile as usual.
  }
  const { Script } = require('node:vm');
  const { createRequire } = require('node:module');
  // The same wrapper Node gives a CommonJS file, on the first line so line numbers stay true.
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new Script(wrapper, { filename: CLI, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(CLI), bundle, CLI, join(CLI, '..'));
  return { exports: bundle.exports, script };
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

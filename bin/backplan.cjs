#!/usr/bin/env node
// Runs the built CLI (dist/cli.cjs). `--version` and `--help` are answered here, from two small
// files. Everything else loads the bundle with the V8 code cache the build made beside it
// (dist/cli.cjs.cache), so start-up skips compiling the bundle: Node 20 has no compile cache of
// its own (module.enableCompileCache came in 22.1). A cache from another Node is rejected by V8,
// and the bundle is then compiled as usual: slower, never wrong.
'use strict';
const { fstatSync, readFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');

const CLI = join(__dirname, '..', 'dist', 'cli.cjs');
/** Bundles loaded so far, by file, with their scripts: the build writes a cache of each. */
const loaded = new Map();
// For the CLI bundle, which loads its vendor bundles (zod, yaml, …) through loadBundle, and for the
// build, which trains the caches.
module.exports = { CLI, loadCli, loadBundle, loaded };

if (require.main === module) {
  const args = process.argv.slice(2);
  const quick = args.length === 1 ? quickAnswer(args[0]) : null;
  if (quick !== null) {
    writeAll(quick);
  } else {
    const cli = loadCli();
    if (cli) {
      cli.exports.main(args).then((code) => {
        process.exitCode = code;
        // Nothing left to wait for (output is written synchronously): leave now, before V8 spends
        // a millisecond collecting garbage in an idle task and Node tears the heap down.
        if (process.getActiveResourcesInfo().length === 0) process.exit(code);
      });
    }
  }
}

/** The CLI bundle's module; null (after saying so) when backplan is not built. */
function loadCli(cachePath) {
  try {
    return loadBundle(CLI, cachePath);
  } catch (error) {
    if (error.code !== 'ENOENT' || error.path !== CLI) throw error;
    process.stderr.write('error: backplan is not built yet.\n  Run "npm run build" (or "npm ci", which builds) in the backplan folder.\n');
    process.exitCode = 1;
    return null;
  }
}

/**
 * A bundle's module, compiled from its code cache (`<file>.cache`) when V8 accepts it.
 * `script` is returned so the build can write a cache of it.
 *
 * The build writes each bundle already inside the function wrapper Node gives a CommonJS file
 * (scripts/build.mjs), so its text is compiled as read: wrapping it here made a second copy of a
 * few hundred kilobytes at every start. The bundle's `require` is this file's own: bin/ and dist/
 * sit side by side, so both find the same packages, and node:module (createRequire) stays unloaded.
 */
function loadBundle(file, cachePath = `${file}.cache`) {
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // No cache (a build without one, or it was removed): compile as usual.
  }
  const { Script } = require('node:vm');
  const script = new Script(source, { filename: file, cachedData });
  // V8 refuses a cache made by another Node or under other V8 flags; start-up is then slower.
  if (script.cachedDataRejected && process.env.BACKPLAN_DEBUG_CACHE) {
    process.stderr.write(`backplan: V8 refused the code cache of ${file}; it was compiled afresh\n`);
  }
  const bundle = { exports: {} };
  loaded.set(file, script);
  script.runInThisContext()(bundle.exports, require, bundle, file, join(file, '..'));
  return { exports: bundle.exports, script };
}

/**
 * Text to stdout through the descriptor: process.stdout would load Node's stream modules, more
 * than the answer itself costs. Anything unusual (a closed pipe, a non-blocking descriptor) goes
 * to the stream, which knows what to do.
 */
function writeAll(text) {
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch {
    process.stdout.on('error', () => {}); // a closed pipe: the reader wanted no more
    process.stdout.write(bytes.subarray(written));
  }
}

/** The version, or the program's help as built (80 columns, so only where that fits); else null. */
function quickAnswer(arg) {
  if (arg === '--version' || arg === '-V') return `${require('../package.json').version}\n`;
  if ((arg === '--help' || arg === '-h') && fitsHelp()) {
    try {
      return readFileSync(join(__dirname, '..', 'dist', 'help.txt'), 'utf8');
    } catch {
      return null; // not built yet: the build itself asks commander for it
    }
  }
  return null;
}

/** Whether the built help (80 columns) fits stdout: a file or a pipe, or a terminal that wide. */
function fitsHelp() {
  try {
    if (!fstatSync(1).isCharacterDevice()) return true; // asking process.stdout would open the stream
  } catch {
    return true;
  }
  return !process.stdout.isTTY || (process.stdout.columns || 80) >= 80;
}

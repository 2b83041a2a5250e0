// Bundles the CLI into dist/ for a fast start-up (README, Performance):
// - dist/cli.cjs: backplan's own code with commander, chalk and date-fns, as one CommonJS file
//   (CommonJS because Node 20's ES module loader alone costs a quarter of Node's start-up);
// - dist/vendor/*.cjs: the large libraries only some commands need (zod, yaml, csv-parse, the
//   prompts), each loaded by the first require that needs it;
// - each bundle is written inside the CommonJS function wrapper, which the bin compiles as read;
// - dist/cli.cjs.cache: V8's compiled code for the bundle, made by running typical commands, so
//   start-up deserialises instead of compiling;
// - dist/plans.json (the built-in plans, validated) and dist/help.txt (`--help`), read instead of
//   computed.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });

const VENDOR = { zod: 'zod', yaml: 'yaml', 'csv-parse': 'csv-parse', 'csv-parse/sync': 'csv-parse-sync', '@inquirer/prompts': 'prompts' };
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.BACKPLAN_NO_MINIFY !== '1', // BACKPLAN_NO_MINIFY=1 keeps names readable in a CPU profile
  legalComments: 'none',
  logLevel: 'warning',
  // `import()` of an external becomes require(): the bundle runs as a vm.Script, which has no
  // loader for dynamic imports, and a require of CommonJS is cheaper anyway.
  supported: { 'dynamic-import': false },
};

// commander requires child_process at load, for subcommands run as separate programs, which
// backplan has none of; loading it (and net, dgram, …) cost every start-up several milliseconds.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes('commander') ? { path: 'lazy', namespace: 'lazy-child-process' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
// node:process is the global process object; commander requires it at load, and compiling Node's
// one-line module for it cost half a million instructions of every start-up.
const processGlobal = {
  name: 'process-global',
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, () => ({ path: 'process', namespace: 'process-global' }));
    b.onLoad({ filter: /.*/, namespace: 'process-global' }, () => ({ contents: 'module.exports = process;', loader: 'js' }));
  },
};
// src/nodeRequire.ts makes a require with node:module; in the bundle, the require the loader gives
// it does the same job without loading node:module.
const loaderRequire = {
  name: 'loader-require',
  setup(b) {
    b.onLoad({ filter: /[/\\]src[/\\]nodeRequire\.ts$/ }, () => ({ contents: 'export const nodeRequire = require;', loader: 'js' }));
  },
};
// The vendor libraries resolve to their own bundles beside the CLI's, loaded (with their code
// caches) by the bin's loader, which is already in memory.
const vendorBundles = {
  name: 'vendor-bundles',
  setup(b) {
    const names = Object.keys(VENDOR).map((n) => n.replace(/[/@]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      contents: `const { join } = require('node:path'); module.exports = require(join(__dirname, '..', 'bin', 'backplan.cjs')).loadBundle(join(__dirname, 'vendor', '${VENDOR[args.path]}.cjs')).exports;`,
      loader: 'js',
    }));
  },
};

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  // Reads its zone files next to itself at run time (__dirname), so it must load from node_modules.
  external: ['@touch4it/ical-timezones'],
  // Modules find the shipped plans/ folder upward from their own file; the URL is made when asked.
  define: { 'import.meta.url': '__cliMeta.url' },
  banner: { js: "var __cliMeta={get url(){return require('node:url').pathToFileURL(__filename).href}};" },
  plugins: [lazyChildProcess, processGlobal, loaderRequire, vendorBundles],
});
await Promise.all(
  Object.entries(VENDOR).map(([name, file]) =>
    build({ ...common, stdin: { contents: `export * from '${name}';`, resolveDir: '.', loader: 'js' }, outfile: `dist/vendor/${file}.cjs` }),
  ),
);

// Each bundle inside the function wrapper Node gives a CommonJS file, on its first line so line
// numbers stay true: the bin compiles the text as read (bin/backplan.cjs, loadBundle).
for (const file of ['cli.cjs', ...Object.values(VENDOR).map((name) => `vendor/${name}.cjs`)]) {
  const url = new URL(file, dist);
  writeFileSync(url, `(function (exports, require, module, __filename, __dirname) { ${readFileSync(url, 'utf8')}\n})`);
}

const snapshotScript = new URL('snapshot-plans.cjs', dist);
await build({
  ...common,
  entryPoints: ['scripts/snapshot-plans.ts'],
  outfile: snapshotScript.pathname,
  minify: false,
  define: { 'import.meta.url': '__snapshotFileUrl' },
  banner: { js: "var __snapshotFileUrl=require('node:url').pathToFileURL(__filename).href;" },
});
run([snapshotScript.pathname, new URL('plans.json', dist).pathname], 'the plans snapshot');
rmSync(snapshotScript);

// The code caches: typical commands run in a process of their own, then V8 writes what it compiled
// (scripts/train-cache.cjs).
for (const which of ['cli', 'vendor']) run([new URL('train-cache.cjs', import.meta.url).pathname, which], `the ${which} code cache`);

// The program's help, as commander prints it at 80 columns; `backplan --help` prints this file.
const help = run([new URL('../bin/backplan.cjs', import.meta.url).pathname, '--help'], 'the help text');
writeFileSync(new URL('help.txt', dist), help);

function run(args, what) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed:\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout;
}

// Bundles src/cli.ts into dist/: one minified entry plus a chunk per lazily imported command,
// so start-up loads only what the command in hand needs. Then two things start-up reads instead
// of computing: dist/plans.json (the built-in plans, validated) and dist/help.txt (`--help`).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });
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
// commander is CommonJS and requires Node built-ins; ESM output needs a real require for that.
const banner = { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" };
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.BACKPLAN_NO_MINIFY !== '1', // BACKPLAN_NO_MINIFY=1 keeps names readable in a CPU profile
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Reads its zone files next to itself at run time (__dirname), so it must load from node_modules.
  external: ['@touch4it/ical-timezones'],
  logLevel: 'warning',
  banner,
  plugins: [lazyChildProcess],
});

const snapshotScript = new URL('snapshot-plans.mjs', dist);
await build({ entryPoints: ['scripts/snapshot-plans.ts'], outfile: snapshotScript.pathname, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', banner });
run([snapshotScript.pathname, new URL('plans.json', dist).pathname], 'the plans snapshot');
rmSync(snapshotScript);

// The program's help, as commander prints it at 80 columns; `backplan --help` prints this file.
const help = run([new URL('../bin/backplan.cjs', import.meta.url).pathname, '--help'], 'the help text');
writeFileSync(new URL('help.txt', dist), help);

function run(args, what) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed:\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout;
}

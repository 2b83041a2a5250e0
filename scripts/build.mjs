// Bundles the CLI into dist/ with esbuild (docs/architecture.md, "The bundle"):
// - dist/cli.cjs: backplan's own code with commander, chalk and date-fns, as one CommonJS file;
// - dist/vendor/*.cjs: the large libraries only some commands need (zod, yaml, csv-parse, the
//   prompts), each a bundle of its own that the first `import()` needing it loads;
// - dist/plans.json: the built-in plans, validated, read at start-up instead of parsing YAML;
// - dist/help.txt: `backplan --help` at 80 columns, which the bin prints without loading the CLI.
// CommonJS rather than ES modules: Node 20 loads each ES module file through its thread pool,
// which cost `plan` a third more time than these synchronous reads (docs/performance.md).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });

/** The libraries bundled on their own, by the name the sources import them by. */
const VENDOR = {
  zod: 'zod',
  yaml: 'yaml',
  'csv-parse': 'csv-parse',
  'csv-parse/sync': 'csv-parse-sync',
  '@inquirer/prompts': 'prompts',
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.BACKPLAN_NO_MINIFY !== '1', // BACKPLAN_NO_MINIFY=1 keeps names readable in a CPU profile
  legalComments: 'none',
  logLevel: 'warning',
};

// In the CLI's bundle, each of those libraries is a require of its own bundle, beside it.
const vendorBundles = {
  name: 'vendor-bundles',
  setup(b) {
    b.onResolve({ filter: /^(zod|yaml|csv-parse|csv-parse\/sync|@inquirer\/prompts)$/ }, (args) => ({
      path: `./vendor/${VENDOR[args.path]}.cjs`,
      external: true,
    }));
  },
};

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  // Loaded from node_modules at run time: the zone library reads its zone files beside itself.
  external: ['@touch4it/ical-timezones'],
  inject: ['scripts/import-meta-url.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
  // An `import()` of a library outside this file becomes a `require`: kept as `import()`, it would
  // load Node's ES module loader, and see only the default export of a CommonJS bundle.
  supported: { 'dynamic-import': false },
  plugins: [vendorBundles],
});
await Promise.all(
  Object.entries(VENDOR).map(([name, file]) =>
    build({
      ...common,
      stdin: { contents: `export * from '${name}';`, resolveDir: root, loader: 'js' },
      outfile: `dist/vendor/${file}.cjs`,
    }),
  ),
);

// The plans snapshot, made by the full loader (YAML and zod) from the sources, through tsx.
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
run(
  [tsx, fileURLToPath(new URL('snapshot-plans.ts', import.meta.url)), fileURLToPath(new URL('plans.json', dist))],
  'the plans snapshot',
);

// The program's help, as commander prints it at 80 columns; `backplan --help` prints this file.
const help = run([fileURLToPath(new URL('../bin/backplan.cjs', import.meta.url)), '--help'], 'the help text');
writeFileSync(new URL('help.txt', dist), help);

function run(args, what) {
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
  });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed:\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout;
}

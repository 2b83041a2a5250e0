// Bundles the CLI into dist/ (docs/architecture.md, "The bundle"):
// - dist/cli.js and dist/chunks/: backplan and its libraries as one ES module bundle, split by
//   esbuild at each `import()`, so a command loads its own code and the libraries it needs (zod,
//   yaml, the prompts…) and no more;
// - dist/plans.json: the built-in plans, validated, read at start-up instead of parsing YAML;
// - dist/help.txt: `backplan --help` at 80 columns, which the bin prints without loading the CLI.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });

const { metafile } = await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['src/cli.ts'],
  metafile: true,
  bundle: true,
  format: 'esm',
  splitting: true,
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  minify: process.env.BACKPLAN_NO_MINIFY !== '1', // BACKPLAN_NO_MINIFY=1 keeps names readable in a CPU profile
  legalComments: 'none',
  logLevel: 'warning',
  // Loaded from node_modules at run time: the zone library reads its zone files beside itself, and
  // playwright-core (PDF only) finds its own files the same way.
  external: ['@touch4it/ical-timezones', 'playwright-core'],
  // The CommonJS libraries in the bundle (commander, yaml…) require Node's modules; an ES module
  // has no `require` of its own, so the bundle makes one, as esbuild's documentation advises.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// A CommonJS library imported with `import()` comes out of the bundle as its default export only
// (Node would also offer its named exports): `const { x } = await import('lib')` would then read
// undefined at run time. Such a library is imported statically by a module loaded lazily instead.
for (const [file, output] of Object.entries(metafile.outputs)) {
  if (output.entryPoint?.includes('node_modules/') && output.exports.join() === 'default') {
    process.stderr.write(`build: ${output.entryPoint} is a CommonJS library imported with import() (${file});\n  import it statically from a module that is itself loaded lazily\n`);
    process.exit(1);
  }
}

// The plans snapshot, made by the full loader (YAML and zod) from the sources, through tsx.
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
run([tsx, fileURLToPath(new URL('snapshot-plans.ts', import.meta.url)), fileURLToPath(new URL('plans.json', dist))], 'the plans snapshot');

// The program's help, as commander prints it at 80 columns; `backplan --help` prints this file.
const help = run([fileURLToPath(new URL('../bin/backplan.cjs', import.meta.url)), '--help'], 'the help text');
writeFileSync(new URL('help.txt', dist), help);

function run(args, what) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed:\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout;
}

// Bundles src/cli.ts into dist/: one minified entry plus a chunk per lazily imported command,
// so start-up loads only what the command in hand needs.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Reads its zone files next to itself at run time (__dirname), so it must load from node_modules.
  external: ['@touch4it/ical-timezones'],
  logLevel: 'warning',
  // commander is CommonJS and requires Node built-ins; ESM output needs a real require for that.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});

// Build step: validates the built-in plans with the full loader and writes dist/plans.json, which
// start-up reads instead of parsing YAML (src/templates/builtin.ts checks it still matches plans/).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlansSnapshot } from '../src/templates/builtin.js';
import { builtinPlansDir, loadTemplates, NAMED_FILES } from '../src/templates/load.js';

const dir = builtinPlansDir();
const files = [...Object.values(NAMED_FILES), 'standard.yaml'];
const snapshot: PlansSnapshot = {
  sources: Object.fromEntries(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')])),
  templates: loadTemplates(),
};
writeFileSync(process.argv[2]!, JSON.stringify(snapshot));

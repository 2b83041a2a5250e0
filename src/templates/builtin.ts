// The built-in plans, validated once at build time (scripts/build.mjs writes dist/plans.json), so
// that start-up reads one small JSON file instead of loading the YAML parser and zod. The snapshot
// keeps the YAML text it was made from: when a file in plans/ no longer matches it (a copy edited
// in place), the full loader runs instead and reports errors with file and line as usual.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Templates } from '../core/types.js';

export const NAMED_FILES = { rules: 'rules.yaml', ladder: 'ladder.yaml', exercises: 'exercises.yaml' } as const;
export const DEFAULT_TEMPLATE = 'standard';

export interface PlansSnapshot {
  /** The YAML files the snapshot was made from, by name, with their text. */
  sources: Record<string, string>;
  templates: Templates;
}

/** The plans/ folder that ships with backplan, found upward from this module (src or dist). */
export function builtinPlansDir(): string | null {
  // The bundle is CommonJS and has __dirname, which costs no URL parsing; tests run the sources.
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'plans', NAMED_FILES.rules))) return join(dir, 'plans');
    dir = dirname(dir);
  }
  return null;
}

/** The default templates from the build-time snapshot; null when there is none or plans/ changed. */
export function builtinSnapshot(): Templates | null {
  const plans = builtinPlansDir();
  return plans ? readSnapshot(join(dirname(plans), 'dist', 'plans.json'), plans) : null;
}

/** A snapshot file's templates, if every YAML text it was made from is still the same in `plans`. */
export function readSnapshot(file: string, plans: string): Templates | null {
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as PlansSnapshot;
    for (const [file, text] of Object.entries(snapshot.sources)) {
      if (readFileSync(join(plans, file), 'utf8') !== text) return null;
    }
    return snapshot.templates;
  } catch {
    return null;
  }
}

// Templates for a command: the build-time snapshot of the built-in plans when nothing else is
// asked for, else the full YAML loader (loaded only then).
import type { Exercise, Templates } from '../core/types.js';
import { builtinSnapshot, DEFAULT_TEMPLATE } from './builtin.js';

export interface TemplateSource {
  /** A folder of the user's own plan files, searched before the built-in ones. */
  userDir?: string | undefined;
  /** A template name, or a path to a template file. */
  template?: string | undefined;
}

export async function getTemplates(source: TemplateSource = {}): Promise<Templates> {
  if (!source.userDir && (source.template ?? DEFAULT_TEMPLATE) === DEFAULT_TEMPLATE) {
    const snapshot = builtinSnapshot();
    if (snapshot) return withUniformExercises(snapshot);
  }
  const { loadTemplates } = await import('./load.js');
  return withUniformExercises(loadTemplates(source));
}

/**
 * Every exercise with the same keys, in the same order, holding the same kinds of value (no
 * minutes is 0 and no steps is [], which is how the engine and renderers read them). JSON and zod
 * leave absent keys out, so exercises came in several object shapes, and in a batch the compiled
 * code of the engine and renderers, made for the shapes seen first, was thrown away and compiled
 * again when another came.
 */
function withUniformExercises(templates: Templates): Templates {
  const uniform = (e: Exercise): Exercise => ({
    kind: e.kind,
    title: e.title,
    minutes: e.minutes ?? 0,
    details: e.details,
    steps: e.steps ?? [],
    loads: e.loads ?? [],
  });
  return {
    ...templates,
    exercises: Object.fromEntries(Object.entries(templates.exercises).map(([id, e]) => [id, uniform(e)])),
  };
}

// Templates for a command: the build-time snapshot of the built-in plans when nothing else is
// asked for, else the full YAML loader (loaded only then).
import type { Templates } from '../core/types.js';
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
    if (snapshot) return snapshot;
  }
  const { loadTemplates } = await import('./load.js');
  return loadTemplates(source);
}

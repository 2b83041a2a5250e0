// Which of the files an export would write are an athlete file or its backup, compared as files
// (links followed, so a link in an output folder counts as what it points to).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

const identity = (path: string): string | undefined => {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.dev}:${stats.ino}` : undefined;
};

/** The targets that are one of the athlete files, or one's `.bak`: an export never goes over them. */
export function athleteFilesAmong(targets: readonly string[], athletePaths: readonly string[]): string[] {
  const paths = athletePaths.flatMap((path) => [resolve(path), resolve(`${path}.bak`)]);
  // By name too, for an athlete file about to be made (init).
  const athletes = new Set<string | undefined>([...paths, ...paths.map(identity)]);
  athletes.delete(undefined);
  return targets.filter((target) => athletes.has(resolve(target)) || athletes.has(identity(target)));
}

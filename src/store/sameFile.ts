// Which of the files an export would write are an athlete file or its backup, compared as files
// (links followed, so a link in an output folder counts as what it points to).
import { statSync } from 'node:fs';

const identity = (path: string): string | undefined => {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.dev}:${stats.ino}` : undefined;
};

/** The targets that are one of the athlete files, or one's `.bak`: an export never goes over them. */
export function athleteFilesAmong(targets: readonly string[], athletePaths: readonly string[]): string[] {
  const athletes = new Set(athletePaths.flatMap((path) => [identity(path), identity(`${path}.bak`)]));
  athletes.delete(undefined);
  return targets.filter((target) => athletes.has(identity(target)));
}

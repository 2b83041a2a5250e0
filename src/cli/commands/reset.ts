// `backplan reset`: forget the runner: the athlete file (answers and every check-in), its .bak and
// its lock. Asks first, defaulting to No; a script says --yes. A symlinked athlete file is written
// through to the file it points at, with the .bak and the lock beside that file: all of them go.
import type { Command } from 'commander';
import { existsSync, lstatSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { writeTarget } from '../../store/atomic.js';
import { withLock } from '../../store/lock.js';
import { DataError, EXIT, UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import { athletePath } from '../../store/athlete.js';
import { inquirerPrompter } from '../wizard.js';
import { canPrompt } from '../prompting.js';

interface ResetFlags {
  file?: string;
  yes?: boolean;
  input?: boolean;
}

export async function runReset(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<ResetFlags>();
  const shown = athletePath(flags.file, io.env);
  const path = resolve(io.cwd, shown);
  const files = filesOf(path);
  if (files.length === 0)
    throw new DataError(
      `no athlete file at ${shown}; nothing was deleted`,
      'name the file with --file, or $BACKPLAN_FILE',
    );
  const names = files.map((file) => (file === path ? shown : relative(io.cwd, file) || file));
  if (!flags.yes) {
    if (!canPrompt(io, flags))
      throw new UsageError(`no terminal to ask in; nothing was deleted`, `add --yes to delete ${names.join(', ')}`);
    const ask = io.prompt ?? (await inquirerPrompter());
    const sure = await ask.confirm({
      message: `Delete ${names.join(', ')}? Your answers and every check-in go, and cannot be brought back.`,
      default: false,
    });
    if (!sure) {
      io.stderr('Nothing was deleted.\n');
      return EXIT.ok;
    }
  }
  // Under the lock, so no check-in is being written as the file goes; the lock goes last.
  withLock(path, shown, () => {
    for (const file of files) if (!file.endsWith('.lock')) rmSync(file, { force: true });
  });
  io.stderr(`Deleted ${names.join(', ')}.\n`);
  return EXIT.ok;
}

/** The athlete file (and the symlink to it), its .bak and its lock, those that exist. */
function filesOf(path: string): string[] {
  const { target } = writeTarget(path);
  const link = target !== path ? [path] : [];
  const exists = (file: string) => existsSync(file) || lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  return [target, ...link, `${target}.bak`, `${target}.lock`].filter(exists);
}

// The built bin, run as a runner would run it: in a folder of its own, with a plain environment,
// no terminal and nothing on stdin.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(process.cwd(), 'bin/backplan.cjs');

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `backplan <args> --today <today>` in `dir`, the athlete file (if any) named by BACKPLAN_FILE. */
export function binIn(dir: string, athleteFile?: string): (args: string[], today: string) => BinResult {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    TZ: 'UTC',
    ...(athleteFile && { BACKPLAN_FILE: athleteFile }),
  };
  return (args, today) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--today', today], {
      encoding: 'utf8',
      input: '',
      env,
      cwd: dir,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

// A team folder: one athlete file per athlete, named <slug>.yaml, the very file a runner's own
// `backplan checkin --file <dir>/<slug>.yaml` writes. Nothing else is kept there: the list of
// athletes is the list of files, so a file copied in joins the team and one moved out leaves it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Intake } from '../core/types.js';
import { DataError } from '../errors.js';
import { validateSavedIntake } from '../intake/validate.js';
import { readAthlete, type AthleteFile } from '../store/athlete.js';
import { FileError } from '../yaml/read.js';
import { withFields } from '../core/copy.js';

export const ATHLETE_EXT = '.yaml';

export interface Member {
  /** The file name without .yaml: how every summary tells two athletes of the same name apart. */
  slug: string;
  path: string;
}

export interface Opened extends Member {
  athlete: AthleteFile;
  intake: Intake;
}

export interface Unreadable extends Member {
  problem: string;
}

/** The athlete files of the team folder, by slug; a missing folder is an error naming `team init`. */
export function teamMembers(dir: string, shown: string): Member[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new DataError(`${shown} is a file, not a team folder`, 'give the folder "backplan team init" made');
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new DataError(
        `no team folder at ${shown}`,
        `make one from a roster: backplan team init ${shown} roster.csv`,
      );
    throw new DataError(
      `cannot read the team folder ${shown}: ${code ?? (error as Error).message}`,
      'check that the folder is readable',
    );
  }
  return names
    .filter((name) => name.endsWith(ATHLETE_EXT) && !name.startsWith('.') && name.length > ATHLETE_EXT.length)
    .sort()
    .map((name) => ({ slug: name.slice(0, -ATHLETE_EXT.length), path: join(dir, name) }));
}

/** The athlete file and its intake; a file that cannot be read says why, and the team goes on without it. */
export function openMember(member: Member): Opened | Unreadable {
  try {
    const athlete = readAthlete(member.path);
    if (!athlete) return { ...member, problem: 'the file has gone' };
    return withFields(member, { athlete, intake: validateSavedIntake(athlete.intake, member.slug) });
  } catch (error) {
    if (error instanceof FileError)
      return { ...member, problem: `${error.line ? `line ${error.line}: ` : ''}${error.detail}` };
    return { ...member, problem: error instanceof Error ? error.message : String(error) };
  }
}

export const isOpened = (member: Opened | Unreadable): member is Opened => 'athlete' in member;

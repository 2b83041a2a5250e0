// The saved athlete: read the file, and re-plan from its intake and log (design.md: the plan is
// always recomputed from intake + log, never stored as the truth).
import { resolve } from 'node:path';
import { replan, type Replanned } from '../core/replay.js';
import type { Intake, Templates } from '../core/types.js';
import { validateSavedIntake } from '../intake/validate.js';
import { athletePath, readAthlete, type AthleteFile } from '../store/athlete.js';
import { getTemplates } from '../templates/get.js';
import { DataError } from '../errors.js';
import { localToday, type Io } from './io.js';
import type { TemplateFlags } from './options.js';

export interface SavedFlags extends TemplateFlags {
  file?: string;
  today?: string;
}

export interface SavedAthlete {
  athlete: AthleteFile;
  /** The path as the user gave it (or the default), for messages. */
  shown: string;
  intake: Intake;
  templates: Templates;
  today: string;
}

export async function openAthlete(io: Io, flags: SavedFlags): Promise<SavedAthlete> {
  const shown = athletePath(flags.file, io.env);
  const athlete = readAthlete(resolve(io.cwd, shown));
  if (!athlete)
    throw new DataError(`no athlete file at ${shown}`, 'run "backplan init" first, or name the file with --file');
  return {
    athlete,
    shown,
    intake: validateSavedIntake(athlete.intake, shown),
    templates: await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS, template: flags.template }),
    today: flags.today ?? localToday(io),
  };
}

export function replanSaved(saved: SavedAthlete): Replanned {
  return replan(saved.intake, saved.athlete.log, saved.templates, saved.today);
}

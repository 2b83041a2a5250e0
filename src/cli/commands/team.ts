// `backplan team init|checkin|status|export`: a coach's loop over a team folder of athlete files.
// Thin: each action reads its flags and hands over to src/team/.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { getTemplates } from '../../templates/get.js';
import { shown } from '../../export/style.js';
import { EXIT } from '../../errors.js';
import { localToday, textWidth, type Io } from '../io.js';
import type { TemplateFlags } from '../options.js';
import type { Delimiter } from '../../roster/read.js';
import type { TeamFormat } from '../../team/export.js';
import { styleFor } from '../style.js';

interface TeamFlags extends TemplateFlags {
  today?: string;
  force?: boolean;
  dryRun?: boolean;
  delimiter?: Delimiter;
  format?: string;
  summary?: 'text' | 'json';
  outDir?: string;
  color?: boolean;
}

async function common(io: Io, command: Command) {
  const flags = command.optsWithGlobals<TeamFlags>();
  const templates = await getTemplates({ userDir: flags.plansDir ?? io.env.BACKPLAN_PLANS, template: flags.template });
  return { flags, templates, today: flags.today ?? localToday(io) };
}

export async function runTeamInit(io: Io, dir: string, roster: string, command: Command): Promise<number> {
  const { flags, templates, today } = await common(io, command);
  const { initTeam } = await import('../../team/init.js');
  return initTeam(io, resolve(io.cwd, dir), dir, resolve(io.cwd, roster), roster, {
    today,
    templates,
    force: flags.force === true,
    dryRun: flags.dryRun === true,
    format: flags.summary ?? 'text',
    ...(flags.delimiter ? { delimiter: flags.delimiter } : {}),
  });
}

export async function runTeamCheckin(io: Io, dir: string, sheet: string, command: Command): Promise<number> {
  const { flags, templates, today } = await common(io, command);
  const [{ teamMembers }, { importSheet }] = await Promise.all([
    import('../../team/folder.js'),
    import('../../team/checkins.js'),
  ]);
  const members = teamMembers(resolve(io.cwd, dir), dir);
  return importSheet(io, members, resolve(io.cwd, sheet), sheet, {
    today,
    todayGiven: flags.today !== undefined,
    templates,
    dryRun: flags.dryRun === true,
    format: flags.summary ?? 'text',
    ...(flags.delimiter ? { delimiter: flags.delimiter } : {}),
  });
}

export async function runTeamStatus(io: Io, dir: string, command: Command): Promise<number> {
  const { flags, templates, today } = await common(io, command);
  const [{ teamMembers }, { teamStatus, statusCsv, statusJson, statusText }] = await Promise.all([
    import('../../team/folder.js'),
    import('../../team/status.js'),
  ]);
  const members = teamMembers(resolve(io.cwd, dir), dir);
  const status = teamStatus(members, templates, today);
  if (flags.format === 'json') io.stdout(statusJson(status));
  else if (flags.format === 'csv') io.stdout(statusCsv(status));
  else io.stdout(statusText(status, await styleFor(io, 'stdout', flags.color), textWidth(io)));
  for (const bad of status.unreadable) io.stderr(`error: ${bad.slug}.yaml in ${dir}: ${shown(bad.problem, 300)}\n`);
  // Safety first: a stopped athlete is the news, even beside a file that could not be read.
  if (status.rows.some((row) => row.stopped)) return EXIT.withheld;
  return status.unreadable.length > 0 ? EXIT.data : EXIT.ok;
}

export async function runTeamExport(io: Io, dir: string, command: Command): Promise<number> {
  const { flags, templates, today } = await common(io, command);
  const [{ teamMembers }, { exportTeam }] = await Promise.all([
    import('../../team/folder.js'),
    import('../../team/export.js'),
  ]);
  return exportTeam(io, teamMembers(resolve(io.cwd, dir), dir), {
    outDir: resolve(io.cwd, flags.outDir!),
    outShown: flags.outDir!,
    formats: flags.format as unknown as TeamFormat[],
    today,
    templates,
    force: flags.force === true,
    dryRun: flags.dryRun === true,
  });
}

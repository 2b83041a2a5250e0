// `backplan team export <dir> --out-dir <out>`: each athlete's plan as it stands today (re-planned
// from their log), as <slug>.<format>. The slug keys each calendar's UIDs, so two athletes of the
// same name never share an event, and a calendar re-imported after check-ins updates its events.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { replan } from '../core/replay.js';
import type { Plan, Templates } from '../core/types.js';
import { DataError, EXIT } from '../errors.js';
import type { Io } from '../cli/io.js';
import { renderHtml } from '../export/html.js';
import { renderIcsBytes } from '../export/ics.js';
import { renderJson } from '../export/json.js';
import { renderMarkdownBytes } from '../export/markdown.js';
import { sequencesOf } from '../export/sequence.js';
import { shown } from '../export/style.js';
import { writeFailureReason, writeFileAtomic } from '../store/atomic.js';
import { athleteFilesAmong } from '../store/sameFile.js';
import { staleCalendar, staleCalendarLine } from '../store/staleCalendar.js';
import { isOpened, openMember, type Member, type Opened } from './folder.js';

export const TEAM_FORMATS = ['md', 'ics', 'json', 'html'] as const;
export type TeamFormat = (typeof TEAM_FORMATS)[number];

export interface ExportOptions {
  outDir: string;
  outShown: string;
  formats: TeamFormat[];
  today: string;
  templates: Templates;
  force: boolean;
  dryRun: boolean;
}

export function exportTeam(io: Io, members: readonly Member[], options: ExportOptions): number {
  const { outDir, outShown } = options;
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new DataError(
      `--out-dir ${outShown} is a file, not a folder`,
      'give a folder for the plan files (it is made if missing)',
    );
  // Which files each athlete gets is known before any plan is made: a withheld plan gets no calendar.
  const files = members.flatMap((m) => options.formats.map((f) => `${m.slug}.${f}`));
  if (!options.force) {
    const taken = files.filter((f) => existsSync(join(outDir, f)));
    if (taken.length > 0) {
      const named = taken.slice(0, 3).join(', ') + (taken.length > 3 ? ` and ${taken.length - 3} more` : '');
      throw new DataError(
        `${plural(taken.length, 'file')} in ${outShown} would be replaced (${named}); nothing was written`,
        'add --force to replace them, or choose another --out-dir',
      );
    }
  }
  const overAthletes = athleteFilesAmong(
    files.map((f) => join(outDir, f)),
    members.map((m) => m.path),
  );
  if (overAthletes.length > 0)
    throw new DataError(
      `${join(outShown, basename(overAthletes[0]!))} is an athlete file of the team, or a backup (a link?); nothing was written`,
      'remove the link, or choose another --out-dir',
    );
  if (!options.dryRun) mkdirSync(outDir, { recursive: true });
  let written = 0;
  let withheld = 0;
  let unreadable = 0;
  for (const member of members) {
    const opened = openMember(member);
    if (!isOpened(opened)) {
      unreadable++;
      io.stderr(`error: ${member.slug}: ${shown(opened.problem, 300)}\n`);
      continue;
    }
    const { plan } = replan(opened.intake, opened.athlete.log, options.templates, options.today);
    if (plan.triage.withheld) withheld++;
    if (plan.triage.withheld && !options.dryRun) {
      // --force replaces the calendars it would write; one it does not write is only named.
      const icsExported = options.formats.includes('ics');
      const calendar = `${member.slug}.ics`;
      const stale = staleCalendar(join(outDir, calendar), icsExported && options.force);
      if (stale) io.stderr(staleCalendarLine(join(outShown, calendar), `${member.slug} is`, stale, icsExported));
    }
    for (const format of options.formats) {
      // A calendar of a withheld plan would look like a plan to follow (R-TRIAGE-1/2).
      if (format === 'ics' && plan.triage.withheld) continue;
      const file = `${member.slug}.${format}`;
      if (options.dryRun) io.stdout(`would write ${join(outShown, file)}\n`);
      else write(join(outDir, file), render(plan, format, opened, options), file, outShown);
      written++;
    }
  }
  const parts = [
    `${plural(written, 'file')} ${options.dryRun ? 'would be written' : 'written'} in ${outShown}` +
      ` for ${plural(members.length - unreadable, 'athlete')}`,
    withheld > 0 && `${withheld} withheld for safety: no calendar, and no running until a clinician clears them`,
    unreadable > 0 && `${unreadable} athlete file${unreadable === 1 ? '' : 's'} unreadable (see above)`,
  ].filter(Boolean);
  io.stderr(`${parts.join('; ')}.\n`);
  if (unreadable > 0) return EXIT.data;
  return withheld > 0 ? EXIT.withheld : EXIT.ok;
}

function render(plan: Plan, format: TeamFormat, opened: Opened, options: ExportOptions): string | Uint8Array {
  const exercises = options.templates.exercises;
  if (format === 'md') return renderMarkdownBytes(plan, { exercises });
  if (format === 'json') return renderJson(plan);
  if (format === 'html') return renderHtml(plan, { exercises });
  const sequences = sequencesOf({
    intake: opened.intake,
    log: opened.athlete.log,
    templates: options.templates,
    today: options.today,
  });
  return renderIcsBytes(plan, { uidKey: opened.slug, sequences });
}

function write(path: string, content: string | Uint8Array, file: string, outShown: string): void {
  try {
    // As batch: atomic, not flushed file by file; every export can be made again from the team folder.
    writeFileAtomic(path, content, { durable: false });
  } catch (error) {
    const reason = writeFailureReason(error);
    if (!reason) throw error;
    throw new DataError(
      `cannot write ${file} in ${outShown}: ${reason}; the files before it were written, none was left half-written`,
      'free some space or check the folder, then run again with --force',
    );
  }
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

// `backplan status` and `backplan report`: where the runner stands, from intake + log.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { statusView } from '../../export/progress.js';
import { writeFailureReason, writeFileAtomic } from '../../store/atomic.js';
import { athleteFilesAmong } from '../../store/sameFile.js';
import { DataError, EXIT, UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import { openAthlete, replanSaved, type SavedFlags } from '../saved.js';
import { styleFor } from '../style.js';

interface StatusFlags extends SavedFlags {
  format?: 'text' | 'json';
  color?: boolean;
}

export async function runStatus(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<StatusFlags>();
  const saved = await openAthlete(io, flags);
  const { plan, progress } = replanSaved(saved);
  const view = statusView(plan, progress, saved.templates.rules);
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify(view, null, 2)}\n`);
  } else {
    const { renderStatusText } = await import('../../export/status.js');
    io.stdout(renderStatusText(view, await styleFor(io, 'stdout', flags.color)));
  }
  return plan.triage.withheld ? EXIT.withheld : EXIT.ok;
}

interface ReportFlags extends SavedFlags {
  output: string;
  force?: boolean;
  dryRun?: boolean;
}

export async function runReport(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<ReportFlags>();
  const { reportPageFormat, runReportPage } = await import('./reportPage.js');
  const page = reportPageFormat(flags.output);
  if (page) return runReportPage(io, command, page);
  if (flags.output === '-')
    throw new UsageError('the report needs a file: its charts are written beside it', 'give -o report.md');
  if (extname(flags.output).toLowerCase() !== '.md')
    throw new UsageError(
      `${flags.output} is not a .md, .html or .pdf file`,
      'give -o report.md, -o report.html or -o report.pdf',
    );
  const saved = await openAthlete(io, flags);
  const { plan, progress } = replanSaved(saved);
  const view = statusView(plan, progress, saved.templates.rules);

  const target = resolve(io.cwd, flags.output);
  const stem = basename(flags.output, extname(flags.output));
  const charts = { pain: `${stem}-pain.svg`, volume: `${stem}-volume.svg` };
  const [{ renderReport }, { painChartSvg, volumeChartSvg }] = await Promise.all([
    import('../../export/report.js'),
    import('../../export/charts.js'),
  ]);
  const files: [string, string][] = [
    [join(dirname(target), charts.pain), painChartSvg(view.pain, view.painThreshold)],
    [join(dirname(target), charts.volume), volumeChartSvg(view.weeks)],
    [
      target,
      renderReport({
        view,
        plan,
        intake: saved.intake,
        sessions: progress.sessions,
        decisions: progress.decisions,
        charts,
      }),
    ],
  ];
  if (!existsSync(dirname(target)))
    throw new DataError(
      `the folder of ${flags.output} does not exist`,
      'create it first, or write somewhere else with -o',
    );
  const overAthlete = athleteFilesAmong(
    files.map(([path]) => path),
    [saved.athlete.path],
  );
  if (overAthlete.length > 0)
    throw new DataError(
      `${basename(overAthlete[0]!)} is the athlete file the report is made from, or its backup; nothing was written`,
      'write the report under another name with -o',
    );
  const existing = files.map(([path]) => path).filter((path) => existsSync(path));
  if (existing.length > 0 && !flags.force) {
    throw new DataError(
      `${existing.map((p) => basename(p)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written`,
      'add --force to replace them, or choose another name with -o',
    );
  }
  const names = files.map(([path]) => basename(path)).join(', ');
  if (flags.dryRun) {
    io.stderr(`Dry run: would write ${names}; nothing written.\n`);
    return EXIT.ok;
  }
  for (const [path, content] of files) {
    try {
      writeFileAtomic(path, content);
    } catch (error) {
      const reason = writeFailureReason(error);
      if (!reason) throw error;
      throw new DataError(
        `cannot write ${basename(path)}: ${reason}; no file was left half-written`,
        'free some space or check the folder, then run again with --force',
      );
    }
  }
  io.stderr(`Wrote ${names}.\n`);
  return plan.triage.withheld ? EXIT.withheld : EXIT.ok;
}

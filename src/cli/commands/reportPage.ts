// `backplan report -o report.html` or `-o report.pdf`: the report as one self-contained page.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { statusView } from '../../export/progress.js';
import { DataError, EXIT, UsageError } from '../../errors.js';
import { athleteFilesAmong } from '../../store/sameFile.js';
import type { Io } from '../io.js';
import type { PrintFlags } from '../options.js';
import { checkOutput, writeOutput } from '../output.js';
import { openAthlete, replanSaved, type SavedFlags } from '../saved.js';

interface ReportPageFlags extends SavedFlags, PrintFlags {
  output: string;
  force?: boolean;
  dryRun?: boolean;
}

/** The page format a report file name asks for, if any (.md stays with the Markdown report). */
export function reportPageFormat(output: string): 'html' | 'pdf' | undefined {
  const ext = /\.([a-z]+)$/i.exec(output)?.[1]?.toLowerCase();
  return ext === 'html' || ext === 'htm' ? 'html' : ext === 'pdf' ? 'pdf' : undefined;
}

export async function runReportPage(io: Io, command: Command, format: 'html' | 'pdf'): Promise<number> {
  const flags = command.optsWithGlobals<ReportPageFlags>();
  if (format === 'html' && (flags.browser !== undefined || flags.paper !== undefined)) {
    throw new UsageError(
      `${flags.browser !== undefined ? '--browser' : '--paper'} applies only to PDF`,
      'give -o report.pdf, or drop it',
    );
  }
  const saved = await openAthlete(io, flags);
  const { plan, progress } = replanSaved(saved);
  const view = statusView(plan, progress, saved.templates.rules);
  const { renderHtmlReport } = await import('../../export/htmlReport.js');
  const html = renderHtmlReport({ view, plan, intake: saved.intake, sessions: progress.sessions });
  const example = `report.${format}`;
  checkOutput(io, flags, example);
  if (flags.output !== '-' && athleteFilesAmong([resolve(io.cwd, flags.output)], [saved.athlete.path]).length > 0)
    throw new DataError(
      `${flags.output} is the athlete file the report is made from, or its backup; nothing was written`,
      `write the report under another name, e.g. -o ${example}`,
    );
  if (format === 'html') writeOutput(io, flags, html, 'HTML report', example);
  else writeOutput(io, flags, await (await import('../pdf.js')).printPdf(io, html, flags), 'PDF report', example);
  return plan.triage.withheld ? EXIT.withheld : EXIT.ok;
}

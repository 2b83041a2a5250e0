// A plan in the format asked for, and the exit code of a plan withheld for safety: what every
// command that prints or writes a plan shares.
import type { Plan, Templates } from '../core/types.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from './io.js';
import type { ExportFlags, PlanFormat } from './options.js';
import { toStdout } from './output.js';
import { styleFor } from './style.js';

export interface RenderFlags extends ExportFlags {
  color?: boolean;
}

/** Exit code 3, and one line on stderr saying why, when a red flag withholds running. */
export function withheldNotice(io: Io, result: Plan): number {
  if (!result.triage.withheld) return EXIT.ok;
  const what = result.triage.level === 'emergency' ? 'No plan' : 'No running in this plan';
  const why =
    result.triage.level === 'emergency'
      ? 'a red-flag symptom needs emergency care today'
      : 'a red flag, or a pattern in your log, needs a clinician first';
  io.stderr(`${what}: ${why} (exit code 3).\n`);
  return EXIT.withheld;
}

/** A file name for a plan in `format`, for hints: plan.md, plan.ics, plan.txt. */
export const planFileName = (format: PlanFormat): string => `plan.${format === 'text' ? 'txt' : format}`;

export async function render(
  result: Plan,
  format: PlanFormat,
  templates: Templates,
  flags: RenderFlags,
  io: Io,
  sequences?: ReadonlyMap<string, number>,
): Promise<{ content: string | Uint8Array; what: string }> {
  const weeks = `${result.weeks.length} week${result.weeks.length === 1 ? '' : 's'}`;
  switch (format) {
    case 'json': {
      const { renderJson } = await import('../export/json.js');
      return { content: renderJson(result), what: `JSON plan, ${weeks}` };
    }
    case 'md': {
      const { renderMarkdownBytes } = await import('../export/markdown.js');
      return {
        content: renderMarkdownBytes(result, { exercises: templates.exercises }),
        what: `Markdown plan, ${weeks}`,
      };
    }
    case 'ics': {
      const { renderIcsBytes, calendarDays, knownTimeZone } = await import('../export/ics.js');
      if (flags.tz && !knownTimeZone(flags.tz))
        throw new UsageError(`no calendar time zone data for ${flags.tz}`, 'use an Area/City name, e.g. Europe/London');
      const content = renderIcsBytes(result, {
        includeRest: flags.includeRest,
        time: flags.time,
        tz: flags.tz,
        duration: flags.duration,
        alarm: flags.alarm,
        sequences,
      });
      return { content, what: `ICS calendar, ${calendarDays(result, flags.includeRest).length} events over ${weeks}` };
    }
    case 'html': {
      const { renderHtml } = await import('../export/html.js');
      return { content: renderHtml(result, { exercises: templates.exercises }), what: `HTML plan, ${weeks}` };
    }
    case 'pdf': {
      if (toStdout(flags) && io.stdoutIsTTY && !flags.dryRun) {
        throw new UsageError('a PDF is not for the terminal', 'write it to a file with -o plan.pdf, or pipe it');
      }
      const [{ renderHtml }, { printPdf }] = await Promise.all([import('../export/html.js'), import('./pdf.js')]);
      const html = renderHtml(result, { exercises: templates.exercises });
      return { content: await printPdf(io, html, flags), what: `PDF plan, ${weeks}` };
    }
    default: {
      const { renderText } = await import('../export/text.js');
      // Colour only when the text goes to a terminal, never into a file.
      const style = await styleFor(io, 'stdout', toStdout(flags) ? flags.color : false);
      return { content: renderText(result, { style, exercises: templates.exercises }), what: `plan, ${weeks}` };
    }
  }
}

// `backplan templates list` and `backplan templates lint <file|dir>`.
import type { Command } from 'commander';
import { builtinPlansDir, lint, listTemplates } from '../../templates/load.js';
import { EXIT } from '../../errors.js';
import type { Io } from '../io.js';

export function runTemplatesList(io: Io, command: Command): number {
  const plansDir = command.optsWithGlobals<{ plansDir?: string }>().plansDir ?? io.env.BACKPLAN_PLANS;
  const templates = listTemplates(plansDir);
  const width = Math.max(...templates.map((t) => t.name.length), 4);
  const lines = templates.map((t) => `${t.name.padEnd(width)}  ${t.source.padEnd(8)}  ${t.description}`);
  lines.push('', `built-in plans: ${builtinPlansDir()}`);
  if (plansDir) lines.push(`your plans:     ${plansDir} (searched first)`);
  io.stdout(lines.join('\n') + '\n');
  return EXIT.ok;
}

export function runTemplatesLint(io: Io, target: string, _command: Command): number {
  const results = lint(target);
  for (const result of results) {
    if (result.ok) io.stdout(`ok     ${result.file} (${result.kind})\n`);
    else io.stderr(`error  ${result.error!.message}\n`);
  }
  const failed = results.filter((r) => !r.ok).length;
  if (failed > 0) {
    io.stderr(
      `${failed} of ${results.length} file${results.length === 1 ? '' : 's'} failed; fix the line named above and lint again.\n`,
    );
    return EXIT.data;
  }
  return EXIT.ok;
}

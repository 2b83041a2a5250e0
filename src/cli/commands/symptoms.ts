// `backplan symptoms`: the red-flag checklist, gravest first.
import type { Command } from 'commander';
import { SYMPTOMS } from '../../core/symptoms.js';
import { EXIT } from '../../errors.js';
import type { Io } from '../io.js';
import { styleFor } from '../style.js';

export async function runSymptoms(io: Io, command: Command): Promise<number> {
  const flags = command.optsWithGlobals<{ format: 'text' | 'json'; color?: boolean }>();
  if (flags.format === 'json') {
    io.stdout(JSON.stringify(SYMPTOMS, null, 2) + '\n');
    return EXIT.ok;
  }
  const s = await styleFor(io, 'stdout', flags.color);
  const width = Math.max(...SYMPTOMS.map((x) => x.id.length));
  const lines = [s.bold(`${'id'.padEnd(width)}  ${'level'.padEnd(9)}  meaning`)];
  for (const symptom of SYMPTOMS) {
    const colour = symptom.level === 'emergency' ? s.red : symptom.level === 'urgent' ? s.yellow : (t: string) => t;
    lines.push(`${symptom.id.padEnd(width)}  ${colour(symptom.level.padEnd(9))}  ${symptom.text}`);
  }
  lines.push(
    '',
    'emergency: no plan, get emergency care today. urgent: no running until a clinician clears you (--cleared).',
  );
  lines.push('caution: the plan stays in walk/run until the sign is gone or you are cleared.');
  lines.push(
    'Also triaged from flags: --age under 20 with --arching-pain (urgent); --age 50+ with --first-episode (caution).',
  );
  io.stdout(lines.join('\n') + '\n');
  return EXIT.ok;
}

// ICS SEQUENCE after check-ins. A calendar app updates an event it already has only when the new
// copy carries a higher SEQUENCE. backplan stores no export history, so it replays the log: the
// plan as first made, then as re-planned after each check-in in the order they were logged, then
// as of today; each day's SEQUENCE counts how often its event changed along the way.
import { replan } from '../core/replay.js';
import { addDays } from '../core/dates.js';
import type { CheckIn, Intake, Plan, Templates } from '../core/types.js';
import { eventContents } from './ics.js';

interface Record {
  intake: Intake;
  log: readonly CheckIn[];
  templates: Templates;
  today: string;
}

export function sequencesOf(record: Record, includeRest = false): Map<string, number> {
  const { intake, templates, today } = record;
  const log = record.log.filter((entry) => entry.date <= today);
  const first = replan(intake, [], templates, addDays(intake.start ?? today, -1)).plan;
  const versions: Plan[] = [first];
  let asOf = first.today;
  log.forEach((entry, i) => {
    asOf = entry.date > asOf ? entry.date : asOf;
    versions.push(replan(intake, log.slice(0, i + 1), templates, asOf).plan);
  });
  versions.push(replan(intake, log, templates, today).plan);
  return changesAlong(versions.map((plan) => eventContents(plan, includeRest)));
}

/** For each date of the last version: how many times its content differed from the version before. */
export function changesAlong(versions: Map<string, string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 1; i < versions.length; i++) {
    const before = versions[i - 1]!;
    const after = versions[i]!;
    for (const date of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(date) !== after.get(date)) counts.set(date, (counts.get(date) ?? 0) + 1);
    }
  }
  return new Map([...versions.at(-1)!.keys()].map((date) => [date, counts.get(date) ?? 0]));
}

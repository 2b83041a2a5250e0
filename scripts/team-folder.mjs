// Makes a team folder for the benchmark: node scripts/team-folder.mjs N DIR [CHECKINS]
// N athletes from one roster (`team init`), each with the same log of CHECKINS check-ins (60 by
// default): one athlete's log is made by `team checkin` on the days its plan runs (a session, the
// next morning's pain, pain at rest on the other days), then copied into every other file. Prints
// the day after the log, and the run days after it, as JSON.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [count = '2000', dir = 'team', checkins = '60'] = process.argv.slice(2);
const BIN = new URL('../bin/backplan.cjs', import.meta.url).pathname;
const START = '2026-01-05';
const run = (args) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`backplan ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
};
const addDays = (iso, n) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

const roster = [
  `${dir}.roster.csv`,
  [
    'name,pain,weekly,units,goal-weekly,start,weeks',
    ...Array.from({ length: Number(count) }, (_, i) => `Athlete ${i},${i % 2},0,km,30,${START},16`),
  ],
];
writeFileSync(roster[0], `${roster[1].join('\n')}\n`);
run(['team', 'init', dir, roster[0], '--today', '2026-01-01']);

const first = readdirSync(dir).find((f) => f.endsWith('.yaml'));
const slug = first.slice(0, -'.yaml'.length);
const plan = JSON.parse(run(['show', '--file', join(dir, first), '--today', addDays(START, -1), '--format', 'json']));
const runDays = new Set(
  plan.weeks
    .flatMap((w) => w.sessions)
    .filter((s) => s.runMinutes > 0)
    .map((s) => s.date),
);
const rows = [];
let day = START;
for (; rows.length < Number(checkins); day = addDays(day, 1)) {
  if (runDays.has(day)) rows.push(`${slug},${day},yes,1,1,1,,`);
  else if (runDays.has(addDays(day, -1))) rows.push(`${slug},${day},,,,,1,`);
  else rows.push(`${slug},${day},,,,,,1`);
}
const sheet = `${dir}.sheet.csv`;
writeFileSync(
  sheet,
  `athlete,date,completed,pain-before,pain-during,pain-after,next-morning,rest-pain\n${rows.join('\n')}\n`,
);
run(['team', 'checkin', dir, sheet, '--today', day]);

const text = readFileSync(join(dir, first), 'utf8');
const log = text.slice(text.indexOf('\nlog:') + 1);
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.yaml') || name === first) continue;
  const other = readFileSync(join(dir, name), 'utf8');
  writeFileSync(join(dir, name), other.slice(0, other.indexOf('\nlog:') + 1) + log);
}
console.log(JSON.stringify({ today: day, runDays: [...runDays].filter((d) => d >= day).sort() }));

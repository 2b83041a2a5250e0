// Writes a synthetic roster of N athletes (CSV) for the benchmark: node scripts/roster.mjs N file
import { writeFileSync } from 'node:fs';

const [count = '1000', file = 'roster.csv'] = process.argv.slice(2);
const symptoms = ['', '', '', '', 'limp', 'lingering-stiffness', 'night-pain', ''];
const runners = ['beginner', 'distance', 'returning'];
const lines = ['name,pain,weekly,units,goal-weekly,runs-per-week,runner,symptoms,start'];
for (let i = 0; i < Number(count); i++) {
  const weekly = i % 3 === 0 ? 0 : 5 + (i % 30);
  lines.push(
    `Athlete ${i},${i % 5},${weekly},km,${weekly + 10 + (i % 20)},${2 + (i % 4)},${runners[i % 3]},${symptoms[i % symptoms.length]},2026-11-30`,
  );
}
writeFileSync(file, lines.join('\n') + '\n');

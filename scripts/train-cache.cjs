// Build step: writes a V8 code cache beside each bundle in dist/ (`<bundle>.cache`). V8 compiles a
// function the first time it runs, and a cache holds what was compiled when it is written; so
// commands run here first, their output thrown away. `node train-cache.cjs cli` runs `plan` in every
// format and caches the CLI bundle: every function in that cache is read at every start-up, so it
// holds what `plan` needs and no more. `node train-cache.cjs vendor` runs small batches (CSV with a
// bad row, YAML) and a lint of the plans, and caches the vendor bundles they load.
'use strict';
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { CLI, loadCli, loaded } = require('../bin/backplan.cjs');

const work = mkdtempSync(join(tmpdir(), 'backplan-train-'));
const csv = join(work, 'roster.csv');
const yaml = join(work, 'roster.yaml');
writeFileSync(csv, 'name,pain,weekly,units,goal-weekly,symptoms\nAna,2,10,km,30,\nBen,2,30,km,20,\nCai,1,0,km,15,limp\n');
writeFileSync(yaml, '- name: Dee\n  pain: 1\n  weekly: 5\n  goal-weekly: 20\n');

const PLAN = ['plan', '--pain', '2', '--weekly', '10', '--goal-weekly', '30', '--today', '2026-11-23'];
const BATCH = ['--out-dir', join(work, 'out'), '--force', '--today', '2026-11-23'];
const forCli = process.argv[2] === 'cli';
const RUNS = forCli
  ? [[PLAN, 0], ...['md', 'ics', 'json'].map((format) => [[...PLAN, '--format', format], 0]), [['symptoms'], 0]]
  : [
      [['batch', csv, ...BATCH], 1], // Ben's goal below his current volume goes to zod, which refuses it
      [['batch', yaml, ...BATCH], 0],
      [['templates', 'lint', join(__dirname, '..', 'plans')], 0],
    ];

const cli = loadCli('no cache: compile afresh');

(async () => {
  try {
    for (const [argv, expected] of RUNS) {
      // A batch on this thread, not the batch thread, so the vendor bundles it loads are here to cache.
      const code = await (argv[0] === 'batch' ? cli.exports.mainInBatchThread : cli.exports.main)(argv);
      if (code !== expected) throw new Error(`backplan ${argv.join(' ')} exited ${code}, not ${expected}, while training the cache`);
    }
    for (const [file, script] of loaded) {
      if ((file === CLI) === forCli) writeFileSync(`${file}.cache`, script.createCachedData());
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
})();

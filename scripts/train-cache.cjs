// Build step: writes dist/cli.cjs.cache, V8's compiled code for the bundle. V8 compiles a function
// the first time it runs, and the cache holds what was compiled when it is written; so the
// commands people run most (`plan` in every format) run here first, their output thrown away.
'use strict';
const { writeFileSync } = require('node:fs');
const { CLI, loadCli } = require('../bin/backplan.cjs');

const PLAN = ['plan', '--pain', '2', '--weekly', '10', '--goal-weekly', '30', '--today', '2026-11-23'];
const RUNS = [PLAN, ...['md', 'ics', 'json'].map((format) => [...PLAN, '--format', format]), ['symptoms']];

const { exports: cli, script } = loadCli('no cache: compile afresh');

(async () => {
  for (const argv of RUNS) {
    const code = await cli.main(argv);
    if (code !== 0) throw new Error(`backplan ${argv.join(' ')} exited ${code} while training the cache`);
  }
  writeFileSync(`${CLI}.cache`, script.createCachedData());
})();

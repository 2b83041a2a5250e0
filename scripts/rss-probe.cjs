// Preloaded into benchmarked runs (NODE_OPTIONS=--require): writes the process's peak RSS (KB) and
// its CPU time in user and in kernel mode (µs, all threads) at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  if (process.env.BACKPLAN_RSS_FILE)
    writeFileSync(process.env.BACKPLAN_RSS_FILE, `${maxRSS} ${userCPUTime} ${systemCPUTime}`);
});

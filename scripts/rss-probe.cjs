// Preloaded into benchmarked runs (NODE_OPTIONS=--require): writes the process's peak RSS (KB) at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BACKPLAN_RSS_FILE) writeFileSync(process.env.BACKPLAN_RSS_FILE, String(process.resourceUsage().maxRSS));
});

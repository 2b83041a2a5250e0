// A CommonJS require, for the modules only some paths load: node:tty (in the batch thread) and the
// time-zone library (timed calendars). The bundle swaps this file for the require its loader
// gives it (scripts/build.mjs): node:module, which createRequire needs, costs start-up time.
import { createRequire } from 'node:module';

export const nodeRequire: NodeJS.Require = createRequire(import.meta.url);

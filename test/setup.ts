// CI runs the property tests with a fixed seed, so a submission's result is reproducible; local
// runs use a fresh seed each time and keep exploring (a failure prints its seed to replay).
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { removeTestDirs } from './tmp.js';

if (process.env.CI) fc.configureGlobal({ seed: 20261122 });

afterAll(removeTestDirs);

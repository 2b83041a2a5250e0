import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    // A fixed zone by default; the end-to-end tests pass each spawned process its own environment.
    env: { TZ: 'UTC' },
  },
});

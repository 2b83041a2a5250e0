import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // A fixed zone by default; the date tests switch zones themselves.
    env: { TZ: 'UTC', NO_COLOR: '', FORCE_COLOR: '' },
  },
});

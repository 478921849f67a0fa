import { defineConfig } from 'vitest/config';

/** The fault-injection suite: real processes, killed and cut off on purpose, one scenario at a time. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

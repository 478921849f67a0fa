import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/faults/**', 'test/browser/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The default summary only counts skipped tests; this one lists them with their reasons.
    reporters: ['default', './test/ops/skip-reporter.ts'],
  },
});

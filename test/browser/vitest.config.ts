import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser test drives Debian's chromium; the root config excludes it, so it runs on its own:
//   npx vitest run --config test/browser/vitest.config.ts
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/** Why a test was skipped is in the test output, not only in the README. */
it('a run lists each skipped test with the reason its name gives', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [`${ROOT}node_modules/vitest/vitest.mjs`, 'run', '--config', 'test/ops/fixtures/vitest.skip.config.ts'], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
  expect(stdout).toContain('Skipped 1 test(s); each name says why:\n  test/ops/fixtures/skipped.fixture.ts > needs a thing (skipped: the thing is absent)\n');
});

import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Lists every skipped test at the end of a run, by file and full name, so
 * why a test did not run (each skipIf names its reason: "../shared is
 * absent", "docker-compose is not installed") is in the test output itself,
 * not only in the README. The default reporter shows only a count.
 */
export default class SkippedTests implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    const visit = (tests: Iterable<TestCase>) => {
      for (const t of tests) {
        if (t.result().state === 'skipped' && t.options.mode !== 'todo') skipped.push(`  ${relative(process.cwd(), t.module.moduleId)} > ${t.fullName}`);
      }
    };
    for (const m of modules) visit(m.children.allTests());
    if (!skipped.length) return;
    process.stdout.write(`\nSkipped ${skipped.length} test(s); each name says why:\n${skipped.join('\n')}\n`);
  }
}

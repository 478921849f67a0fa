// Types for the tests that render reports (bench-lib.test.ts); report.mjs itself is plain JS run by scripts/bench.mjs.
/** BENCHMARKS.md from a results object (as saved in /tmp/bench-scratch/last-<mode>.json). */
export function markdown(input: object): string;

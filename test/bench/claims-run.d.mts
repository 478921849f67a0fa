// Types for the tests (bench-lib.test.ts); claims-run.mjs itself is plain JS run by scripts/bench.mjs.
/** The profiles one process wrote, by thread: `main` (thread id 0), then its extraction threads. */
export function threadProfiles(dir: string, pid: number): { thread: string; path: string }[];

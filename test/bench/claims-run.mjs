// `claims run FILE` on the embedded store (PGlite in a fresh DATA_DIR): the
// whole pipeline and the API in one process, as a user runs it on a laptop.
// Timed from spawn to exit, so start-up (opening the store, migrating) is in
// the figure; at tens of thousands of records it is a few percent of it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { procCpuSeconds, procMemory, REDIS_URL, sleep, spawnClaims } from './lib/util.mjs';

/**
 * `extractThreads`: EXTRACT_THREADS for the run; null leaves `claims run`'s
 * default (1). With `profileDir` (an empty folder), every thread writes its own
 * `node --cpu-prof` profile there; they are returned as `profiles`, main thread first.
 */
export async function benchClaimsRun({ file, records, extractThreads = null, profileDir = null, progress }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-bench-run-'));
  // Its own queue prefix (no QUEUE_PREFIX: claims run makes a private one and removes it) and an API port of its own.
  const env = { REDIS_URL, DATA_DIR: dataDir, DATABASE_URL: undefined, QUEUE_PREFIX: undefined, PORT: String(20_000 + Math.floor(Math.random() * 20_000)), LOG_LEVEL: 'warn', EXTRACT_THREADS: extractThreads == null ? undefined : String(extractThreads) };
  // No --cpu-prof-name: node's default names carry the thread id (CPU.<date>.<time>.<pid>.<tid>.<seq>), so threads do not overwrite each other.
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const t0 = performance.now();
  const run = spawnClaims(['run', file], env, nodeArgs);
  let peakRss = 0;
  // CPU of the whole process and of its main thread, as last sampled before it exited (up to 250 ms short).
  let cpuSeconds = 0;
  let mainThreadCpuSeconds = 0;
  try {
    while (run.child.exitCode === null && run.child.signalCode === null) {
      const m = procMemory(run.child.pid);
      // Once the main thread has exited, the extraction thread may outlive it a moment: /proc then has no Vm* lines (NaN).
      for (const v of m ? [m.rss, m.hwm] : []) if (Number.isFinite(v)) peakRss = Math.max(peakRss, v);
      const [all, main] = [procCpuSeconds(run.child.pid), procCpuSeconds(run.child.pid, run.child.pid)];
      if (Number.isFinite(all)) cpuSeconds = all;
      if (Number.isFinite(main)) mainThreadCpuSeconds = main;
      progress?.update(`claims run${extractThreads == null ? '' : ` (EXTRACT_THREADS=${extractThreads})`}: ${Math.round((performance.now() - t0) / 1000)} s`, null);
      await sleep(250);
    }
    const seconds = (performance.now() - t0) / 1000;
    if (run.child.exitCode !== 0) throw new Error(`claims run exited ${run.child.exitCode ?? run.child.signalCode}: ${run.output.slice(-2000)}`);
    const stored = /store totals: (\d+) papers/.exec(run.output)?.[1];
    return {
      records, seconds, abstractsPerSec: records / seconds, peakRss, papersStored: stored ? Number(stored.replace(/,/g, '')) : null,
      extractThreads: extractThreads ?? 1, cpuMsPerAbstract: (cpuSeconds * 1000) / records, mainThreadCpuMsPerAbstract: (mainThreadCpuSeconds * 1000) / records,
      ...(profileDir ? { profiles: threadProfiles(profileDir, run.child.pid) } : {}),
    };
  } finally {
    await run.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The profiles one process wrote, by thread: `main` (thread id 0), then its extraction threads. */
export function threadProfiles(dir, pid) {
  const re = new RegExp(`^CPU\\.\\d+\\.\\d+\\.${pid}\\.(\\d+)\\.\\d+\\.cpuprofile$`);
  return readdirSync(dir)
    .map((name) => ({ name, tid: re.exec(name)?.[1] }))
    .filter((f) => f.tid != null)
    .sort((a, b) => Number(a.tid) - Number(b.tid))
    .map((f) => ({ thread: f.tid === '0' ? 'main' : `extraction thread ${f.tid}`, path: join(dir, f.name) }));
}

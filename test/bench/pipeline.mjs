// 2–4. The real pipeline: four `claims worker …` processes (k extractors) on
// Redis and PostgreSQL, fed by produceBatch in this process (or by a
// `claims ingest FILE` process), timed from the first enqueue to the batch's
// last commit; memory and CPU of every process sampled from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { newBatch, PipelineQueues, produceBatch, STAGES, whenReady } from '@claimflow/queues';
import { readRecords } from '@claimflow/readers';
import { openStore } from '@claimflow/store';
import { WORKER_NODE_OPTIONS } from '../../services/cli/dist/commands/worker.js';
import {
  benchRedis, freshDatabase, procCpuSeconds, procMemory, rand, REDIS_URL, redisPid, redisUsedMemory, sleep, spawnClaims, waitForWorkers,
} from './lib/util.mjs';

/**
 * CPU seconds used so far by every process whose name is `comm` and, when
 * given, whose command line holds `tag` (PostgreSQL backends show their
 * database in their title, so other users of the server are left out).
 * Backends that exited meanwhile are not counted.
 */
function cpuOfAll(comm, tag = null) {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== comm) continue;
      if (tag && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(tag)) continue;
      total += procCpuSeconds(pid) || 0;
    } catch {}
  }
  return total;
}

/** Busy and total jiffies of the whole machine. */
function systemCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] || 0);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * One run. `feeder`: 'inproc' (produceBatch here; the clock starts at the
 * first enqueue) or 'cli' (`claims ingest FILE`, a process of its own whose
 * memory is sampled too; the clock starts at its spawn).
 */
export async function runPipeline({
  files, records, extractors = 1, label = 'e2e', feeder = 'inproc', progress, profileDir = null,
  chunkSize = 200, maxQueueDepth = 200, timeoutMs = 3_600_000,
}) {
  const runs = [];
  const db = await freshDatabase(label);
  const prefix = `bench-${label}-${rand()}`;
  const redis = benchRedis('producer');
  const queues = new PipelineQueues(redis, prefix);
  const store = await openStore({ databaseUrl: db.url, dataDir: null, migrate: true, statementTimeoutMs: 60_000 });
  const workerEnv = {
    REDIS_URL, DATABASE_URL: db.url, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn', HEALTH_PORT: '0',
    CHUNK_SIZE: String(chunkSize), MAX_QUEUE_DEPTH: String(maxQueueDepth),
    // The workers run as compose runs them: with its heap cap (compose.test.ts holds the two equal).
    NODE_OPTIONS: WORKER_NODE_OPTIONS,
  };
  const expected = { ingest: 1, extract: extractors, normalize: 1, write: 1 };
  const procs = [];
  let sampler = null;
  let sampling = false;
  try {
    for (const stage of STAGES) {
      for (let i = 0; i < expected[stage]; i++) {
        const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${stage}-${i}.cpuprofile`] : [];
        procs.push({ stage, name: expected[stage] > 1 ? `${stage}#${i + 1}` : stage, proc: spawnClaims(['worker', stage], workerEnv, nodeArgs) });
      }
    }
    await waitForWorkers(STAGES.map((s) => queues.byStage[s]), {
      expected: STAGES.map((s) => expected[s]),
      exited: () => {
        const dead = procs.find((p) => p.proc.child.exitCode !== null);
        return dead && `worker ${dead.stage} exited: ${dead.proc.output.slice(-2000)}`;
      },
    });
    await whenReady(redis);
    const rpid = await redisPid(redis);

    for (const [runIndex, file] of files.entries()) {
      // Sampling: peak RSS per process, Redis used_memory, every 250 ms.
      const peak = new Map();
      const redisBase = await redisUsedMemory(redis);
      let redisPeak = redisBase;
      let ingestCli = null;
      const sample = async () => {
        const all = ingestCli ? [...procs, ingestCli] : procs;
        for (const p of all) {
          const m = procMemory(p.proc.child.pid);
          if (m) peak.set(p.name, Math.max(peak.get(p.name) ?? 0, m.rss, m.hwm || 0));
        }
        redisPeak = Math.max(redisPeak, await redisUsedMemory(redis).catch(() => 0));
      };
      sampling = true;
      sampler = (async () => {
        while (sampling) {
          await sample();
          await sleep(250);
        }
      })();

      const procCpu0 = new Map(procs.map((p) => [p.name, procCpuSeconds(p.proc.child.pid)]));
      const cpu0 = { sys: systemCpu(), redis: procCpuSeconds(rpid), pg: cpuOfAll('postgres', db.name), self: process.cpuUsage() };
      const t0 = performance.now();
      const monoStartUs = Number(process.hrtime.bigint() / 1000n);
      let batchId = null;
      let producing;
      if (feeder === 'cli') {
        ingestCli = { stage: 'producer', name: 'claims ingest', proc: spawnClaims(['ingest', file], workerEnv) };
        producing = new Promise((resolve, reject) => {
          ingestCli.proc.child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`claims ingest exited ${code}: ${ingestCli.proc.output.slice(-2000)}`))));
        });
      } else {
        const batch = newBatch(basename(file));
        batchId = batch.id;
        producing = produceBatch(queues, batch, [{ file, records: readRecords(file) }], { chunkSize, maxQueueDepth });
      }
      producing.catch(() => {});

      let lastCount = 0;
      let lastCheck = 0;
      let depthSamples = 0;
      const waiting = Object.fromEntries(STAGES.map((st) => [st, 0]));
      for (;;) {
        if (!batchId) batchId = (await store.sql.query('SELECT id FROM batches WHERE NOT (id = ANY($1::text[])) LIMIT 1', [runs.map((r) => r.batchId)]))[0]?.id ?? null;
        let count = 0;
        if (batchId) {
          // The batch's own counters (counting its batch_records grows with the batch: seconds at a million)
          const [row] = await store.sql.query('SELECT finished_at IS NOT NULL AS done, accepted + rejected AS n FROM batches WHERE id = $1', [batchId]);
          if (row?.done) break;
          count = row?.n ?? 0;
        }
        if (performance.now() - lastCheck > 2000) {
          lastCheck = performance.now();
          lastCount = count;
          const secs = (performance.now() - t0) / 1000;
          progress?.update(`${label} run ${runIndex + 1}/${files.length}: ${lastCount}/${records} records stored, ${Math.round(lastCount / secs)}/s`, (runIndex + lastCount / records) / files.length);
          const counts = await queues.counts();
          depthSamples++;
          for (const st of STAGES) waiting[st] += counts[st].waiting;
          const failed = STAGES.reduce((n, s) => n + counts[s].failed, 0);
          if (failed) throw new Error(`${failed} job(s) failed: ${procs.map((p) => p.proc.output).join('\n').slice(-3000)}`);
          const dead = procs.find((p) => p.proc.child.exitCode !== null);
          if (dead) throw new Error(`worker ${dead.name} exited: ${dead.proc.output.slice(-2000)}`);
          if (performance.now() - t0 > timeoutMs) {
            const err = new Error(`${label}: not done after ${timeoutMs / 1000} s (${lastCount}/${records})`);
            err.partial = { done: lastCount, peakRss: Object.fromEntries(peak), redisPeak, redisBase, abstractsPerSec: lastCount / secs };
            throw err;
          }
        }
        await sleep(50);
      }
      const seconds = (performance.now() - t0) / 1000;
      const monoEndUs = Number(process.hrtime.bigint() / 1000n);
      await producing;
      const cpu1 = { sys: systemCpu(), redis: procCpuSeconds(rpid), pg: cpuOfAll('postgres', db.name), self: process.cpuUsage(cpu0.self) };
      sampling = false;
      await sampler;
      await sample();
      // What Redis keeps after the batch: completed jobs (removeOnComplete keeps the last N with their data).
      const retained = {};
      for (const st of STAGES) {
        const key = `${queues.prefix}:${st}:completed`;
        const count = await redis.zcard(key);
        const ids = await redis.zrange(key, -5, -1);
        const sizes = await Promise.all(ids.map((id) => redis.hstrlen(`${queues.prefix}:${st}:${id}`, 'data')));
        const mean = sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0;
        retained[st] = { completedJobs: count, meanDataBytes: Math.round(mean), estimatedBytes: Math.round(count * mean) };
      }
      const tBatch = performance.now();
      const final = await store.batch(batchId);
      const storeBatchMs = performance.now() - tBatch;
      const cpuSeconds = Object.fromEntries([...procs, ...(ingestCli ? [ingestCli] : [])].map((p) => [p.name, procCpuSeconds(p.proc.child.pid) - (procCpu0.get(p.name) ?? 0)]));
      cpuSeconds['bench (producer, poller)'] = (cpu1.self.user + cpu1.self.system) / 1e6;
      cpuSeconds.redis = cpu1.redis - cpu0.redis;
      cpuSeconds['postgres (this database)'] = cpu1.pg - cpu0.pg;
      const result = {
        label,
        records,
        extractors,
        feeder,
        chunkSize,
        seconds,
        abstractsPerSec: records / seconds,
        perExtractorPerSec: records / seconds / extractors,
        stored: { accepted: final.accepted, rejected: final.rejected, claims: final.claims },
        peakRss: Object.fromEntries(peak),
        redis: { baseBytes: redisBase, peakBytes: redisPeak },
        cpuSeconds,
        machineBusy: (cpu1.sys.busy - cpu0.sys.busy) / (cpu1.sys.total - cpu0.sys.total),
        machineCpuSeconds: (cpu1.sys.busy - cpu0.sys.busy) / 100,
        meanWaitingJobs: Object.fromEntries(STAGES.map((st) => [st, depthSamples ? waiting[st] / depthSamples : null])),
        batchId,
        monoWindowUs: [monoStartUs, monoEndUs],
        /** One Store.batch() call (what `claims ingest --wait` polls every 100 ms) once the batch is done. */
        storeBatchMs,
        retained,
      };
      if (final.accepted + final.rejected !== records) throw new Error(`${label}: stored ${final.accepted}+${final.rejected} of ${records} records`);
      runs.push(result);
    }
  } finally {
    sampling = false;
    await sampler?.catch(() => {});
    await Promise.allSettled(procs.map((p) => p.proc.stop()));
    await Promise.allSettled(Object.values(queues.byStage).map((q) => q.obliterate({ force: true })));
    await queues.close();
    redis.disconnect();
    await store.close().catch(() => {});
    await db.drop().catch(() => {});
  }
  return runs;
}

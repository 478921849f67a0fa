// The results as a table (Markdown), and BENCHMARKS.md around it.
import { median } from './lib/util.mjs';
import { TARGETS } from './targets.mjs';

const n0 = (x) => (x == null || !Number.isFinite(x) ? '–' : Math.round(x).toLocaleString('en-US'));
const f1 = (x) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(1));
const f2 = (x) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(2));
const ms = (x) => (x == null || !Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const MB = (b) => (b == null || !Number.isFinite(b) ? '–' : `${(b / 2 ** 20).toFixed(0)} MB`);
const mark = (ok) => (ok == null ? '' : ok ? '✔' : '✘');

/** Median of each numeric field over runs of one configuration. */
export function summarizeRuns(runs) {
  const pick = (f) => median(runs.map(f));
  const names = Object.keys(runs[0].peakRss);
  return {
    extractors: runs[0].extractors,
    records: runs[0].records,
    runs: runs.length,
    seconds: pick((r) => r.seconds),
    abstractsPerSec: pick((r) => r.abstractsPerSec),
    perExtractorPerSec: pick((r) => r.perExtractorPerSec),
    claimsPerRun: pick((r) => r.stored.claims),
    machineBusy: pick((r) => r.machineBusy),
    peakRss: Object.fromEntries(names.map((n) => [n, Math.max(...runs.map((r) => r.peakRss[n] ?? 0))])),
    redisPeak: Math.max(...runs.map((r) => r.redis.peakBytes)),
    redisBase: Math.min(...runs.map((r) => r.redis.baseBytes)),
    /** CPU seconds per 1,000 abstracts, by process, median over runs. */
    cpuPer1k: Object.fromEntries(Object.keys(runs[0].cpuSeconds).map((k) => [k, pick((r) => (r.cpuSeconds[k] / r.records) * 1000)])),
    machineCpuPer1k: pick((r) => (r.machineCpuSeconds / r.records) * 1000),
    meanWaitingJobs: Object.fromEntries(Object.keys(runs[0].meanWaitingJobs).map((k) => [k, pick((r) => r.meanWaitingJobs[k] ?? 0)])),
    perRun: runs.map((r) => ({ seconds: r.seconds, abstractsPerSec: r.abstractsPerSec })),
    storeBatchMs: runs[0].storeBatchMs == null ? null : pick((r) => r.storeBatchMs),
    /** Share of the machine's busy CPU that processes outside the suite used during the runs. */
    otherShare: pick((r) => 1 - Object.values(r.cpuSeconds).reduce((a, b) => a + b, 0) / r.machineCpuSeconds),
  };
}

export function table(results) {
  const rows = [];
  const row = (n, what, result, target = '', ok = null) => rows.push(`| ${n} | ${what} | ${result} | ${target} | ${mark(ok)} |`);
  const x = results.extraction;
  if (x) {
    const m = x.msPerAbstract;
    row(1, `\`extractClaims\` (extractor ${x.extractorVersion}), ${x.abstracts} abstracts of ~${x.meanChars} chars, median of ${x.runs}`, `${ms(m.extractClaims)} ms/abstract`);
    row(1, 'compromise full parse `nlp(text).numbers().get()`', `${ms(m.compromise)} ms/abstract`);
    row(1, 'recognizers-text `recognizeNumber` + `recognizePercentage` (English)', `${ms(m.recognizers)} ms/abstract`);
    row(1, '**extractClaims speed vs compromise full parse**', `**${f1(x.ratios.vsCompromise)}×**`, `≥ ${TARGETS.extractVsCompromise}×`, x.ratios.vsCompromise >= TARGETS.extractVsCompromise);
    row(1, 'extractClaims speed vs recognizers-text', `${f1(x.ratios.vsRecognizers)}×`);
  }
  const sc = results.scaling ?? [];
  const e1 = sc.find((s) => s.extractors === 1);
  if (e1) {
    row(2, `**end to end**, ${n0(e1.records)} abstracts, 4 worker processes (1 extractor), PostgreSQL, median of ${e1.runs}`, `**${n0(e1.abstractsPerSec)} abstracts/s** (${f1(e1.seconds)} s)`, `≥ ${n0(TARGETS.e2eAbstractsPerSec)}/s`, e1.abstractsPerSec >= TARGETS.e2eAbstractsPerSec);
  }
  const no = results.noop;
  if (no?.chain) {
    row(2, `no-op BullMQ chain: same ${no.chain.chunkSize}-record chunks through 4 queues / 4 processes, median of ${no.chain.runs}`, `${n0(no.chain.abstractsPerSec)} abstracts/s (${f1(no.chain.jobsPerSec)} jobs/s)`);
    if (e1) row(2, 'end to end as a share of the no-op queue ceiling', `${f1((e1.abstractsPerSec / no.chain.abstractsPerSec) * 100)} %`);
  }
  if (no?.single) row(2, `no-op BullMQ single jobs, 1 queue, 1 worker process (concurrency 2), median of ${no.single.runs}`, `${n0(no.single.jobsPerSec)} jobs/s (add: ${n0(no.single.addPerSec)}/s)`);
  for (const s of sc) {
    row(
      3,
      `${s.extractors} extractor process${s.extractors > 1 ? 'es' : ''}, ${n0(s.records)} abstracts, median of ${s.runs} (runs: ${s.perRun.map((r) => n0(r.abstractsPerSec)).join(', ')}/s; CPU used outside the suite meanwhile: ${f1(s.otherShare * 100)} %)`,
      `${n0(s.abstractsPerSec)} abstracts/s total, ${n0(s.perExtractorPerSec)}/s per extractor`,
      '',
      null,
    );
  }
  if (e1) {
    for (const s of sc.filter((s) => s.extractors > 1)) row(3, `speed-up with ${s.extractors} extractors vs 1`, `${f2(s.abstractsPerSec / e1.abstractsPerSec)}× (ideal ${s.extractors}×)`);
  }
  const mem = results.memory;
  if (mem) {
    const label = mem.note ? `during the ${n0(mem.records)}-record scaling runs (quick mode)` : `${n0(mem.records)}-line file via \`claims ingest\`${mem.partial ? ` (**stopped after ${n0(mem.done)} records**)` : ''}`;
    for (const [name, bytes] of Object.entries(mem.peakRss)) {
      row(4, `peak RSS \`${name}\`, ${label}`, MB(bytes), `< ${TARGETS.serviceMB} MB`, bytes < TARGETS.serviceMB * 2 ** 20);
    }
    row(4, `Redis \`used_memory\` peak, whole server (sampled every 250 ms; ${MB(mem.redisBase)} before the run, other users' keys included)`, `+${MB(mem.redisPeak - mem.redisBase)} for this run (server total ${MB(mem.redisPeak)})`, `< ${TARGETS.redisMB} MB for the pipeline`, mem.redisPeak - mem.redisBase < TARGETS.redisMB * 2 ** 20);
    if (mem.abstractsPerSec) row(4, 'throughput of that ingest', `${n0(mem.abstractsPerSec)} abstracts/s`);
    if (mem.cpuSeconds) {
      const per1k = Object.entries(mem.cpuSeconds).filter(([, v]) => v != null).sort((a, b) => b[1] - a[1]);
      row(4, 'CPU-seconds per 1,000 abstracts during that ingest, by process (postgres: every PostgreSQL process)', per1k.map(([k, v]) => `${k} ${f2((v / mem.records) * 1000)}`).join(', '));
    }
    if (mem.retained) {
      const total = Object.values(mem.retained).reduce((n, r) => n + r.estimatedBytes, 0);
      row(4, 'completed jobs Redis still holds after the batch (removeOnComplete count × mean payload)', `${MB(total)}: ${Object.entries(mem.retained).map(([k, r]) => `${k} ${n0(r.completedJobs)} × ${n0(r.meanDataBytes / 1024)} KB`).join(', ')}`);
    }
  }
  const q = results.queries;
  if (q) {
    for (const r of q.results) {
      const what = `${r.via === 'http' ? 'HTTP' : 'SQL'} ${r.name} (${n0(q.claims)} claims)`;
      row(5, what, r.error ? `error: ${r.error.slice(0, 120)}` : `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms (${r.runs} runs)`);
    }
    if (q.apiNote) row(5, 'API endpoints', `not timed: ${q.apiNote}`);
    if (!q.has002) row(5, 'full-text search', 'not timed: migration 002_* is not in the store');
  }
  return ['| # | measure | result | target | met |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function cpuTable(results) {
  const sc = results.scaling ?? [];
  if (!sc.length) return '';
  const names = [...new Set(sc.flatMap((s) => Object.keys(s.cpuPer1k)))];
  const lines = [
    `| process | ${sc.map((s) => `${s.extractors} extractor${s.extractors > 1 ? 's' : ''}`).join(' | ')} |`,
    `| --- | ${sc.map(() => '---').join(' | ')} |`,
    ...names.map((n) => `| ${n} | ${sc.map((s) => (s.cpuPer1k[n] == null ? '–' : f2(s.cpuPer1k[n]))).join(' | ')} |`),
    `| other processes on the machine (not this suite) | ${sc.map((s) => f2(s.machineCpuPer1k - Object.values(s.cpuPer1k).reduce((a, b) => a + b, 0))).join(' | ')} |`,
    `| **all processes on the machine** | ${sc.map((s) => `**${f2(s.machineCpuPer1k)}**`).join(' | ')} |`,
    `| machine busy (of ${results.machine.nproc} cores) | ${sc.map((s) => `${f1(s.machineBusy * 100)} %`).join(' | ')} |`,
    `| mean jobs waiting: ${Object.keys(sc[0].meanWaitingJobs).join(' / ')} | ${sc.map((s) => Object.values(s.meanWaitingJobs).map(f1).join(' / ')).join(' | ')} |`,
    `| one \`Store.batch()\` call on the finished batch (what \`claims ingest --wait\` polls every 100 ms) | ${sc.map((s) => (s.storeBatchMs == null ? '–' : `${ms(s.storeBatchMs)} ms`)).join(' | ')} |`,
  ];
  return lines.join('\n');
}

function profileSection(results) {
  const p = results.profile;
  if (!p) return '';
  const out = [`CPU profiles of the four workers over ${n0(p.records)} abstracts (\`node --cpu-prof\`; ${f1(p.abstractsPerSec)} abstracts/s under the profiler). Self time, share of each process's busy time:`, ''];
  for (const s of p.summaries) {
    out.push(`**${s.process}** (busy ${n0(s.busyMs)} ms of ${n0(s.wallMs)} ms)`, '');
    out.push(`- by package: ${s.topPackages.slice(0, 8).map((t) => `${t.name} ${f1(t.share * 100)} %`).join(', ')}`);
    out.push(`- top functions: ${s.topFunctions.slice(0, 8).map((t) => `\`${t.name}\` ${f1(t.share * 100)} %`).join(', ')}`, '');
  }
  return out.join('\n');
}

/** Statements that follow from the numbers: what bounds each target that is not met. */
export function findings(results) {
  const out = [];
  const sc = results.scaling ?? [];
  const e1 = sc.find((s) => s.extractors === 1);
  if (e1) {
    const cores = results.machine.nproc;
    const own = Object.values(e1.cpuPer1k).reduce((a, b) => a + b, 0);
    out.push(
      `The pipeline itself (workers, producer, Redis, PostgreSQL) costs ${f2(own)} CPU-seconds per 1,000 abstracts; ${cores} cores can therefore carry at most ~${n0((cores / own) * 1000)} abstracts/s even when nothing else runs and every process is busy all the time. Measured: ${n0(e1.abstractsPerSec)}/s with the machine ${f1(e1.machineBusy * 100)} % busy (all processes together: ${f2(e1.machineCpuPer1k)} CPU-s per 1,000 abstracts).`,
    );
    const workers = Object.entries(e1.cpuPer1k).filter(([k]) => !k.startsWith('redis') && !k.startsWith('postgres') && !k.startsWith('bench')).sort((a, b) => b[1] - a[1]);
    if (workers.length) {
      const [top, sec] = workers[0];
      out.push(`The busiest worker is \`${top}\` with ${f2(sec)} CPU-s per 1,000 abstracts (one process is single-threaded: at most ~${n0(1000 / sec)} abstracts/s on its own).`);
    }
    const wait = Object.entries(e1.meanWaitingJobs).sort((a, b) => b[1] - a[1])[0];
    if (wait && wait[1] > 1) out.push(`Jobs pile up in front of \`${wait[0]}\` (mean ${f1(wait[1])} waiting).`);
    if (results.noop?.chain) out.push(`The queue layer alone moves ${n0(results.noop.chain.abstractsPerSec)} abstracts/s through four no-op stages: ${f1(results.noop.chain.abstractsPerSec / e1.abstractsPerSec)}× the pipeline, so BullMQ/Redis is not the limit.`);
  }
  if (sc.length && sc.some((s) => s.otherShare > 0.15)) {
    out.push(
      `**The machine was shared**: processes outside this suite (other test runs, builds) used ${sc.map((s) => `${f1(s.otherShare * 100)} %`).join(' / ')} of the busy CPU during the ${sc.map((s) => `${s.extractors}-extractor`).join(' / ')} runs, so absolute rates here are lower than on a quiet machine; the per-process CPU costs above are not affected by that.`,
    );
  }
  const ex = results.profile?.summaries?.find((p) => p.process === 'extract');
  if (ex) {
    const share = (name) => ex.topPackages.find((t) => t.name === name)?.share ?? 0;
    out.push(
      `Under the profiler the extractor process was busy ${f1((ex.busyMs / ex.wallMs) * 100)} % of the timed window (one core saturated) while ingest/normalize/write were busy ${results.profile.summaries.filter((p) => p.process !== 'extract').map((p) => `${f1((p.busyMs / p.wallMs) * 100)} %`).join(' / ')}; compromise is ${f1(share('compromise') * 100)} % of the extractor's time, the extractor's own code ${f1(share('@claimflow/extract') * 100)} %.`,
    );
  }
  const e2 = sc.find((s) => s.extractors === 2);
  if (e1 && e2) out.push(`Two extractors give ${f2(e2.abstractsPerSec / e1.abstractsPerSec)}× one: on ${results.machine.nproc} cores shared by all stages, Redis and PostgreSQL, more processes add contention rather than capacity.`);
  const ingest1m = results.memory;
  const pgOf = (cpu) => cpu?.['postgres (this database)'] ?? cpu?.postgres;
  if (pgOf(ingest1m?.cpuSeconds) != null && ingest1m.cpuSeconds.extract != null && pgOf(ingest1m.cpuSeconds) > ingest1m.cpuSeconds.extract) {
    const m = ingest1m;
    const pg = pgOf(m.cpuSeconds);
    out.push(
      `Over the ${n0(m.records)}-line ingest PostgreSQL used ${f2((pg / m.records) * 1000)} CPU-s per 1,000 abstracts, ${f1(pg / m.cpuSeconds.extract)}× the extractor (${f2((m.cpuSeconds.extract / m.records) * 1000)}), against ${e1 ? f2(pgOf(e1.cpuPer1k) ?? NaN) : '–'} in the ${e1 ? n0(e1.records) : '–'}-abstract runs: the cost of writing a chunk grows with the size of the store.`,
    );
  }
  const q = results.queries;
  if (q) {
    const slow = q.results.filter((r) => !r.error && r.p95 > 500);
    if (slow.length) {
      out.push(
        `Slow analyst queries at ${n0(q.claims)} claims: ${slow.map((r) => `${r.via === 'http' ? 'HTTP' : 'SQL'} ${r.name} (p50 ${n0(r.p50)} ms${r.p50 > 5000 ? ', **longer than the services\' default STATEMENT_TIMEOUT_MS of 5 s: a statement that alone runs past it fails the request**' : ''})`).join('; ')}. The suite's own connection has no such limit, so these are the queries' real times.`,
      );
    }
  }
  const x = results.extraction;
  if (x && x.ratios.vsCompromise < TARGETS.extractVsCompromise) {
    out.push(`extractClaims is ${f1(x.ratios.vsCompromise)}× faster than compromise's full parse, short of ${TARGETS.extractVsCompromise}×: it still runs compromise on the sentences that hold numbers (see the extractor profile).`);
  }
  return out;
}

const COMMANDS = [
  'npm ci && npm run build',
  'npm run bench                       # full suite, rewrites BENCHMARKS.md (about 40 min on 2 cores)',
  'npm run bench -- --quick            # < 1 min; exit 1 when a ratio regresses (CI)',
  'npm run bench -- --quick --update-baseline   # record test/bench/baseline.json on the CI machine',
  'npm run bench -- --json --only extraction,noop  # raw results of some sections as JSON',
  'npm run bench -- --render /tmp/bench-scratch/last-full.json   # rewrite BENCHMARKS.md from saved results',
];

/**
 * A section measured again after a fix its first pass led to (`reruns` in a
 * saved results file, merged by hand): what it measured first, and why it ran
 * again; and `notes` on what shorter runs of the same code showed.
 */
function rerunNotes(results) {
  const lines = [
    ...(results.reruns ?? []).map((r) => `**Section ${r.section} was run again** at git ${r.git} (${r.startedAt}), after fixing what its first pass in this run found: ${r.why} First pass: ${r.firstPass}.`),
    // Observations from runs outside this one (same code), added by hand to the saved results.
    ...(results.notes ?? []).map((n) => `**Note:** ${n}`),
  ];
  return lines.flatMap((l) => [l, '']);
}

export function markdown(input) {
  // Summaries are recomputed from the raw runs, so a saved file renders with the current report code.
  const results = { ...input, scaling: input.scaling?.map((s) => (s.raw?.length ? { ...summarizeRuns(s.raw), raw: s.raw } : s)) };
  const m = results.machine;
  const parts = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (${results.mode} mode) on ${results.finishedAt ?? results.startedAt}${results.complete ? '' : ' — **run still in progress or stopped early; sections below are what finished**'}. Each figure is the median of several runs in one run of the suite, so ratios compare like with like.`,
    '',
    ...rerunNotes(results),
    '## Results',
    '',
    table(results),
    '',
    '## Machine',
    '',
    `- ${m.nproc} cores (nproc), ${m.memoryGB} GB memory, CPU: ${m.cpu}`,
    `- Node ${m.node}, ${m.os}; Redis ${m.redis ?? '?'}, PostgreSQL ${m.postgres ?? '?'} on the same machine (loopback)`,
    `- pipeline settings: CHUNK_SIZE ${results.settings.chunkSize}, CONCURRENCY ${results.settings.concurrency}, MAX_QUEUE_DEPTH ${results.settings.maxQueueDepth} (the defaults)`,
    `- started ${results.startedAt}${results.finishedAt ? `, finished ${results.finishedAt}` : ''}; git ${results.git ?? '?'}`,
    '',
    '## Where the CPU goes (end to end)',
    '',
    'CPU-seconds per 1,000 abstracts, by process (median over runs; `redis` is the whole server, `postgres` the backends of the run\'s database — or, in runs recorded before that filter, every PostgreSQL process on the machine, other users\' included):',
    '',
    cpuTable(results),
    '',
    '### Findings',
    '',
    ...findings(results).map((f) => `- ${f}`),
    '',
    results.profile ? '### CPU profiles' : '',
    '',
    profileSection(results),
    '',
    '## Reproduce',
    '',
    '```sh',
    ...COMMANDS,
    '```',
    '',
    'Synthetic abstracts come from `@claimflow/corpus` (`shared/corpus`), deterministic by seed. Every run uses its own PostgreSQL database (`cf_bench_*`, dropped afterwards) and its own BullMQ prefix (`bench-*`, obliterated afterwards). The raw results of the last run are in `/tmp/bench-scratch/last-<mode>.json`.',
    '',
  ];
  return parts.join('\n');
}

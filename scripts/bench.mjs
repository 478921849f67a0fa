#!/usr/bin/env node
// The benchmark suite (issues 6 and 12). `npm run bench` runs everything (long:
// see BENCHMARKS.md) and rewrites BENCHMARKS.md; `npm run bench -- --quick`
// runs a small version in a few minutes and exits 1 when a ratio falls below
// its threshold (test/bench/targets.mjs); `--profile STAGE` profiles one
// stage over the real corpus; `--json` prints the raw results on stdout.
// Corpus-dependent sections run on the synthetic corpus and, when ../shared
// is there, on the real seed and dev abstracts replicated with fresh ids.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const ROOT = new URL('../', import.meta.url);
const rootPath = ROOT.pathname;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    skip: { type: 'string' },
    records: { type: 'string' },
    runs: { type: 'string' },
    'scaling-runs': { type: 'string' },
    extractors: { type: 'string' },
    'memory-lines': { type: 'string' },
    'run-records': { type: 'string' },
    'memory-timeout-min': { type: 'string' },
    'query-claims': { type: 'string' },
    profile: { type: 'string' },
    corpus: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    render: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  process.stdout.write(`usage: npm run bench -- [--quick] [--json] [--only S,S] [--skip S,S] [--records N] [--runs N]
  [--scaling-runs N] [--extractors 1,2,4] [--memory-lines N] [--memory-timeout-min M] [--query-claims N]
  [--corpus synthetic,real] [--profile STAGE] [--no-build] [--no-write]
sections: extraction, noop, scaling (end to end with 1, 2, 4 extractors), profile, queries, memory,
  claimsrun (\`claims run\` on the embedded store; --run-records N, default 20,000)
--corpus: which corpora the corpus-dependent sections (extraction, scaling, profile, memory) run on;
  default both, \`real\` being ../shared's seed and dev abstracts replicated with fresh ids (skipped when absent)
--quick: small sizes, a few minutes, checks ratios against the thresholds in test/bench/targets.mjs (exit 1 below one)
--profile STAGE: only the profile: the four workers over --records abstracts (default 3,000) of the real corpus
  (synthetic when ../shared is absent) under node --cpu-prof; prints where STAGE's CPU ms per abstract go
  (ingest, extract, normalize, write; run: \`claims run\`'s threads; or all); nothing is written to BENCHMARKS.md
full mode writes BENCHMARKS.md (unless --no-write)
`);
  process.exit(0);
}

if (args.render) {
  // Rewrites BENCHMARKS.md from a saved results file (e.g. /tmp/bench-scratch/last-full.json) with the current report code.
  const { readFileSync } = await import('node:fs');
  const { markdown } = await import('../test/bench/report.mjs');
  const saved = JSON.parse(readFileSync(args.render, 'utf8'));
  writeFileSync(new URL('BENCHMARKS.md', ROOT), markdown(saved));
  process.stderr.write(`bench: wrote BENCHMARKS.md from ${args.render}\n`);
  process.exit(0);
}

const QUICK = args.quick;
const int = (v, d) => (v == null ? d : Number(v));
const PLAN = QUICK
  ? {
      extraction: { count: 100, runs: 3 },
      noop: { chainRecords: 20_000, singleJobs: 3000, runs: 1 },
      scaling: { records: 1200, runs: 3, scalingRuns: 2, extractors: [1, 2] },
      profile: null,
      queries: { base: 500, targetClaims: 10_000, runs: 10 },
      memory: null, // quick mode reports the peaks sampled during the scaling runs
      claimsrun: null,
    }
  : {
      extraction: { count: 1000, runs: 5 },
      noop: { chainRecords: 100_000, singleJobs: 20_000, runs: 3 },
      scaling: { records: 100_000, runs: 3, scalingRuns: 2, extractors: [1, 2, 4] },
      profile: { records: 15_000 },
      queries: { base: 40_000, targetClaims: 1_000_000, runs: 30 },
      memory: { lines: 1_000_000, timeoutMin: 50 },
      claimsrun: { records: 20_000 },
    };
if (args.records) PLAN.scaling.records = int(args.records);
if (args.runs) PLAN.scaling.runs = PLAN.extraction.runs = PLAN.noop.runs = int(args.runs);
if (args['scaling-runs']) PLAN.scaling.scalingRuns = int(args['scaling-runs']);
if (args.extractors) PLAN.scaling.extractors = args.extractors.split(',').map(Number);
if (args['memory-lines']) PLAN.memory = { ...(PLAN.memory ?? { timeoutMin: 50 }), lines: int(args['memory-lines']) };
if (args['memory-timeout-min'] && PLAN.memory) PLAN.memory.timeoutMin = Number(args['memory-timeout-min']);
if (args['run-records']) PLAN.claimsrun = { records: int(args['run-records']) };
if (args['query-claims']) PLAN.queries.targetClaims = int(args['query-claims']);
const PROFILE_STAGES = ['ingest', 'extract', 'normalize', 'write'];
const profileOnly = args.profile != null;
if (profileOnly && ![...PROFILE_STAGES, 'run', 'all'].includes(args.profile)) {
  process.stderr.write(`bench: --profile takes a stage (${PROFILE_STAGES.join(', ')}), run (\`claims run\`) or all, not "${args.profile}"\n`);
  process.exit(2);
}
if (profileOnly) PLAN.profile = { records: int(args.records, 3000) };

const ALL = ['extraction', 'noop', 'scaling', 'profile', 'queries', 'memory', 'claimsrun'];
let sections = profileOnly ? ['profile'] : args.only ? args.only.split(',') : ALL;
if (args.skip) sections = sections.filter((s) => !args.skip.split(',').includes(s));
sections = sections.filter((s) => ALL.includes(s) && PLAN[s]);

// ---------------------------------------------------------------- build
function tsc(projects) {
  execFileSync(`${rootPath}node_modules/.bin/tsc`, ['-b', ...projects], { cwd: rootPath, stdio: ['ignore', 'pipe', 'pipe'] });
}
if (!args['no-build']) {
  tsc(['shared/corpus']);
  if (!QUICK) {
    // The extractor is measured as built now; if it does not compile at this moment, the last build is measured.
    for (let attempt = 1; ; attempt++) {
      try {
        tsc(['shared/extract']);
        break;
      } catch (err) {
        if (attempt >= 3) {
          process.stderr.write(`bench: shared/extract does not compile now; measuring its last build (${String(err.stdout ?? err.message).split('\n')[0]})\n`);
          break;
        }
        process.stderr.write(`bench: shared/extract does not compile now; retrying in 60 s\n`);
        await new Promise((r) => setTimeout(r, 60_000));
      }
    }
  }
}
for (const need of ['services/cli/dist/main.js', 'shared/extract/dist/index.js', 'shared/queues/dist/index.js', 'shared/store/dist/index.js', 'shared/corpus/dist/index.js']) {
  if (!existsSync(new URL(need, ROOT))) {
    process.stderr.write(`bench: ${need} is missing; run \`npm run build\` first\n`);
    process.exit(2);
  }
}

const { Progress } = await import('../test/bench/lib/progress.mjs');
const { machine, SCRATCH, listBenchDatabases, median } = await import('../test/bench/lib/util.mjs');
const { abstractAt, generateAbstracts, writeAbstractsJsonl } = await import('@claimflow/corpus');
const { table, markdown, summarizeRuns, categoryTable } = await import('../test/bench/report.mjs');
const { ratiosOf, checkRatios } = await import('../test/bench/targets.mjs');
const { corpusShape, realAbstracts, realCorpusMissing, REAL_SOURCES, replicateReal, writeRealJsonl } = await import('../test/bench/lib/real-corpus.mjs');

// ---------------------------------------------------------------- corpora
const CORPUS_SECTIONS = new Set(['extraction', 'scaling', 'profile', 'memory', 'claimsrun']);
const realMissing = realCorpusMissing();
let corpora = args.corpus ? args.corpus.split(',') : ['synthetic', 'real'];
if (corpora.some((c) => !['synthetic', 'real'].includes(c))) {
  process.stderr.write(`bench: --corpus takes synthetic, real or both, not "${args.corpus}"\n`);
  process.exit(2);
}
if (realMissing && corpora.includes('real')) {
  process.stderr.write(`bench: note: ${realMissing}\n`);
  corpora = corpora.filter((c) => c !== 'real');
  if (!corpora.length) process.exit(2);
}
/** The profile is read on the real corpus where there is one: that is what the targets are about. */
const profileCorpus = corpora.includes('real') ? 'real' : 'synthetic';
/** Which corpus a section runs on, in order. */
const corporaOf = (section) => (section === 'profile' ? [profileCorpus] : CORPUS_SECTIONS.has(section) ? corpora : ['synthetic']);
/** The plan of a section for one corpus: quick mode keeps the real corpus' share small. */
function planFor(section, corpus) {
  const plan = PLAN[section];
  if (corpus !== 'real' || !QUICK) return plan;
  if (section === 'extraction') return { ...plan, count: 150 };
  if (section === 'scaling') return { ...plan, extractors: [1] };
  return plan;
}

const SEED = 20261129;
// A profile-only run saves as last-profile.json: it must not overwrite a full run's saved results (--render reads those).
const mode = profileOnly ? 'profile' : QUICK ? 'quick' : 'full';
const results = {
  mode,
  startedAt: new Date().toISOString(),
  machine: machine(),
  git: (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootPath, encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: rootPath, encoding: 'utf8' }).trim() ? ' + uncommitted changes' : '';
      return `${head}${dirty}`;
    } catch {
      return null;
    }
  })(),
  settings: { chunkSize: Number(process.env.CHUNK_SIZE || 200), concurrency: Number(process.env.CONCURRENCY || 2), maxQueueDepth: Number(process.env.MAX_QUEUE_DEPTH || 200) },
  plan: Object.fromEntries(sections.map((s) => [s, PLAN[s]])),
  corpora: Object.fromEntries(
    corpora.map((c) => {
      const sample = c === 'real' ? realAbstracts() : [...generateAbstracts({ seed: SEED, count: 1000 })];
      const shape = corpusShape(sample);
      return [c, { what: c === 'real' ? `${REAL_SOURCES.map((f) => `../shared/${f}`).join(' + ')}, ${sample.length} abstracts replicated with fresh ids` : `@claimflow/corpus, seed ${SEED}`, meanChars: Math.round(shape.meanChars) }];
    }),
  ),
  complete: false,
  errors: [],
};
const steps = sections.flatMap((section) => corporaOf(section).map((corpus) => ({ section, corpus })));
const progress = new Progress(steps.length);

/** A JSONL corpus in the scratch folder: made once, reused (same seed or same real set, same bytes). */
async function corpusFile(count, startId = 0, corpus = 'synthetic') {
  // A fingerprint of the generator's output in the name: a file cached by an older generator (or another real set) is not reused.
  // 'titled': real copies carry their id in the title (real-corpus.mjs); files made before that are not reused.
  const print = createHash('sha256').update(corpus === 'real' ? `titled\n${realAbstracts().map((a) => a.abstract).join('\n')}` : abstractAt(SEED, startId).abstract).digest('hex').slice(0, 8);
  const path = `${SCRATCH}/${corpus === 'real' ? 'real' : `corpus-${SEED}`}-${print}-${startId}-${count}.jsonl`;
  if (existsSync(path) && statSync(path).size > 0) return path;
  const tmp = `${path}.${process.pid}.tmp`;
  if (corpus === 'real') {
    await writeRealJsonl(tmp, { count, startId });
    renameSync(tmp, path);
    return path;
  }
  await writeAbstractsJsonl(tmp, {
    seed: SEED,
    count,
    startId,
    onProgress: (n) => n % 20_000 < 90 && progress.update(`writing ${count.toLocaleString('en-US')}-line corpus: ${n.toLocaleString('en-US')}`, null),
  });
  renameSync(tmp, path);
  return path;
}

function save() {
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(`${SCRATCH}/last-${mode}.json`, JSON.stringify(results, null, 2));
  if (!QUICK && !profileOnly && !args['no-write']) writeFileSync(new URL('BENCHMARKS.md', ROOT), markdown(results));
}

const others = await listBenchDatabases().catch(() => []);
if (others.length) progress.log(`bench: note: other cf_bench_* databases exist (another bench running, or left by a crashed one: drop them by hand): ${others.join(', ')}`);

const settings = results.settings;
for (const { section, corpus } of steps) {
  progress.begin(CORPUS_SECTIONS.has(section) ? `${section} (${corpus} corpus)` : section);
  const plan = planFor(section, corpus);
  // Synthetic results stay at the top level (as saved results of earlier runs have them); the real corpus' go in results.real.
  const into = corpus === 'real' ? (results.real ??= {}) : results;
  // Real-corpus runs use other ids than synthetic ones (real-N vs syn-…), so the two never share rows either.
  const file = (count, startId) => corpusFile(count, startId, corpus);
  try {
    if (section === 'extraction') {
      const { benchExtraction } = await import('../test/bench/extraction.mjs');
      const abstracts = corpus === 'real' ? [...replicateReal(plan.count)] : [...generateAbstracts({ seed: SEED, count: plan.count })];
      into.extraction = await benchExtraction({ abstracts, runs: plan.runs, progress });
    }
    if (section === 'noop') {
      const { noopChain, noopSingle } = await import('../test/bench/noop.mjs');
      const file = await corpusFile(plan.chainRecords);
      const chain = [];
      const single = [];
      for (let r = 0; r < plan.runs; r++) {
        chain.push(await noopChain({ file, chunkSize: settings.chunkSize, concurrency: settings.concurrency, progress: progress.part(r / plan.runs, 0.5 / plan.runs) }));
        single.push(await noopSingle({ jobs: plan.singleJobs, concurrency: settings.concurrency, progress: progress.part((r + 0.5) / plan.runs, 0.5 / plan.runs) }));
      }
      const med = (xs, k) => median(xs.map((x) => x[k]));
      results.noop = {
        chain: { ...chain[0], runs: chain.length, abstractsPerSec: med(chain, 'abstractsPerSec'), jobsPerSec: med(chain, 'jobsPerSec'), seconds: med(chain, 'seconds'), perRun: chain },
        single: { ...single[0], runs: single.length, jobsPerSec: med(single, 'jobsPerSec'), addPerSec: med(single, 'addPerSec'), perRun: single },
      };
    }
    if (section === 'scaling') {
      const { runPipeline } = await import('../test/bench/pipeline.mjs');
      into.scaling = [];
      const maxRuns = Math.max(plan.runs, plan.scalingRuns);
      const files = [];
      // Each run has its own abstracts (own ids), so no run re-writes the rows of another.
      for (let r = 0; r < maxRuns; r++) files.push(await file(plan.records, (r + 1) * 10_000_000));
      // Configurations take turns run by run (1, 2, 4, 1, 2, 4, …), each run on fresh
      // workers and a fresh database, so load from outside the suite falls on all alike.
      const byConfig = new Map(plan.extractors.map((e) => [e, []]));
      const schedule = [];
      const runsOf = (extractors) => (extractors === 1 ? plan.runs : plan.scalingRuns);
      if (QUICK) {
        // Quick mode: one set of workers per configuration, its runs back to back (start-up would dominate).
        for (const extractors of plan.extractors) schedule.push({ files: files.slice(0, runsOf(extractors)), extractors });
      } else {
        for (let r = 0; r < maxRuns; r++) for (const extractors of plan.extractors) if (r < runsOf(extractors)) schedule.push({ files: [files[r]], extractors });
      }
      for (const [i, { files: runFiles, extractors }] of schedule.entries()) {
        const runs = await runPipeline({
          files: runFiles,
          records: plan.records,
          extractors,
          label: `e2e${extractors}${corpus === 'real' ? 'r' : ''}`,
          chunkSize: settings.chunkSize,
          maxQueueDepth: settings.maxQueueDepth,
          progress: progress.part(i / schedule.length, 1 / schedule.length),
        });
        byConfig.get(extractors).push(...runs);
        into.scaling = [...byConfig].filter(([, runs]) => runs.length).map(([, runs]) => ({ ...summarizeRuns(runs), raw: runs }));
        save();
      }
      if (QUICK) {
        // Quick mode has no 1M-line ingest: the peaks sampled in these runs stand in, labelled as such.
        const all = into.scaling.flatMap((s) => s.raw);
        const peakRss = {};
        for (const r of all) for (const [k, v] of Object.entries(r.peakRss)) peakRss[k] = Math.max(peakRss[k] ?? 0, v);
        into.memory = {
          records: plan.records,
          peakRss,
          redisPeak: Math.max(...all.map((r) => r.redis.peakBytes)),
          redisBase: Math.min(...all.map((r) => r.redis.baseBytes)),
          retained: all[all.length - 1].retained,
          note: 'quick mode: peaks sampled during the scaling runs',
        };
      }
    }
    if (section === 'profile') {
      const { runPipeline } = await import('../test/bench/pipeline.mjs');
      const { summarizeProfile } = await import('../test/bench/lib/cpuprofile.mjs');
      const dir = `${SCRATCH}/profiles-${mode}`;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const input = await file(plan.records, 90_000_000);
      into.profile = { records: plan.records, corpus, dir, summaries: [] };
      if (args.profile !== 'run') {
        const [run] = await runPipeline({ files: [input], records: plan.records, extractors: 1, label: 'profile', profileDir: dir, chunkSize: settings.chunkSize, maxQueueDepth: settings.maxQueueDepth, progress });
        // Profiles are written as each worker exits (SIGTERM → process.exit).
        for (const stage of PROFILE_STAGES) {
          const path = `${dir}/${stage}-0.cpuprofile`;
          if (existsSync(path)) into.profile.summaries.push({ process: stage, ...summarizeProfile(path, 12, run.monoWindowUs, plan.records) });
        }
        into.profile.abstractsPerSec = run.abstractsPerSec;
      }
      if (!profileOnly || ['run', 'all'].includes(args.profile)) {
        // `claims run` on the embedded store, each thread profiled: what its main thread (the cap on its rate) spends.
        const { benchClaimsRun } = await import('../test/bench/claims-run.mjs');
        const runDir = `${dir}/claims-run`;
        mkdirSync(runDir);
        const run = await benchClaimsRun({ file: input, records: plan.records, profileDir: runDir, progress });
        // Spawn to exit: start-up (opening and migrating the store) is in these profiles, a few percent of them.
        const summaries = run.profiles.map((p) => ({ process: `claims run: ${p.thread}`, ...summarizeProfile(p.path, 12, null, plan.records) }));
        into.profile.claimsRun = { records: plan.records, abstractsPerSec: run.abstractsPerSec, mainThreadCpuMsPerAbstract: run.mainThreadCpuMsPerAbstract, summaries };
      }
    }
    if (section === 'queries') {
      const { benchQueries } = await import('../test/bench/queries.mjs');
      results.queries = await benchQueries({ ...plan, seed: SEED + 1, progress });
    }
    if (section === 'claimsrun') {
      const { benchClaimsRun } = await import('../test/bench/claims-run.mjs');
      const input = await file(plan.records, 800_000_000);
      into.claimsRun = await benchClaimsRun({ file: input, records: plan.records, progress });
      // The same with extraction on the main thread, as before EXTRACT_THREADS: what the extraction thread is worth.
      into.claimsRunMainThread = await benchClaimsRun({ file: input, records: plan.records, extractThreads: 0, progress });
    }
    if (section === 'memory') {
      const { runPipeline } = await import('../test/bench/pipeline.mjs');
      const input = await file(plan.lines, 500_000_000);
      try {
        const [run] = await runPipeline({
          files: [input],
          records: plan.lines,
          extractors: 1,
          label: 'memory',
          feeder: 'cli',
          chunkSize: settings.chunkSize,
          maxQueueDepth: settings.maxQueueDepth,
          timeoutMs: plan.timeoutMin * 60_000,
          progress,
        });
        into.memory = { records: plan.lines, peakRss: run.peakRss, redisPeak: run.redis.peakBytes, redisBase: run.redis.baseBytes, abstractsPerSec: run.abstractsPerSec, seconds: run.seconds, cpuSeconds: run.cpuSeconds, machineBusy: run.machineBusy, retained: run.retained };
      } catch (err) {
        if (!err.partial) throw err;
        into.memory = { records: plan.lines, partial: true, done: err.partial.done, peakRss: err.partial.peakRss, redisPeak: err.partial.redisPeak, redisBase: err.partial.redisBase, abstractsPerSec: err.partial.abstractsPerSec };
      }
    }
  } catch (err) {
    results.errors.push({ section, corpus, error: String(err?.stack ?? err).slice(0, 4000) });
    progress.log(`bench: ${section} (${corpus} corpus) failed: ${String(err?.message ?? err).slice(0, 2000)}`);
  }
  save();
}
progress.end();
results.finishedAt = new Date().toISOString();
results.complete = results.errors.length === 0;

const byCorpus = { synthetic: ratiosOf(results, results.noop) };
if (results.real) byCorpus.real = ratiosOf(results.real, results.noop);
results.ratios = byCorpus;
const checks = profileOnly ? [] : checkRatios(byCorpus);
results.checks = checks;
save();

const out = args.json ? process.stderr : process.stdout;
const f = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
if (profileOnly) {
  const p = results.real?.profile ?? results.profile;
  if (p) {
    const shown = args.profile === 'all' ? p.summaries : p.summaries.filter((s) => s.process === args.profile);
    if (p.abstractsPerSec != null) out.write(`\nCPU profile, ${p.records.toLocaleString('en-US')} abstracts of the ${p.corpus} corpus through the four workers (${Math.round(p.abstractsPerSec)} abstracts/s under the profiler); profiles in ${p.dir}\n`);
    for (const s of shown) out.write(`\n${categoryTable(s, p.records)}\n`);
    const run = p.claimsRun;
    if (run) {
      out.write(`\nCPU profile of \`claims run\` over the same ${run.records.toLocaleString('en-US')} abstracts, by thread (${Math.round(run.abstractsPerSec)} abstracts/s under the profiler); profiles in ${p.dir}/claims-run\n`);
      for (const s of run.summaries) out.write(`\n${categoryTable(s, run.records)}\n`);
      shown.push(...run.summaries);
    }
    if (!shown.length) out.write(`no profile of ${args.profile} was written (see the errors)\n`);
  }
} else {
  out.write(`\n${table(results)}\n\n`);
  out.write(QUICK ? 'quick-mode thresholds (set for a loaded 2-core machine; the run fails below any of them):\n' : 'quick-mode thresholds (informational in full mode):\n');
  for (const c of checks) out.write(`  ${c.ok ? '✔' : '✘'} ${c.label} (${c.corpus} corpus): ${f(c.value)} (threshold ≥ ${c.min})\n`);
}
if (results.errors.length) out.write(`errors in: ${results.errors.map((e) => `${e.section} (${e.corpus})`).join(', ')}\n`);
if (!QUICK && !profileOnly && !args['no-write']) out.write('wrote BENCHMARKS.md\n');
if (args.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');

const failed = results.errors.length > 0 || (QUICK && checks.some((c) => !c.ok));
process.exit(failed ? 1 : 0);

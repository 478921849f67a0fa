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

/** The corpora a results file holds, as table columns: synthetic (top level) and, when measured, real. */
function columns(results) {
  const cols = [];
  const has = (r) => r && (r.extraction || r.scaling?.length || r.memory || r.profile || r.claimsRun);
  if (has(results)) cols.push({ name: 'synthetic', r: results });
  if (has(results.real)) cols.push({ name: 'real', r: results.real });
  return cols.length ? cols : [{ name: 'synthetic', r: results }];
}

/**
 * Every figure, one column per corpus. A target is judged on the real corpus
 * where it was measured (the targets are about real text), else on the
 * synthetic one; quick mode judges none of them (its sizes are too small to
 * say anything about a target: its thresholds are checked separately).
 */
export function table(results) {
  const cols = columns(results);
  const quick = results.mode === 'quick';
  const judged = cols[cols.length - 1];
  const rows = [];
  /**
   * cell(corpusResults) gives a column's text (or null: –); `shared` is one text for
   * every column (a measure that does not depend on the corpus); ok(corpusResults) judges the target.
   */
  const row = (n, what, cell, target = '', ok = null) => {
    const cells = cols.map((c) => {
      try {
        return cell(c.r) ?? '–';
      } catch {
        return '–';
      }
    });
    if (cells.every((c) => c === '–')) return;
    // Judged on the real column where it has the figure, else on the last column that does (and said so).
    const on = cols[cells.findLastIndex((c) => c !== '–')];
    let met = null;
    if (ok && !quick) {
      try {
        met = ok(on.r);
      } catch {
        met = null;
      }
    }
    const which = met != null && on !== judged ? ` (${on.name} corpus)` : '';
    rows.push(`| ${n} | ${what} | ${cells.join(' | ')} | ${quick && target ? `${target} (full run)` : target} | ${mark(met)}${which} |`);
  };
  const shared = (text) => (r) => (r === results ? text : '(same)');
  const corpusInfo = results.corpora ?? {};
  row(0, 'corpus', (r) => {
    const name = r === results ? 'synthetic' : 'real';
    const info = corpusInfo[name];
    const x = r.extraction;
    return info ? `${info.what}; ~${n0(info.meanChars)} chars` : x ? `~${n0(x.meanChars)} chars` : null;
  });
  const x = (r) => r.extraction;
  row(1, '`extractClaims`, ms per abstract (extractor version; abstracts × runs, median)', (r) => x(r) && `${ms(x(r).msPerAbstract.extractClaims)} ms (${x(r).extractorVersion}; ${x(r).abstracts} × ${x(r).runs})`);
  row(1, 'compromise full parse `nlp(text).numbers().get()`', (r) => x(r) && `${ms(x(r).msPerAbstract.compromise)} ms/abstract`);
  row(1, 'recognizers-text `recognizeNumber` + `recognizePercentage` (English)', (r) => x(r) && `${ms(x(r).msPerAbstract.recognizers)} ms/abstract`);
  row(1, '**extractClaims speed vs compromise full parse**', (r) => x(r) && `**${f1(x(r).ratios.vsCompromise)}×**`, `≥ ${TARGETS.extractVsCompromise}×`, (r) => r.extraction.ratios.vsCompromise >= TARGETS.extractVsCompromise);
  row(1, 'extractClaims speed vs recognizers-text', (r) => x(r) && `${f1(x(r).ratios.vsRecognizers)}×`);
  // the warm-up pass, left out of the median above: how far a fresh process is from its steady state
  const first = (r) => x(r)?.firstPassMsPerAbstract?.extractClaims !== undefined && x(r).firstPassMsPerAbstract;
  row(1, 'first pass, untimed in the median (warm-up): extractClaims / compromise ms per abstract, ratio', (r) => first(r) && `${ms(first(r).extractClaims)} / ${ms(first(r).compromise)} ms, ${f1(first(r).compromise / first(r).extractClaims)}×`);
  const e1 = (r) => r.scaling?.find((s) => s.extractors === 1);
  row(2, '**end to end**, 4 worker processes (1 extractor), PostgreSQL (abstracts per run, median of runs)', (r) => e1(r) && `**${n0(e1(r).abstractsPerSec)} abstracts/s** (${n0(e1(r).records)} × ${e1(r).runs}, ${f1(e1(r).seconds)} s)`, `≥ ${n0(TARGETS.e2eAbstractsPerSec)}/s`, (r) => e1(r).abstractsPerSec >= TARGETS.e2eAbstractsPerSec);
  const no = results.noop;
  if (no?.chain) {
    row(2, `no-op BullMQ chain: same ${no.chain.chunkSize}-record chunks through 4 queues / 4 processes, median of ${no.chain.runs}`, shared(`${n0(no.chain.abstractsPerSec)} abstracts/s (${f1(no.chain.jobsPerSec)} jobs/s)`));
    row(2, 'end to end as a share of the no-op queue ceiling', (r) => e1(r) && `${f1((e1(r).abstractsPerSec / no.chain.abstractsPerSec) * 100)} %`);
  }
  if (no?.single) row(2, `no-op BullMQ single jobs, 1 queue, 1 worker process (concurrency 2), median of ${no.single.runs}`, shared(`${n0(no.single.jobsPerSec)} jobs/s (add: ${n0(no.single.addPerSec)}/s)`));
  const configs = [...new Set(cols.flatMap((c) => (c.r.scaling ?? []).map((s) => s.extractors)))].sort((a, b) => a - b);
  for (const k of configs) {
    const sk = (r) => r.scaling?.find((s) => s.extractors === k);
    row(3, `${k} extractor process${k > 1 ? 'es' : ''}: total, per extractor (runs; CPU used outside the suite meanwhile)`, (r) => sk(r) && `${n0(sk(r).abstractsPerSec)}/s, ${n0(sk(r).perExtractorPerSec)}/s each (${sk(r).perRun.map((p) => n0(p.abstractsPerSec)).join(', ')}; ${f1(sk(r).otherShare * 100)} % other)`);
  }
  for (const k of configs.filter((k) => k > 1)) {
    row(3, `speed-up with ${k} extractors vs 1`, (r) => {
      const a = r.scaling?.find((s) => s.extractors === k);
      return a && e1(r) ? `${f2(a.abstractsPerSec / e1(r).abstractsPerSec)}× (ideal ${k}×)` : null;
    });
  }
  const mem = (r) => r.memory;
  const memLabel = (m) => (m.note ? `the ${n0(m.records)}-record scaling runs (quick mode)` : `${n0(m.records)}-line \`claims ingest\`${m.partial ? ` (**stopped after ${n0(m.done)}**)` : ''}`);
  const names = [...new Set(cols.flatMap((c) => Object.keys(c.r.memory?.peakRss ?? {})))];
  const during = cols.map((c) => c.r.memory).find(Boolean);
  for (const name of names) {
    row(4, `peak RSS \`${name}\`, ${memLabel(during)}`, (r) => (mem(r)?.peakRss[name] == null ? null : MB(mem(r).peakRss[name])), `≤ ${TARGETS.serviceMB} MB`, (r) => mem(r).peakRss[name] <= TARGETS.serviceMB * 2 ** 20);
  }
  row(4, 'Redis `used_memory` peak for the run (sampled every 250 ms; whole server before the run)', (r) => mem(r) && `+${MB(mem(r).redisPeak - mem(r).redisBase)} (base ${MB(mem(r).redisBase)})`, `< ${TARGETS.redisMB} MB for the pipeline`, (r) => mem(r).redisPeak - mem(r).redisBase < TARGETS.redisMB * 2 ** 20);
  row(4, 'throughput of that ingest', (r) => mem(r)?.abstractsPerSec && !mem(r).note ? `${n0(mem(r).abstractsPerSec)} abstracts/s` : null);
  row(4, 'CPU-seconds per 1,000 abstracts during that ingest, by process (postgres: this database\'s backends)', (r) => {
    const m = mem(r);
    if (!m?.cpuSeconds) return null;
    return Object.entries(m.cpuSeconds).filter(([, v]) => v != null).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${f2((v / m.records) * 1000)}`).join(', ');
  });
  row(4, 'completed jobs Redis still holds after the batch (removeOnComplete count × mean payload)', (r) => {
    const m = mem(r);
    if (!m?.retained) return null;
    const total = Object.values(m.retained).reduce((n, x) => n + x.estimatedBytes, 0);
    return `${MB(total)}: ${Object.entries(m.retained).map(([k, x]) => `${k} ${n0(x.completedJobs)} × ${n0(x.meanDataBytes / 1024)} KB`).join(', ')}`;
  });
  const q = results.queries;
  if (q) {
    for (const r of q.results) {
      const what = `${r.via === 'http' ? 'HTTP' : 'SQL'} ${r.name} (${n0(q.claims)} claims)`;
      row(5, what, shared(r.error ? `error: ${r.error.slice(0, 120)}` : `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms (${r.runs} runs)`));
    }
    if (q.apiNote) row(5, 'API endpoints', shared(`not timed: ${q.apiNote}`));
    if (!q.has002) row(5, 'full-text search', shared('not timed: migration 002_* is not in the store'));
  }
  const cr = (r) => r.claimsRun;
  row(6, '**`claims run` on the embedded store** (PGlite, one process: all four stages and the API; spawn to exit)', (r) => cr(r) && `**${n0(cr(r).abstractsPerSec)} abstracts/s** (${n0(cr(r).records)} records, ${f1(cr(r).seconds)} s, peak RSS ${MB(cr(r).peakRss)})`, `≥ ${n0(TARGETS.claimsRunAbstractsPerSec)}/s`, (r) => cr(r).abstractsPerSec >= TARGETS.claimsRunAbstractsPerSec);
  const cpuCell = (c) => c?.cpuMsPerAbstract != null && `${ms(c.cpuMsPerAbstract)} CPU-ms per abstract, main thread ${ms(c.mainThreadCpuMsPerAbstract)} (${f1((c.mainThreadCpuMsPerAbstract * c.abstractsPerSec) / 10)} % of a core)`;
  row(6, `\`claims run\`'s CPU: whole process, and its main thread (extraction on ${'`EXTRACT_THREADS`'} threads, default 1)`, (r) => cr(r) && cpuCell(cr(r)));
  const crm = (r) => r.claimsRunMainThread;
  row(6, 'same, extraction on the main thread (`EXTRACT_THREADS=0`)', (r) => crm(r) && `${n0(crm(r).abstractsPerSec)} abstracts/s, peak RSS ${MB(crm(r).peakRss)}; ${cpuCell(crm(r))}`);
  return [`| # | measure | ${cols.map((c) => `${c.name} corpus`).join(' | ')} | target | met |`, `| --- | --- | ${cols.map(() => '---').join(' | ')} | --- | --- |`, ...rows].join('\n');
}

/** Where one process's CPU went, by category, in ms per abstract: the profile table. */
export function categoryTable(summary, records = summary.records) {
  const lines = [
    `**${summary.process}**: busy ${n0(summary.busyMs)} ms of ${n0(summary.wallMs)} ms profiled${records ? `, ${ms(summary.busyMs / records)} CPU-ms per abstract` : ''}`,
    '',
    '| category | CPU ms | ms per abstract | share of busy |',
    '| --- | --- | --- | --- |',
    ...summary.byCategory.map((c) => `| ${c.name} | ${n0(c.ms)} | ${records ? (c.ms / records).toFixed(3) : '–'} | ${f1(c.share * 100)} % |`),
  ];
  return lines.join('\n');
}

function cpuTable(results, machine = results.machine) {
  const sc = results.scaling ?? [];
  if (!sc.length) return '';
  const names = [...new Set(sc.flatMap((s) => Object.keys(s.cpuPer1k)))];
  const lines = [
    `| process | ${sc.map((s) => `${s.extractors} extractor${s.extractors > 1 ? 's' : ''}`).join(' | ')} |`,
    `| --- | ${sc.map(() => '---').join(' | ')} |`,
    ...names.map((n) => `| ${n} | ${sc.map((s) => (s.cpuPer1k[n] == null ? '–' : f2(s.cpuPer1k[n]))).join(' | ')} |`),
    `| other processes on the machine (not this suite) | ${sc.map((s) => f2(s.machineCpuPer1k - Object.values(s.cpuPer1k).reduce((a, b) => a + b, 0))).join(' | ')} |`,
    `| **all processes on the machine** | ${sc.map((s) => `**${f2(s.machineCpuPer1k)}**`).join(' | ')} |`,
    `| machine busy (of ${machine.nproc} cores) | ${sc.map((s) => `${f1(s.machineBusy * 100)} %`).join(' | ')} |`,
    `| mean jobs waiting: ${Object.keys(sc[0].meanWaitingJobs).join(' / ')} | ${sc.map((s) => Object.values(s.meanWaitingJobs).map(f1).join(' / ')).join(' | ')} |`,
    `| one \`Store.batch()\` call on the finished batch (what \`claims ingest --wait\` polls every 100 ms) | ${sc.map((s) => (s.storeBatchMs == null ? '–' : `${ms(s.storeBatchMs)} ms`)).join(' | ')} |`,
  ];
  return lines.join('\n');
}

function profileSection(results) {
  const p = results.real?.profile ?? results.profile;
  if (!p) return '';
  const out = !p.summaries.length ? [] : [`CPU profiles of the four workers over ${n0(p.records)} abstracts of the ${p.corpus ?? 'synthetic'} corpus (\`node --cpu-prof\`; ${f1(p.abstractsPerSec)} abstracts/s under the profiler). Self time by category, in CPU-milliseconds per abstract, then by package and function (share of each process's busy time):`, ''];
  for (const s of p.summaries) {
    if (s.byCategory) out.push(categoryTable(s, p.records), '');
    else out.push(`**${s.process}** (busy ${n0(s.busyMs)} ms of ${n0(s.wallMs)} ms)`, '');
    out.push(`- by package: ${s.topPackages.slice(0, 8).map((t) => `${t.name} ${f1(t.share * 100)} %`).join(', ')}`);
    out.push(`- top functions: ${s.topFunctions.slice(0, 8).map((t) => `\`${t.name}\` ${f1(t.share * 100)} %`).join(', ')}`, '');
  }
  const run = p.claimsRun;
  if (run) {
    out.push(
      `\`claims run\` over the same ${n0(run.records)} abstracts on the embedded store, one profile per thread (${f1(run.abstractsPerSec)} abstracts/s under the profiler; spawn to exit, so opening and migrating the store is in them):`,
      '',
    );
    for (const s of run.summaries) {
      out.push(categoryTable(s, run.records), '');
      out.push(`- top functions: ${s.topFunctions.slice(0, 8).map((t) => `\`${t.name}\` ${f1(t.share * 100)} %`).join(', ')}`, '');
    }
  }
  return out.join('\n');
}

/** "PostgreSQL (PGlite WASM) 0.92, GC 0.31, …": a thread's biggest categories in CPU-ms per abstract. */
function topCategories(summary, records, count = 5) {
  return summary.byCategory
    .slice(0, count)
    .map((c) => `${c.name} ${ms(c.ms / records)}`)
    .join(', ');
}

/** Statements that follow from the numbers: what bounds each target that is not met. */
export function findings(all) {
  return columns(all).flatMap((c) => findingsFor({ ...c.r, machine: all.machine, noop: all.noop, queries: c.name === 'synthetic' ? all.queries : null }).map((f) => `(${c.name} corpus) ${f}`));
}

function findingsFor(results) {
  const out = [];
  const sc = results.scaling ?? [];
  const e1 = sc.find((s) => s.extractors === 1);
  if (e1) {
    const cores = results.machine.nproc;
    const own = Object.values(e1.cpuPer1k).reduce((a, b) => a + b, 0);
    out.push(
      `The pipeline itself (workers, producer, Redis, PostgreSQL) costs ${f2(own)} CPU-seconds per 1,000 abstracts; ${cores} cores can therefore carry at most ~${n0((cores / own) * 1000)} abstracts/s even when nothing else runs and every process is busy all the time. Measured: ${n0(e1.abstractsPerSec)}/s with the machine ${f1(e1.machineBusy * 100)} % busy (all processes together: ${f2(e1.machineCpuPer1k)} CPU-s per 1,000 abstracts).`,
    );
    if (e1.abstractsPerSec < TARGETS.e2eAbstractsPerSec) {
      const budget = (cores / TARGETS.e2eAbstractsPerSec) * 1000;
      const spends = `the extractor alone spends ${f2(e1.cpuPer1k.extract ?? NaN)} and PostgreSQL ${f2(e1.cpuPer1k['postgres (this database)'] ?? e1.cpuPer1k.postgres ?? NaN)}`;
      if (own > budget) {
        out.push(`**What bounds end to end**: ${n0(TARGETS.e2eAbstractsPerSec)} abstracts/s on ${cores} cores leaves ${f2(budget)} CPU-ms per abstract for every process together, ${f1(own / budget)}× less than the pipeline spends; ${spends}. More processes cannot help on ${cores} cores; the target needs the work itself cut by that factor.`);
      } else {
        // The work fits the cores only if they never idle; at the busy share measured, it needs a cut of its own.
        const atLoad = budget * e1.machineBusy;
        out.push(`**What bounds end to end**: ${n0(TARGETS.e2eAbstractsPerSec)} abstracts/s on ${cores} cores leaves ${f2(budget)} CPU-ms per abstract for every process together; the pipeline spends ${f2(own)} (${spends}), which fits only with both cores busy all the time. They were ${f1(e1.machineBusy * 100)} % busy: the stages wait on each other part of the time. At that load the target needs the work cut by ${f1((1 - atLoad / own) * 100)} %, to ${f2(atLoad)} CPU-ms per abstract; more processes cannot help on ${cores} cores.`);
      }
    }
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
  const run = results.claimsRun;
  if (run?.mainThreadCpuMsPerAbstract && run.abstractsPerSec < TARGETS.claimsRunAbstractsPerSec) {
    out.push(
      `\`claims run\` spends ${ms(run.mainThreadCpuMsPerAbstract)} CPU-ms per abstract on its main thread (the embedded store, PGlite, runs there with ingest, normalize, the writer and the queues; extraction is on its own thread${results.claimsRunMainThread ? `: ${n0(results.claimsRunMainThread.abstractsPerSec)}/s without it` : ''}), so that thread alone caps it near ${n0(1000 / run.mainThreadCpuMsPerAbstract)} abstracts/s, against the ${n0(TARGETS.claimsRunAbstractsPerSec)}/s target. The whole process used ${ms(run.cpuMsPerAbstract)} CPU-ms per abstract.`,
    );
    const mainProfile = results.profile?.claimsRun?.summaries?.find((p) => p.process === 'claims run: main');
    if (mainProfile) {
      const r = results.profile.claimsRun.records;
      out.push(
        `**What bounds \`claims run\`**: under the profiler its main thread was busy ${ms(mainProfile.busyMs / r)} CPU-ms per abstract, most in ${topCategories(mainProfile, r)}: the embedded PostgreSQL (one single-threaded PGlite instance), the writer and the queue traffic of all four stages share that thread. ${n0(TARGETS.claimsRunAbstractsPerSec)}/s needs that thread at ${ms(1000 / TARGETS.claimsRunAbstractsPerSec)} ms or less.`,
      );
    }
  }
  const x = results.extraction;
  if (x && x.ratios.vsCompromise < TARGETS.extractVsCompromise) {
    out.push(`extractClaims is ${f1(x.ratios.vsCompromise)}× faster than compromise's full parse, short of ${TARGETS.extractVsCompromise}×: it still runs compromise on the sentences that hold numbers (see the extractor profile).`);
  }
  return out;
}

/** How the figures are made: corpora, columns, thresholds, profile (issue 12). */
export const METHOD = [
  '- **Two corpora, side by side.** Every corpus-dependent figure (extraction, end to end, scaling, memory) has a column for the synthetic corpus (`@claimflow/corpus`, calibrated to the real abstracts: about 1,400 characters and 1.8 claims per abstract, checked by `test/bench/corpus-calibration.test.ts`) and one for the real corpus: `../shared`\'s seed and dev abstracts (row 0 says how many), replicated with fresh ids (`real-<n>`) to each section\'s size. A clone without `../shared` measures the synthetic column only, and says so. The no-op queue ceiling and the query latencies do not depend on the corpus: one figure, marked `(same)`.',
  '- **Targets** (issue 12: extraction ≥ 15× compromise, end to end ≥ 1,500 abstracts/s, `claims run` ≥ 1,000 abstracts/s, every service ≤ 220 MB, Redis < 512 MB) are judged on the real column where it has the figure, else on the synthetic one, and the met column then says so.',
  '- **Quick mode** (`npm run bench -- --quick`, inside `npm test`) judges no target: its sizes are too small. It checks ratios measured within the run against thresholds set for a loaded 2-core machine (`QUICK_THRESHOLDS` in `test/bench/targets.mjs`: extraction ≥ 5× compromise and ≥ 1.2× recognizers-text, end to end ≥ 3 % of the no-op queue chain, two extractors ≥ 0.4× one), prints each with ✔, or ✘ when it fails, and exits 1 on a ✘.',
  '- **Profile**: the four workers over the real corpus under `node --cpu-prof`, self time inside the timed batch only, in CPU-milliseconds per abstract by category: extraction rules (with their regexes), compromise, JSON (BullMQ\'s job (de)serialization), zod, ioredis / BullMQ, pg, unit normalization, store SQL building, node core, GC. Then \`claims run\` on the embedded store under the same profiler, one table per thread (main, extraction), spawn to exit. `npm run bench -- --profile STAGE` prints one stage\'s table (`run` for `claims run`\'s) without the rest of the suite.',
];

const COMMANDS = [
  'npm ci && npm run build',
  'npm run bench                       # full suite, rewrites BENCHMARKS.md (about 45 min on 2 cores)',
  'npm run bench -- --quick            # a few minutes; exit 1 when a ratio is below its threshold (CI)',
  'npm run bench -- --profile extract  # where the extractor\'s CPU ms per abstract go, on the real corpus',
  'npm run bench -- --corpus real      # only the real corpus in the corpus-dependent sections',
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
  const resummarize = (r) => r && { ...r, scaling: r.scaling?.map((s) => (s.raw?.length ? { ...summarizeRuns(s.raw), raw: s.raw } : s)) };
  const results = { ...resummarize(input), real: resummarize(input.real) };
  const m = results.machine;
  const parts = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (${results.mode} mode) on ${results.finishedAt ?? results.startedAt}${results.complete ? '' : ' — **run still in progress or stopped early; sections below are what finished**'}. Each figure is the median of several runs in one run of the suite, so ratios compare like with like.`,
    '',
    ...rerunNotes(results),
    'Earlier measurements, and what each of issue 12\'s changes was worth when it was made: [docs/benchmarks-history.md](docs/benchmarks-history.md).',
    '',
    '## Results',
    '',
    table(results),
    '',
    '## Method',
    '',
    ...METHOD,
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
    ...columns(results).flatMap((c) => [`**${c.name} corpus**`, '', cpuTable(c.r, m), '']),
    '### Findings',
    '',
    ...findings(results).map((f) => `- ${f}`),
    '',
    results.profile || results.real?.profile ? '### CPU profiles' : '',
    '',
    profileSection(results),
    '',
    '## Reproduce',
    '',
    '```sh',
    ...COMMANDS,
    '```',
    '',
    'Synthetic abstracts come from `@claimflow/corpus` (`shared/corpus`), deterministic by seed and calibrated to the real abstracts\' length and claim density. The real corpus is `../shared`\'s seed and dev sets (read, never copied into the repo), replicated in the scratch folder with fresh ids (`real-<n>`) to the sizes each section needs; every run draws its own id range, so no run re-writes another\'s rows. Every run uses its own PostgreSQL database (`cf_bench_*`, dropped afterwards) and its own BullMQ prefix (`bench-*`, obliterated afterwards). The raw results of the last run are in `/tmp/bench-scratch/last-<mode>.json`.',
    '',
  ];
  return parts.join('\n');
}

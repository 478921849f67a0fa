import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryOf, summarizeProfile } from './lib/cpuprofile.mjs';
import { checkRatios, QUICK_THRESHOLDS, ratiosOf } from './targets.mjs';
import { threadProfiles } from './claims-run.mjs';

const ROOT = 'file:///repo';

/** What every saved full run has besides its sections: the report's tests add the sections they are about. */
const REPORT_BASE = {
  mode: 'full', startedAt: 'now', complete: true,
  machine: { nproc: 2, memoryGB: 24, cpu: 'test', node: 'v20', os: 'linux' },
  settings: { chunkSize: 200, concurrency: 2, maxQueueDepth: 200 },
};

describe('profile categories', () => {
  it('names the parts of the pipeline the profile table is about', () => {
    expect(categoryOf('scan', `${ROOT}/shared/extract/dist/rules/quantities.js`)).toBe('extraction rules');
    expect(categoryOf('tokenize', `${ROOT}/node_modules/compromise/src/one.js`)).toBe('compromise');
    expect(categoryOf('parse', `${ROOT}/node_modules/zod/v4/core/schemas.js`)).toBe('zod');
    expect(categoryOf('sendCommand', `${ROOT}/node_modules/ioredis/built/Redis.js`)).toBe('ioredis / BullMQ');
    expect(categoryOf('wasm-function[10791]', 'wasm://wasm/022c915e')).toBe('PostgreSQL (PGlite WASM)');
    expect(categoryOf('expandFileStorage', `${ROOT}/node_modules/@electric-sql/pglite/dist/chunk-CTPU3OXM.js`)).toBe('PGlite (JS)');
    expect(categoryOf('query', `${ROOT}/node_modules/pg/lib/client.js`)).toBe('pg');
    expect(categoryOf('moveToFinished', `${ROOT}/node_modules/bullmq/dist/cjs/classes/job.js`)).toBe('ioredis / BullMQ');
    expect(categoryOf('fromJSON', `${ROOT}/node_modules/bullmq/dist/cjs/classes/job.js`)).toBe('JSON (job payloads)');
    expect(categoryOf('writeValues', `${ROOT}/node_modules/pg-protocol/dist/serializer.js`)).toBe('pg');
    expect(categoryOf('(garbage collector)', '')).toBe('GC');
  });
  it('counts a native frame for the code that called it', () => {
    expect(categoryOf('RegExp: \\d+x', '', `${ROOT}/shared/extract/dist/rules/quantities.js`)).toBe('extraction rules');
    expect(categoryOf('byteLength', '', `${ROOT}/node_modules/pg/lib/client.js`)).toBe('pg');
    expect(categoryOf('parse', '', `${ROOT}/node_modules/ioredis/built/Redis.js`)).toBe('JSON');
    expect(categoryOf('parse', '', 'node:internal/url')).toBe('node core');
    expect(categoryOf('something', '')).toBe('V8 / native');
  });
  it('sums self time by category inside the window, per abstract', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-prof-'));
    try {
      const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' }, children });
      const profile = {
        nodes: [frame(1, '(root)', '', [2, 3, 5]), frame(2, 'decide', `${ROOT}/shared/extract/dist/x.js`, [4]), frame(3, 'nlp', `${ROOT}/node_modules/compromise/a.js`), frame(4, 'RegExp: a', ''), frame(5, '(idle)', '')],
        startTime: 0,
        // samples at 1000, 2000, … µs: decide, regex under decide, compromise ×2, idle, then decide outside the window
        samples: [2, 4, 3, 3, 5, 2],
        timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
      };
      const path = join(dir, 'x.cpuprofile');
      writeFileSync(path, JSON.stringify(profile));
      const s = summarizeProfile(path, 5, [0, 5500], 2);
      expect(s.busyMs).toBe(4);
      expect(s.byCategory).toEqual([
        { name: 'extraction rules', ms: 2, msPerAbstract: 1, share: 0.5 },
        { name: 'compromise', ms: 2, msPerAbstract: 1, share: 0.5 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('quick-mode thresholds', () => {
  const results = (vsCompromise: number, e1: number, e2: number) => ({
    extraction: { ratios: { vsCompromise, vsRecognizers: 3 } },
    scaling: [{ extractors: 1, abstractsPerSec: e1 }, { extractors: 2, abstractsPerSec: e2 }],
  });
  const noop = { chain: { abstractsPerSec: 4000 } };
  it('are stated for every ratio quick mode measures', () => {
    expect(Object.keys(QUICK_THRESHOLDS).sort()).toEqual(Object.keys(ratiosOf(results(8, 400, 300), noop)).sort());
    for (const t of Object.values(QUICK_THRESHOLDS)) expect(t.min).toBeGreaterThan(0);
  });
  it('pass what a loaded 2-core machine measures and fail a regression, per corpus', () => {
    const ok = checkRatios({ synthetic: ratiosOf(results(7.4, 373, 251), noop), real: ratiosOf(results(10, 367, 300), noop) });
    expect(ok.every((c) => c.ok)).toBe(true);
    expect(new Set(ok.map((c) => c.corpus))).toEqual(new Set(['synthetic', 'real']));
    // The extractor running compromise on every sentence again: 3× instead of 10×.
    const bad = checkRatios({ real: ratiosOf(results(3, 367, 300), noop) });
    expect(bad.filter((c) => !c.ok).map((c) => c.key)).toEqual(['extract.vsCompromise']);
  });
});

describe('report: claims run', () => {
  const run = (abstractsPerSec: number, mainMs: number) => ({
    records: 20_000, seconds: 20_000 / abstractsPerSec, abstractsPerSec, peakRss: 400 * 2 ** 20, extractThreads: 1, cpuMsPerAbstract: 3.1, mainThreadCpuMsPerAbstract: mainMs,
  });
  const results = (claimsRun: ReturnType<typeof run>) => ({
    ...REPORT_BASE, claimsRun, claimsRunMainThread: run(350, 2.8),
  });

  it('states the CPU of the main thread and, when the target is missed, the cap it sets', async () => {
    const { markdown } = await import('./report.mjs');
    const md = markdown(results(run(450, 2.0)));
    expect(md).toMatch(/\*\*450 abstracts\/s\*\*.*≥ 1,000\/s \| ✘/);
    expect(md).toContain('3.10 CPU-ms per abstract, main thread 2.00 (90.0 % of a core)');
    expect(md).toContain('same, extraction on the main thread (`EXTRACT_THREADS=0`) | 350 abstracts/s');
    expect(md).toMatch(/main thread .* caps it near 500 abstracts\/s/);
    // Met: no finding about what bounds it.
    expect(markdown(results(run(1200, 0.7)))).not.toContain('caps it near');
  });

  it('judges a target on the synthetic column, saying so, where the real one lacks the figure', async () => {
    const { markdown } = await import('./report.mjs');
    const md = markdown({ ...results(run(450, 2.0)), memory: { records: 1_000_000, peakRss: { extract: 151 * 2 ** 20 }, redisBase: 0, redisPeak: 2 ** 20 }, real: { claimsRun: run(300, 2.5) } });
    expect(md).toMatch(/peak RSS `extract`.*\| 151 MB \| – \| ≤ 220 MB \| ✔ \(synthetic corpus\) \|/);
    // claims run has a real figure: judged there, no note.
    expect(md).toMatch(/\*\*300 abstracts\/s\*\*.*\| ≥ 1,000\/s \| ✘ \|/);
  });
});

describe('claims run profiles', () => {
  it('are found by process and thread in node\'s default names, main thread first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-prof-'));
    try {
      for (const name of ['CPU.20261201.191555.6538.1.002.cpuprofile', 'CPU.20261201.191555.6538.0.001.cpuprofile', 'CPU.20261201.191555.777.0.001.cpuprofile', 'notes.txt']) writeFileSync(join(dir, name), '{}');
      expect(threadProfiles(dir, 6538)).toEqual([
        { thread: 'main', path: join(dir, 'CPU.20261201.191555.6538.0.001.cpuprofile') },
        { thread: 'extraction thread 1', path: join(dir, 'CPU.20261201.191555.6538.1.002.cpuprofile') },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('report: claims run profile', () => {
  const thread = (process: string, cats: [string, number][]) => {
    const busyMs = cats.reduce((n, [, t]) => n + t, 0);
    return { process, wallMs: busyMs * 2, busyMs, records: 1000, topFunctions: [{ name: 'exec pglite.js:1', ms: 1, share: 0.5 }], topPackages: [], byCategory: cats.map(([name, t]) => ({ name, ms: t, msPerAbstract: t / 1000, share: t / busyMs })) };
  };
  const profile = {
    records: 1000, corpus: 'real', dir: '/tmp/x', summaries: [],
    claimsRun: { records: 1000, abstractsPerSec: 300, mainThreadCpuMsPerAbstract: 2.4, summaries: [thread('claims run: main', [['PostgreSQL (PGlite WASM)', 900], ['GC', 400], ['ioredis / BullMQ', 300]]), thread('claims run: extraction thread 1', [['compromise', 700]])] },
  };
  const results = (abstractsPerSec: number) => ({
    ...REPORT_BASE,
    real: { profile, claimsRun: { records: 20_000, seconds: 1, abstractsPerSec, peakRss: 2 ** 28, extractThreads: 1, cpuMsPerAbstract: 3, mainThreadCpuMsPerAbstract: 2.2 } },
  });

  it('has a table per thread, and says what bounds claims run by its main thread\'s biggest categories', async () => {
    const { markdown } = await import('./report.mjs');
    const md = markdown(results(350));
    expect(md).toContain('**claims run: main**: busy 1,600 ms of 3,200 ms profiled, 1.60 CPU-ms per abstract');
    expect(md).toContain('| PostgreSQL (PGlite WASM) | 900 | 0.900 | 56.3 % |');
    expect(md).toContain('**claims run: extraction thread 1**');
    expect(md).toMatch(/What bounds `claims run`\*\*: under the profiler its main thread was busy 1.60 CPU-ms per abstract, most in PostgreSQL \(PGlite WASM\) 0.90, GC 0.40, ioredis \/ BullMQ 0.30/);
    expect(md).toContain('needs that thread at 1.00 ms or less');
    // No worker profiles in this run: no table introduces them.
    expect(md).not.toContain('CPU profiles of the four workers');
    // Target met: nothing bounds it.
    expect(markdown(results(1200))).not.toContain('What bounds `claims run`');
  });
});

describe('report: what bounds end to end', () => {
  const results = (abstractsPerSec: number, extract: number, machineBusy: number) => ({
    ...REPORT_BASE,
    scaling: [{ extractors: 1, records: 100_000, abstractsPerSec, cpuPer1k: { extract, 'postgres (this database)': 0.35, write: 0.2 }, machineCpuPer1k: extract + 0.56, machineBusy, meanWaitingJobs: { extract: 150 }, otherShare: 0.01 }],
  });

  it('names the factor when the work exceeds what 2 cores can carry at the target', async () => {
    const { markdown } = await import('./report.mjs');
    // 2.66 CPU-ms per abstract against 1.33 left per abstract at 1,500/s: twice too much.
    expect(markdown(results(700, 2.11, 0.95))).toMatch(/leaves 1\.33 CPU-ms per abstract for every process together, 2\.0× less than the pipeline spends/);
  });

  it('names the cut the measured load needs when the work fits only on cores that never idle', async () => {
    const { markdown } = await import('./report.mjs');
    // 1.30 CPU-ms per abstract fits 1.33, but at 95 % busy only 1.27 does: a 2.6 % cut.
    const md = markdown(results(1450, 0.75, 0.95));
    expect(md).toMatch(/the pipeline spends 1\.30 .*which fits only with both cores busy all the time\. They were 95\.0 % busy/);
    expect(md).toContain('the target needs the work cut by 2.6 %, to 1.27 CPU-ms per abstract');
    expect(md).not.toContain('× less than the pipeline spends');
    // Met: nothing bounds it.
    expect(markdown(results(1600, 0.75, 0.95))).not.toContain('What bounds end to end');
  });
});

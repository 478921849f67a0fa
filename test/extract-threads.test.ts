import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateAbstracts } from '@claimflow/corpus';
import { ExtractThreads, loadExtractChunk } from '@claimflow/extractor';
import type { ExtractJob } from '@claimflow/schemas';

/** Extraction on threads (EXTRACT_THREADS, `claims run`'s default): same output as on the worker's own thread, failures reported. */
function jobOf(count: number, startId: number): ExtractJob {
  const papers = [...generateAbstracts({ seed: 7, count, startId })].map((a, i) => ({
    id: a.id,
    title: a.title,
    abstract: a.abstract,
    metadata: {},
    source: { file: 'threads.jsonl', line: startId + i + 1 },
  }));
  return { batch: { id: 'b1', name: 'threads.jsonl', createdAt: '2026-12-01T00:00:00.000Z' }, papers, rejections: [], total: undefined };
}

describe('ExtractThreads', () => {
  let threads: ExtractThreads | null = null;
  afterEach(async () => {
    await threads?.close();
    threads = null;
  });

  it('returns what extractChunk returns on the calling thread, for jobs in flight together on two threads', async () => {
    threads = new ExtractThreads(2);
    const jobs = [0, 1, 2, 3, 4].map((k) => jobOf(20, k * 20));
    const out = await Promise.all(jobs.map((j) => threads!.run(j)));
    const extractChunk = await loadExtractChunk();
    for (const [k, job] of jobs.entries()) {
      const expected = extractChunk(job);
      // Structured clone drops undefined fields; JSON (what the queues carry) drops them too.
      expect(JSON.parse(JSON.stringify(out[k]))).toEqual(JSON.parse(JSON.stringify(expected)));
    }
    expect(out.flatMap((o) => o.papers).reduce((n, p) => n + p.drafts.length, 0)).toBeGreaterThan(50);
  });

  it('fails a job that throws with the extractor\'s error, and the next job still runs', async () => {
    threads = new ExtractThreads(1);
    const broken = { ...jobOf(1, 0), papers: [{ id: 'x', title: 't', abstract: null }] } as unknown as ExtractJob;
    await expect(threads.run(broken)).rejects.toThrow(/^extraction failed: TypeError: /);
    const ok = await threads.run(jobOf(3, 0));
    expect(ok.papers.map((p) => p.paper.id)).toEqual(jobOf(3, 0).papers.map((p) => p.id));
  });

  it('fails the jobs of a thread that dies, saying why, instead of leaving them waiting', async () => {
    // A heap too small for the extractor's lexicons: the thread runs out of memory while it loads.
    threads = new ExtractThreads(1, 4);
    await expect(threads.run(jobOf(2, 0))).rejects.toThrow(/^extraction thread stopped \(.*memory.*\); BullMQ retries the job/i);
  });

  it('refuses work once closed, saying so', async () => {
    threads = new ExtractThreads(1);
    await threads.run(jobOf(1, 0));
    await threads.close();
    await expect(threads.run(jobOf(1, 0))).rejects.toThrow('extraction threads are closed');
  });

  it('takes a positive size only', () => {
    expect(() => new ExtractThreads(0)).toThrow(/positive integer, got 0/);
  });
});

/** The files a module loads before it runs: its static imports, followed through the package's own files. */
function staticImports(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    // `import … from '…'` and `export … from '…'` load eagerly; `import('…')` (on demand) does not.
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  }
  return { files, packages };
}

describe('the extractor package', () => {
  it('loads the extraction rules only on demand: a process whose extraction runs on threads does not hold them', () => {
    const entry = createRequire(import.meta.url).resolve('@claimflow/extractor');
    const { files, packages } = staticImports(entry);
    expect(files.map((f) => f.slice(dirname(entry).length + 1))).toContain('extract-threads.js');
    expect(packages).toContain('@claimflow/service-kit');
    expect([...packages]).not.toContain('@claimflow/extract');
    expect(files.map((f) => f.slice(dirname(entry).length + 1))).not.toContain('extract-chunk.js');
  });
});

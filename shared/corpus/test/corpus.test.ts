import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AbstractInput } from '@claimflow/schemas';
import { abstractAt, FAULT_KINDS, generateAbstracts, generateAnnotatedAbstracts, jsonlLines, writeAbstractsJsonl } from '../src/index.js';

/** The built package, for the memory test's child process (built by `npm run build`). */
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));

const take = (seed: number, count: number, startId?: number) => [...generateAbstracts({ seed, count, startId })];

describe('determinism', () => {
  it('gives the same corpus for the same seed', () => {
    expect(take(7, 200)).toEqual(take(7, 200));
  });
  it('gives a different corpus for another seed', () => {
    const a = take(7, 50).map((x) => x.abstract);
    const b = take(8, 50).map((x) => x.abstract);
    expect(a.filter((t, i) => t === b[i]).length).toBeLessThan(3);
  });
  it('makes record i independent of where the stream starts', () => {
    const all = take(3, 120);
    expect(take(3, 20, 100)).toEqual(all.slice(100));
    expect(abstractAt(3, 57)).toEqual({ ...all[57], planted: abstractAt(3, 57).planted });
  });
});

describe('records', () => {
  it('are valid pipeline input with unique ids', () => {
    const records = take(11, 2000);
    for (const r of records) expect(AbstractInput.safeParse(r).success).toBe(true);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    const lengths = records.map((r) => r.abstract.length);
    expect(Math.min(...lengths)).toBeGreaterThan(100);
    expect(Math.max(...lengths)).toBeLessThan(3000);
  });
  it('plant claims whose text is in the abstract', () => {
    for (const a of generateAnnotatedAbstracts({ seed: 5, count: 1000 })) {
      for (const p of a.planted) expect(a.abstract).toContain(p.text.replace(/^~/, ''));
    }
  });
});

describe('variety', () => {
  const corpus = [...generateAnnotatedAbstracts({ seed: 42, count: 3000 })];
  it('covers all five kinds', () => {
    const kinds = new Map<string, number>();
    for (const a of corpus) for (const p of a.planted) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(['efficiency', 'measurement', 'quality_delta', 'quality_value', 'speedup']);
    for (const n of kinds.values()) expect(n).toBeGreaterThan(300);
  });
  it('uses factor, percent, range, word and qualifier forms', () => {
    const texts = corpus.flatMap((a) => a.planted.map((p) => p.text));
    const abstracts = corpus.map((a) => a.abstract).join('\n');
    expect(texts.some((t) => /^\d+(\.\d+)?[x×X]$/.test(t))).toBe(true);
    expect(texts.some((t) => /times$/.test(t))).toBe(true);
    expect(texts.some((t) => /-fold$/.test(t))).toBe(true);
    expect(texts.some((t) => /%$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d+(\.\d+)?-\d+(\.\d+)?(%|x|times)$/.test(t))).toBe(true);
    expect(texts.some((t) => /^between /.test(t))).toBe(true);
    expect(texts.some((t) => /orders? of magnitude/.test(t))).toBe(true);
    expect(texts).toContain('half');
    for (const unit of ['ms', 'MB', 'GB', 'FPS', 'GPU-hours', 'W', 'GFLOPs']) expect(texts.some((t) => t.endsWith(` ${unit}`))).toBe(true);
    for (const q of ['up to ', 'about ', 'nearly ', 'at least ', 'more than ', '~']) expect(abstracts).toContain(q);
  });
  it('mixes in numbers that are not claims', () => {
    const abstracts = corpus.map((a) => a.abstract).join('\n');
    expect(abstracts).toMatch(/Since 20\d\d/); // years
    expect(abstracts).toMatch(/\[\d+(, \d+)?\]/); // citations
    expect(abstracts).toMatch(/et al\., 20\d\d/);
    expect(abstracts).toMatch(/ResNet-50|GPT-2|YOLOv5/); // model names
    expect(abstracts).toMatch(/batch size of \d+/);
    expect(abstracts).toMatch(/\d-bit weights/);
    expect(abstracts).toMatch(/Section \d/);
    expect(abstracts).toMatch(/https:\/\/github\.com\//);
    expect(corpus.some((a) => a.planted.length === 0)).toBe(true);
  });
  it('is mostly distinct text', () => {
    expect(new Set(corpus.map((a) => a.abstract)).size).toBeGreaterThan(2990);
  });
});

describe('JSONL', () => {
  it('streams a file of N lines that parse back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    try {
      const file = join(dir, 'a.jsonl');
      const result = await writeAbstractsJsonl(file, { seed: 9, count: 5000 });
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBe(5000);
      expect(result.lines).toBe(5000);
      expect(result.bytes).toBe(Buffer.byteLength(readFileSync(file)));
      expect(JSON.parse(lines[4999])).toEqual(take(9, 1, 4999)[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it.skipIf(!existsSync(DIST))('writes in flat memory: 100 MB of JSONL under a 40 MB heap cap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    try {
      const file = join(dir, 'big.jsonl');
      // A writer that kept lines around would run out of heap long before the end.
      const script = `const { writeAbstractsJsonl } = await import(${JSON.stringify(DIST)});
        const r = await writeAbstractsJsonl(${JSON.stringify(file)}, { seed: 4, count: 100000 });
        process.stdout.write(JSON.stringify(r));`;
      const out = execFileSync(process.execPath, ['--max-old-space-size=40', '--input-type=module', '-e', script], { encoding: 'utf8' });
      const result = JSON.parse(out);
      expect(result.lines).toBe(100_000);
      expect(result.bytes).toBeGreaterThan(90_000_000);
      expect(statSync(file).size).toBe(result.bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
  it('mixes in bad records at the asked rate, deterministically', () => {
    const lines = [...jsonlLines({ seed: 2, count: 4000, faults: { rate: 0.05 } })];
    expect(lines).toEqual([...jsonlLines({ seed: 2, count: 4000, faults: { rate: 0.05 } })]);
    const bad = lines.filter((l) => {
      try {
        return !AbstractInput.safeParse(JSON.parse(l)).success;
      } catch {
        return true;
      }
    });
    expect(bad.length).toBeGreaterThan(120);
    expect(bad.length).toBeLessThan(300);
    expect(FAULT_KINDS.length).toBe(6);
  });
});

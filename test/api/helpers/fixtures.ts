import { extractClaims } from '@claimflow/extract';
import type { BatchRef, ClaimKind, ClaimRecord, Paper, Qualifier, Rejection, WriteJob } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';

/**
 * Hand-built papers and claims: exact values to assert on, whatever the
 * extractor currently says. The abstracts are written for these tests.
 */
interface ClaimSpec {
  sentence: string;
  text: string;
  kind: ClaimKind;
  unit: ClaimRecord['unit'];
  value: number | [number, number];
  qualifier?: Qualifier;
  metric?: string;
  baseline?: string;
  setting?: string;
}

function paper(id: string, title: string, abstract: string, line: number): Paper {
  return { id, title, abstract, metadata: { venue: 'test' }, source: { file: 'fixtures.jsonl', line } };
}

function claimsOf(p: Paper, specs: ClaimSpec[]): ClaimRecord[] {
  return specs.map((s) => {
    const sentenceAt = p.abstract.indexOf(s.sentence);
    const at = s.sentence.indexOf(s.text);
    if (sentenceAt < 0 || at < 0) throw new Error(`fixture: ${s.text} not in ${p.id}`);
    const start = sentenceAt + at;
    const [value, low, high] = Array.isArray(s.value) ? [null, ...s.value] : [s.value, null, null];
    return {
      paperId: p.id, kind: s.kind, span: [start, start + s.text.length], text: s.text,
      value, low, high, unit: s.unit, qualifier: s.qualifier ?? 'exact',
      raw: { value, low, high, unit: s.unit },
      metric: s.metric ?? null, baseline: s.baseline ?? null, setting: s.setting ?? null, sentence: s.sentence,
    };
  });
}

const A1 =
  'We present a sparse attention kernel for transformer inference. On an A100 GPU it runs 3.2x faster than dense attention. ' +
  'Memory use drops by 50% compared with the dense baseline. Top-1 accuracy falls by only 0.4 points on ImageNet.';
const P1 = paper('fx-001', 'Sparse kernels for fast transformer inference', A1, 1);

const A2 =
  'Our 4-bit speech recognizer is between 5 and 12 times smaller than the float model. ' +
  'Decoding reaches 140 frames per second on a mobile phone. Word error rate rises by 1.1 points.';
const P2 = paper('fx-002', 'Quantized speech recognition on phones', A2, 2);

const A3 =
  'A feature cache makes each training epoch about 1.5x faster on ogbn-products. The cached model keeps 71.3% accuracy. ' +
  'Perplexity of the auxiliary language head improves by 0.8.';
const P3 = paper('fx-003', 'Caching for graph neural network training', A3, 3);

// An astral character (🚀, two UTF-16 units) before the claims: spans are UTF-16, PostgreSQL counts code points.
const A4 = 'Early exits 🚀 reduce latency by 40% on edge devices. Energy per image is up to 25x lower than the full model.';
const P4 = paper('fx-004', 'Early exit for vision transformers, on the edge', A4, 1);

/** Written by whatever extractor is current: assertions about it hold for any sensible one. */
const A5 = 'Pruning makes our pedestrian detector 7x faster and 3x smaller without retraining.';
const P5 = paper('fx-005', 'Pruned pedestrian detectors', A5, 2);

export const HAND_CLAIMS: Record<string, ClaimRecord[]> = {
  'fx-001': claimsOf(P1, [
    { sentence: 'On an A100 GPU it runs 3.2x faster than dense attention.', text: '3.2x', kind: 'speedup', unit: 'x', value: 3.2, metric: 'inference time', baseline: 'dense attention', setting: 'A100 GPU' },
    { sentence: 'Memory use drops by 50% compared with the dense baseline.', text: '50%', kind: 'efficiency', unit: 'x', value: 2, metric: 'memory', baseline: 'dense baseline' },
    { sentence: 'Top-1 accuracy falls by only 0.4 points on ImageNet.', text: '0.4 points', kind: 'quality_delta', unit: 'pp', value: -0.4, metric: 'top-1 accuracy', setting: 'ImageNet' },
  ]),
  'fx-002': claimsOf(P2, [
    { sentence: 'Our 4-bit speech recognizer is between 5 and 12 times smaller than the float model.', text: '5 and 12 times', kind: 'efficiency', unit: 'x', value: [5, 12], metric: 'model size', baseline: 'the float model' },
    { sentence: 'Decoding reaches 140 frames per second on a mobile phone.', text: '140 frames per second', kind: 'measurement', unit: 'fps', value: 140, metric: 'decoding speed', setting: 'mobile phone' },
    { sentence: 'Word error rate rises by 1.1 points.', text: '1.1 points', kind: 'quality_delta', unit: 'pp', value: -1.1, metric: 'word error rate' },
  ]),
  'fx-003': claimsOf(P3, [
    { sentence: 'A feature cache makes each training epoch about 1.5x faster on ogbn-products.', text: '1.5x', kind: 'speedup', unit: 'x', value: 1.5, qualifier: 'approximate', metric: 'training epoch time', setting: 'ogbn-products' },
    { sentence: 'The cached model keeps 71.3% accuracy.', text: '71.3%', kind: 'quality_value', unit: '%', value: 71.3, metric: 'accuracy' },
    { sentence: 'Perplexity of the auxiliary language head improves by 0.8.', text: '0.8', kind: 'quality_delta', unit: 'abs', value: 0.8, metric: 'perplexity' },
  ]),
  'fx-004': claimsOf(P4, [
    { sentence: 'Early exits 🚀 reduce latency by 40% on edge devices.', text: '40%', kind: 'speedup', unit: 'x', value: 1 / 0.6, metric: 'latency', setting: 'edge devices' },
    { sentence: 'Energy per image is up to 25x lower than the full model.', text: '25x', kind: 'efficiency', unit: 'x', value: 25, qualifier: 'upper_bound', metric: 'energy', baseline: 'the full model' },
  ]),
};

export const PAPERS = { P1, P2, P3, P4, P5 };
export const EXTRACTED_PAPER = P5;

const batch = (id: string, name: string, minutesAgo: number): BatchRef => ({
  id, name, createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
});
export const BATCH_1 = batch('batch-one', 'first batch', 30);
export const BATCH_2 = batch('batch-two', 'second batch', 10);
export const REJECTION: Rejection = { file: 'second.jsonl', line: 3, field: 'abstract', reason: 'missing' };

/** Writes the fixtures as the writer would: batch one (three papers), batch two (two papers and a rejection). */
export async function seed(store: Store): Promise<void> {
  const job = (b: BatchRef, papers: Paper[], rejections: Rejection[] = []): WriteJob => ({
    batch: b,
    extractorVersion: 'test',
    papers: papers.map((p) => ({ paper: p, claims: HAND_CLAIMS[p.id] ?? extractClaims(p.id, p.abstract) })),
    rejections,
    total: papers.length + rejections.length,
  });
  await store.writeChunk(job(BATCH_1, [P1, P2, P3]));
  await store.writeChunk(job(BATCH_2, [P4, P5], [REJECTION]));
}

export const ALL_HAND_CLAIMS = Object.values(HAND_CLAIMS).flat();

import type { BatchRef, ClaimKind, ClaimRecord, Paper } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';

/**
 * Papers written for the leaderboard tests: several report accuracy on
 * ImageNet under different spellings, latency (lower is better) on an A100,
 * and speedups over FlashAttention-2 spelled three ways. Exact values, so
 * rankings can be asserted.
 */
interface Spec {
  sentence: string;
  text: string;
  kind: ClaimKind;
  unit: ClaimRecord['unit'];
  value: number | [number, number];
  metric?: string;
  setting?: string;
  baseline?: string;
  qualifier?: ClaimRecord['qualifier'];
  confidence?: number;
}

export function make(id: string, title: string, specs: Spec[], metadata: Record<string, unknown> = {}, more = '', line = Number(id.slice(-1)) || 1): { paper: Paper; claims: ClaimRecord[] } {
  const abstract = [...specs.map((s) => s.sentence), more].filter(Boolean).join(' ');
  const paper: Paper = { id, title, abstract, metadata, source: { file: 'analyst.jsonl', line } };
  const claims = specs.map((s): ClaimRecord => {
    const start = abstract.indexOf(s.sentence) + s.sentence.indexOf(s.text);
    const [value, low, high] = Array.isArray(s.value) ? [null, ...s.value] : [s.value, null, null];
    return {
      paperId: id, kind: s.kind, span: [start, start + s.text.length], text: s.text, value, low, high, unit: s.unit, qualifier: s.qualifier ?? 'exact',
      raw: { value, low, high, unit: s.unit }, metric: s.metric ?? null, baseline: s.baseline ?? null, setting: s.setting ?? null, sentence: s.sentence,
      ...(s.confidence != null ? { confidence: s.confidence } : {}),
    };
  });
  return { paper, claims };
}

export const ANALYST_PAPERS = [
  make('an-1', 'Wide residual tricks', [
    { sentence: 'On ImageNet-1k our network gains 1.5 points of top-1 accuracy over ResNet-50.', text: '1.5 points', kind: 'quality_delta', unit: 'pp', value: 1.5, metric: 'top-1 accuracy', setting: 'ImageNet-1k', baseline: 'ResNet-50' },
    { sentence: 'A second recipe adds 0.4 points of accuracy on ILSVRC-12.', text: '0.4 points', kind: 'quality_delta', unit: 'pp', value: 0.4, metric: 'accuracy', setting: 'ILSVRC-12' },
    { sentence: 'Inference takes 12 ms per image on an A100 80GB.', text: '12 ms', kind: 'measurement', unit: 's', value: 0.012, metric: 'inference latency', setting: 'A100 80GB' },
  ], { url: 'https://example.org/papers/an-1', published: '2020-01-15' }),
  make('an-2', 'Searching mobile networks', [
    { sentence: 'Our searched model is 2.3 points more accurate on a phone, evaluated on ImageNet.', text: '2.3 points', kind: 'quality_delta', unit: 'pp', value: 2.3, metric: 'accuracy', setting: 'Pixel' },
    { sentence: 'Its latency is 30 ms on an A100.', text: '30 ms', kind: 'measurement', unit: 's', value: 0.03, metric: 'latency', setting: 'A100' },
    { sentence: 'The fused kernel runs 2.1x faster than FlashAttention2.', text: '2.1x', kind: 'speedup', unit: 'x', value: 2.1, metric: 'speed', baseline: 'FlashAttention2' },
  ], { arxiv: '2101.00001' }),
  make('an-3', 'Cheap accuracy', [
    { sentence: 'Accuracy rises by between 0.2 and 0.9 points on the ImageNet benchmark.', text: '0.2 and 0.9 points', kind: 'quality_delta', unit: 'pp', value: [0.2, 0.9], metric: 'average accuracy' },
    { sentence: 'Latency falls to 8 ms on an NVIDIA A100 GPU.', text: '8 ms', kind: 'measurement', unit: 's', value: 0.008, metric: 'end-to-end latency', setting: 'NVIDIA A100 GPU' },
    { sentence: 'Our attention is 3.4x faster than FlashAttention-2 at long context.', text: '3.4x', kind: 'speedup', unit: 'x', value: 3.4, metric: 'speedup', baseline: 'FlashAttention-2' },
    { sentence: 'It reaches 76.1% top-1 accuracy on ImageNet.', text: '76.1%', kind: 'quality_value', unit: '%', value: 76.1, metric: 'top-1 accuracy', setting: 'ImageNet' },
  ], { year: 2021 }),
  make('an-4', 'Attention without the memory', [
    { sentence: 'The kernel is 1.6x faster than Flash-Attention 2 and 2.5x faster than FlashAttention.', text: '1.6x', kind: 'speedup', unit: 'x', value: 1.6, metric: 'runtime', baseline: 'Flash-Attention 2' },
    { sentence: 'Memory use drops by 4x compared with FlashAttention-2.', text: '4x', kind: 'efficiency', unit: 'x', value: 4, metric: 'memory', baseline: 'FlashAttention-2' },
    { sentence: 'On CIFAR-10 accuracy improves by 3.0 points.', text: '3.0 points', kind: 'quality_delta', unit: 'pp', value: 3, metric: 'accuracy', setting: 'CIFAR-10' },
  ], {}, 'Code is at https://example.org/attention-code.'),
];

export const ANALYST_BATCH: BatchRef = { id: 'batch-analyst', name: 'analyst fixtures', createdAt: new Date(Date.now() - 5 * 60_000).toISOString() };

export async function seedAnalystPapers(store: Store): Promise<void> {
  await store.writeChunk({ batch: ANALYST_BATCH, extractorVersion: 'test', papers: ANALYST_PAPERS, rejections: [], total: ANALYST_PAPERS.length });
}

/** Many small papers, so a listing has more than one page (the page's back-and-restore test). */
export const BULK_PAPERS = Array.from({ length: 30 }, (_, i) =>
  make(`bulk-${String(i).padStart(2, '0')}`, `Bulk measurements ${i}`, Array.from({ length: 5 }, (_, j) => ({
    sentence: `Run ${j} of study ${i} takes ${i * 5 + j + 1} seconds.`, text: `${i * 5 + j + 1} seconds`, kind: 'measurement' as const, unit: 's' as const, value: i * 5 + j + 1, metric: 'runtime',
  })), {}, '', i + 1),
);

export async function seedBulkPapers(store: Store): Promise<void> {
  await store.writeChunk({ batch: { id: 'batch-bulk', name: 'bulk fixtures', createdAt: new Date().toISOString() }, extractorVersion: 'test', papers: BULK_PAPERS, rejections: [], total: BULK_PAPERS.length });
}

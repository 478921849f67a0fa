import type { Store } from '@claimflow/store';
import { make } from './analyst-fixtures.js';

/**
 * Papers whose claims must not all be ranked together (issue 21): AP on COCO
 * written with and without "%", latencies on different hardware and on none
 * stated, gains over different baselines, an "up to" speedup, and a
 * low-confidence claim that would otherwise top its board.
 */
export const BOARD_PAPERS = [
  make('bd-1', 'Detectors with percent', [
    { sentence: 'Our detector reaches 53.1% AP on COCO.', text: '53.1%', kind: 'quality_value', unit: '%', value: 53.1, metric: 'AP', setting: 'COCO', confidence: 0.9 },
    { sentence: 'It runs at 20 ms per image on a Jetson TX2.', text: '20 ms', kind: 'measurement', unit: 's', value: 0.02, metric: 'latency', setting: 'Jetson TX2', confidence: 0.8 },
    { sentence: 'Box AP improves by 2.0 points over AlexNet on COCO.', text: '2.0 points', kind: 'quality_delta', unit: 'pp', value: 2, metric: 'box AP', setting: 'COCO', baseline: 'AlexNet', confidence: 0.9 },
  ], { url: 'https://example.org/bd-1', published: '2019-05-01' }, '', 1),
  make('bd-2', 'Detectors without percent', [
    { sentence: 'The model obtains 44.2 AP on MS COCO.', text: '44.2 AP', kind: 'quality_value', unit: 'abs', value: 44.2, metric: 'AP', setting: 'MS COCO', confidence: 0.95 },
    { sentence: 'Latency is 5 ms on a Tesla T4.', text: '5 ms', kind: 'measurement', unit: 's', value: 0.005, metric: 'latency', setting: 'Tesla T4', confidence: 0.9 },
    { sentence: 'Inference is up to 3.1x faster than XNOR-Net.', text: '3.1x', kind: 'speedup', unit: 'x', value: 3.1, metric: 'inference speed', baseline: 'XNOR-Net', qualifier: 'upper_bound', confidence: 0.9 },
    { sentence: 'AP rises by 4.0 points over XNOR-Net on COCO.', text: '4.0 points', kind: 'quality_delta', unit: 'pp', value: 4, metric: 'AP', setting: 'COCO', baseline: 'XNOR-Net', confidence: 0.9 },
  ], { year: 2021 }, '', 2),
  make('bd-3', 'Detectors, unsure', [
    { sentence: 'A variant scores 61.0 AP on COCO.', text: '61.0 AP', kind: 'quality_value', unit: 'abs', value: 61, metric: 'AP', setting: 'COCO', confidence: 0.2 },
    { sentence: 'Another reaches 40.0 AP on COCO.', text: '40.0 AP', kind: 'quality_value', unit: 'abs', value: 40, metric: 'AP', setting: 'COCO', confidence: 0.7 },
    { sentence: 'Each image takes 3 ms.', text: '3 ms', kind: 'measurement', unit: 's', value: 0.003, metric: 'latency', confidence: 0.9 },
    { sentence: 'It is at least 2x faster than XNOR-Net.', text: '2x', kind: 'speedup', unit: 'x', value: 2, metric: 'speed', baseline: 'XNOR-Net', qualifier: 'lower_bound', confidence: 0.9 },
    { sentence: 'AP improves by 1.0 points on COCO.', text: '1.0 points', kind: 'quality_delta', unit: 'pp', value: 1, metric: 'AP', setting: 'COCO', confidence: 0.9 },
  ], {}, '', 3),
];

export async function seedBoardPapers(store: Store): Promise<void> {
  await store.writeChunk({ batch: { id: 'batch-boards', name: 'board fixtures', createdAt: new Date().toISOString() }, extractorVersion: 'test', papers: BOARD_PAPERS, rejections: [], total: BOARD_PAPERS.length });
}

// Canonical metrics: which metric a claim's free-text metric names, so that
// "top-1 eval accuracy", "average per-task accuracy" and "Acc" meet on one
// key an analyst can group and rank by. Each key has a scale and a polarity;
// for quality metrics both come from the metric table (metrics-table.ts), so
// the two tables cannot disagree. To add a spelling: add it to its row. To add
// a metric: add a row (more specific rows need no ordering: the longest
// spelling found in the phrase wins).
import { metricsIn, type Better, type MetricScale } from './metrics-table.js';
import { Lexicon, type LexiconRow } from './phrase-lexicon.js';

/** percent / native: a quality score (metric table); measure: a resource, in the unit of its claim (s, B, x). */
export type MetricKeyScale = MetricScale | 'measure';

export interface MetricKeyRow extends LexiconRow {
  /** Resources give their own; quality metrics take theirs from the metric table. */
  better?: Better;
  scale?: MetricKeyScale;
  /** A figure that depends on the machine it was measured on: its boards are per hardware (a TX2 is not ranked against a T4). */
  perHardware?: boolean;
}

export const METRIC_KEYS: MetricKeyRow[] = [
  // quality: scale and polarity from the metric table
  { key: 'accuracy', spellings: ['accuracies', 'acc', 'top-1', 'top-1 accuracy', 'top1 accuracy', 'acc@1', 'top-1 acc', 'classification accuracy', 'test accuracy', 'eval accuracy', 'validation accuracy'] },
  { key: 'top-5 accuracy', spellings: ['top-5', 'top5 accuracy', 'acc@5', 'top-5 acc'] },
  { key: 'balanced accuracy', spellings: [] },
  { key: 'error rate', spellings: ['error rates', 'top-1 error', 'classification error', 'test error', 'error'] },
  { key: 'top-5 error', spellings: [] },
  { key: 'word error rate', spellings: ['WER'] },
  { key: 'character error rate', spellings: ['CER'] },
  { key: 'F1', spellings: ['F1 score', 'F1-score', 'F-score', 'F-measure', 'macro-F1', 'micro-F1', 'macro F1'] },
  { key: 'AP', spellings: ['mAP', 'box AP', 'mask AP', 'average precision', 'mean average precision'] },
  { key: 'AP50', spellings: ['mAP50', 'AP@50', 'mAP@0.5', 'AP@0.5', 'mAP@.5'] },
  { key: 'AP75', spellings: ['AP@75'] },
  { key: 'mIoU', spellings: ['mean IoU', 'IoU', 'intersection over union', 'mean intersection over union'] },
  { key: 'BLEU', spellings: ['BLEU score', 'sacreBLEU'] },
  { key: 'ROUGE', spellings: ['ROUGE-L', 'ROUGE-1', 'ROUGE-2', 'ROUGE score'] },
  { key: 'exact match', spellings: ['EM'] },
  { key: 'pass@1', spellings: ['pass@k', 'pass rate'] },
  { key: 'win rate', spellings: ['win-rate', 'win rates'] },
  { key: 'success rate', spellings: ['success rates', 'task success', 'success', 'solve rate'] },
  { key: 'recall', spellings: ['recall@1', 'recall@5', 'recall@10', 'R@1'] },
  { key: 'precision', spellings: [] },
  { key: 'AUC', spellings: ['AUROC', 'ROC-AUC', 'ROC AUC', 'AUC-ROC', 'area under the curve', 'area under the ROC curve', 'area under the receiver operating characteristic curve'] },
  { key: 'nDCG', spellings: ['nDCG@10'] },
  { key: 'MRR', spellings: ['MRR@10'] },
  { key: 'GLUE', spellings: ['GLUE score'] },
  { key: 'SuperGLUE', spellings: ['SuperGLUE score'] },
  { key: 'Dice', spellings: ['Dice score', 'Dice coefficient'] },
  { key: 'controllability', spellings: [] },
  { key: 'perplexity', spellings: ['PPL', 'perplexities'] },
  { key: 'loss', spellings: ['training loss', 'validation loss', 'test loss', 'cross-entropy', 'NLL'] },
  { key: 'FID', spellings: ['FID score'] },
  { key: 'MAE', spellings: ['mean absolute error'] },
  { key: 'MSE', spellings: ['mean squared error'] },
  { key: 'RMSE', spellings: ['root mean squared error', 'root mean square error'] },
  { key: 'bits per dim', spellings: ['bits-per-dim', 'bpd'] },
  { key: 'PSNR', spellings: [] },
  { key: 'SSIM', spellings: [] },
  { key: 'reward', spellings: ['rewards', 'average reward'] },
  { key: 'Elo', spellings: ['Elo rating'] },
  { key: 'hallucination rate', spellings: ['hallucination rates', 'hallucinations'] },
  // resources: the claim's unit says how they are measured; `better` is for absolute measurements
  { key: 'latency', spellings: ['latencies', 'inference latency', 'response time', 'inference time', 'time to first token', 'TTFT', 'decoding latency', 'end-to-end latency', 'tail latency', 'p99 latency', 'per-token latency'], scale: 'measure', better: 'lower', perHardware: true },
  { key: 'throughput', spellings: ['throughputs', 'tokens per second', 'tokens/s', 'queries per second', 'QPS', 'samples per second', 'images per second', 'requests per second', 'generation throughput', 'inference throughput'], scale: 'measure', better: 'higher', perHardware: true },
  { key: 'frame rate', spellings: ['FPS', 'frames per second', 'framerate'], scale: 'measure', better: 'higher', perHardware: true },
  { key: 'training time', spellings: ['training speed', 'training speedup', 'training times', 'train time', 'time to train', 'time-to-train', 'convergence', 'converges', 'convergence speed', 'training throughput', 'pre-training time', 'pretraining time', 'fine-tuning time'], scale: 'measure', better: 'lower', perHardware: true },
  { key: 'speed', spellings: ['speedup', 'speedups', 'speed-up', 'faster', 'runtime', 'run time', 'running time', 'execution time', 'wall-clock time', 'wall clock time', 'wall time', 'wallclock time', 'time', 'inference speed', 'inference speedup', 'decoding speed', 'search time', 'computation time', 'compute time', 'processing time', 'classification speed', 'end-to-end speedup', 'wall-clock speedup', 'generation speed'], scale: 'measure', better: 'lower', perHardware: true },
  { key: 'memory', spellings: ['memory footprint', 'memory footprints', 'memory usage', 'memory use', 'memory consumption', 'memory cost', 'memory costs', 'memory savings', 'memory requirement', 'memory requirements', 'peak memory', 'GPU memory', 'VRAM', 'KV cache', 'KV-cache size', 'KV cache memory', 'activation memory', 'RAM'], scale: 'measure', better: 'lower', perHardware: true },
  // Compression of the weights, their size and their memory footprint are one resource (the contract's model size).
  { key: 'model size', spellings: ['parameters', 'parameter', 'parameter count', 'number of parameters', 'params', 'model sizes', 'size', 'storage', 'model footprint', 'weights', 'checkpoint size',
    'compression', 'compression rate', 'compression ratio', 'compression rates', 'model compression', 'weight compression', 'network compression', 'storage size', 'model storage', 'storage requirements',
    'weight memory', 'weights memory', 'parameter memory', 'memory footprint of the weights', 'memory footprint of weights', 'weight footprint', 'model memory footprint', 'model memory'], scale: 'measure', better: 'lower' },
  { key: 'compute', spellings: ['FLOPs', 'FLOP', 'GFLOPs', 'MACs', 'computation', 'computational cost', 'compute cost', 'test-time compute', 'inference compute', 'training compute', 'GPU hours', 'GPU-hours', 'GPU days'], scale: 'measure', better: 'lower' },
  { key: 'energy', spellings: ['energy consumption', 'energy use', 'energy usage', 'energy per inference', 'energy efficiency'], scale: 'measure', better: 'lower', perHardware: true },
  { key: 'power', spellings: ['power consumption', 'power draw', 'power usage'], scale: 'measure', better: 'lower', perHardware: true },
  { key: 'cost', spellings: ['costs', 'price', 'monetary cost', 'inference cost', 'training cost', 'serving cost', 'dollar cost'], scale: 'measure', better: 'lower' },
  { key: 'utilization', spellings: ['GPU utilization', 'hardware utilization', 'MFU', 'model FLOPs utilization'], scale: 'measure', better: 'higher' },
];

export interface MetricKey {
  key: string;
  scale: MetricKeyScale;
  better: Better;
  perHardware: boolean;
}

const LEXICON = new Lexicon(METRIC_KEYS);

/** A row's scale and polarity: its own, or the metric table's for the key's name. */
function resolve(row: MetricKeyRow): MetricKey {
  const perHardware = row.perHardware ?? false;
  if (row.scale && row.better) return { key: row.key, scale: row.scale, better: row.better, perHardware };
  const table = metricsIn(row.key).filter((r) => !r.vague)[0] ?? metricsIn(row.spellings[0] ?? '').filter((r) => !r.vague)[0];
  if (!table) throw new Error(`metric key ${row.key}: not in the metric table; give it a scale and better`);
  return { key: row.key, scale: row.scale ?? table.scale, better: row.better ?? table.better, perHardware };
}

const RESOLVED = new Map(METRIC_KEYS.map((row) => [row.key, resolve(row)]));

/** The canonical metric a free-text metric names ("peak memory footprint" → memory), or null. */
export function metricKey(metric: string | null | undefined): MetricKey | null {
  const match = LEXICON.best(metric);
  return match ? RESOLVED.get(match.row.key)! : null;
}

/** Scale and polarity of a canonical metric, by its key. */
export function metricKeyInfo(key: string): MetricKey | null {
  return RESOLVED.get(key) ?? null;
}

/** Every canonical metric, in table order. */
export const METRIC_KEY_LIST: MetricKey[] = [...RESOLVED.values()];

// Quality metrics: on what scale they are reported and which direction is
// better. The normalizer needs the scale to choose pp / % / abs, and the
// extractor needs the direction to sign a change ("lower perplexity" is a gain).
// To add a metric: add its spellings to the row with the right scale/better.

export type MetricScale = 'percent' | 'native';
export type Better = 'higher' | 'lower';

export interface MetricRow {
  names: string[];
  scale: MetricScale;
  better: Better;
  /** Vague words ("performance", "quality") that defer to a specific metric named nearby. */
  vague?: boolean;
}

export const QUALITY_METRICS: MetricRow[] = [
  {
    names: [
      'accuracy', 'accuracies', 'acc', 'top-1', 'top-5', 'top1', 'top5', 'f1', 'f1 score', 'f1-score', 'ap', 'ap50', 'ap75',
      'map', 'map50', 'box ap', 'mask ap', 'bleu', 'rouge', 'rouge-l', 'glue', 'glue score', 'superglue', 'exact match',
      'em', 'pass@1', 'pass@k', 'win rate', 'win-rate', 'success rate', 'recall', 'precision', 'iou', 'miou', 'auc',
      'auroc', 'ndcg', 'mrr', 'hit rate', 'hits@1', 'hits@10', 'score', 'scores', 'cider', 'meteor', 'chrf',
      'controllability', 'pass rate', 'solve rate', 'macro-f1', 'micro-f1', 'macro f1', 'recall@1', 'recall@5',
      'recall@10', 'recall@100', 'ndcg@10', 'mrr@10', 'pass@10', 'pass@100', 'acc@1', 'acc@5', 'r@1', 'r@5', 'r@10',
    ],
    scale: 'percent',
    better: 'higher',
  },
  {
    names: [
      'error rate', 'error rates', 'top-1 error', 'top-5 error', 'wer', 'cer', 'word error rate', 'character error rate',
      'hallucination rate', 'hallucination rates', 'failure rate', 'attack success rate', 'false positive rate',
      'miss rate', 'violation rate',
    ],
    scale: 'percent',
    better: 'lower',
  },
  {
    names: [
      'perplexity', 'ppl', 'loss', 'fid', 'kid', 'mae', 'mse', 'rmse', 'mean absolute error', 'mean squared error',
      'bits per dim', 'bits-per-dim', 'bpd', 'bpc', 'nll', 'error', 'errors', 'lpips', 'cross-entropy',
    ],
    scale: 'native',
    better: 'lower',
  },
  { names: ['psnr', 'ssim', 'reward', 'elo'], scale: 'native', better: 'higher' },
  { names: ['performance', 'quality', 'gain', 'gains', 'results', 'lift', 'robustness'], scale: 'percent', better: 'higher', vague: true },
];

const BY_NAME = new Map<string, MetricRow>();
/** Spellings are compared with hyphens as spaces: "cross-entropy" and "cross entropy" are one metric. */
const key = (name: string) => name.toLowerCase().replace(/-/g, ' ');
for (const row of QUALITY_METRICS) for (const n of row.names) BY_NAME.set(key(n), row);

/** Every metric spelling, for building lexicons. */
export const METRIC_NAMES: string[] = QUALITY_METRICS.flatMap((r) => r.names);

export function metricRow(name: string): MetricRow | undefined {
  return BY_NAME.get(key(name));
}

/**
 * The metric rows named inside a free-text metric ("top-1 accuracy",
 * "loss and accuracy"), specific ones first.
 */
export function metricsIn(phrase: string | null, opts: { inTextOrder?: boolean } = {}): MetricRow[] {
  if (!phrase) return [];
  const words = key(phrase).split(/[^a-z0-9@]+/).filter(Boolean);
  const found: MetricRow[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const span of [3, 2, 1]) {
      const row = BY_NAME.get(words.slice(i, i + span).join(' '));
      if (row && !found.includes(row)) found.push(row);
    }
  }
  return opts.inTextOrder ? found : found.sort((a, b) => Number(!!a.vague) - Number(!!b.vague));
}

/**
 * Scale of what a phrase measures: a percent-scale metric anywhere wins
 * ("loss and accuracy" is reported in points), then a native one; a phrase
 * with no known metric is taken as percent-scale, the common case.
 */
export function metricScale(phrase: string | null): MetricScale {
  const rows = metricsIn(phrase).filter((r) => !r.vague);
  if (rows.some((r) => r.scale === 'percent')) return 'percent';
  if (rows.some((r) => r.scale === 'native')) return 'native';
  return 'percent';
}

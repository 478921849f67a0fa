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
  /** A score of no stated scale: points of it are percentage points, a bare change is in its own units. */
  generic?: boolean;
}

export const QUALITY_METRICS: MetricRow[] = [
  {
    names: [
      'accuracy', 'accuracies', 'acc', 'top-1', 'top-5', 'top1', 'top5', 'f1', 'f1 score', 'f1-score', 'ap', 'ap50', 'ap75',
      'map', 'map50', 'box ap', 'mask ap', 'bleu', 'rouge', 'rouge-l', 'glue', 'glue score', 'superglue', 'exact match',
      'em', 'pass@1', 'pass@k', 'win rate', 'win-rate', 'success rate', 'recall', 'precision', 'iou', 'miou', 'auc',
      'auroc', 'ndcg', 'mrr', 'hit rate', 'hits@1', 'hits@10', 'cider', 'meteor', 'chrf',
      'controllability', 'sensitivity', 'specificity', 'f0.5', 'f2', 'f-score', 'f-measure', 'balanced accuracy', 'pass rate', 'solve rate', 'macro-f1', 'micro-f1', 'macro f1', 'recall@1', 'recall@5',
      'recall@10', 'recall@100', 'ndcg@10', 'mrr@10', 'pass@10', 'pass@100', 'acc@1', 'acc@5', 'r@1', 'r@5', 'r@10',
      'true positive rate', 'detection rate', 'success', 'task success', 'success rates',
      'power conversion efficiency', 'conversion efficiency', 'quantum efficiency', 'dice', 'dice score', 'dice coefficient',
      'intersection over union', 'intersection-over-union', 'click-through rate', 'ctr', 'adherence', 'instruction adherence',
      'coverage', 'agreement', 'kappa', 'quadratic weighted kappa', 'qwk', 'event recall', 'probability of detection',
      'detection probability', 'critical success index', 'csi', 'forecast skill', 'skill score', 'stoi',
      // segmentation, navigation and agent metrics
      'j&f', 'panoptic quality', 'pq', 'spl', 'mota', 'motp', 'idf1', 'hota', 'nds', 'ap50', 'map@0.5', 'ap@0.5', 'completion rate', 'satisfaction rate', 'deadline satisfaction', 'task completion rate',
      // reinforcement learning reports scores normalized to a human's: "averaging 300% expert human performance"
      'human performance', 'expert human performance', 'human-normalized score', 'human normalized score', 'human-level performance',
      // metrics of fields the early pools had little of (medicine, retrieval, text generation, speech)
      'average precision', 'mean average precision', 'auprc', 'auc-roc', 'roc-auc', 'dsc', 'ppv', 'npv', 'mcc', 'c-index', 'concordance index',
      'bertscore', 'comet', 'rouge-1', 'rouge-2', 'weighted f1', 'matthews correlation coefficient', 'hits@3', 'recall@20', 'grasp success rate',
      'execution accuracy', 'exact match accuracy', 'top-1 accuracy', 'top1 accuracy', 'top-5 accuracy', 'top5 accuracy', 'goal completion',
      'area under the curve', 'area under the roc curve', 'area under the receiver operating characteristic curve',
      'area under the precision-recall curve', 'area under the precision recall curve',
    ],
    scale: 'percent',
    better: 'higher',
  },
  {
    names: [
      'error rate', 'error rates', 'top-1 error', 'top-5 error', 'test error', 'test errors', 'classification error', 'validation error', 'top-1 error rate', 'wer', 'cer', 'word error rate', 'character error rate',
      'hallucination rate', 'hallucination rates', 'failure rate', 'attack success rate', 'false positive rate', 'false alarm rate', 'false alarms',
      'false discovery rate', 'fdr',
      'miss rate', 'violation rate', 'gap', 'accuracy gap', 'fairness gap', 'disparity', 'forgetting', 'average forgetting', 'repetition rate', 'refusal rate',
      'toxicity', 'collision rate', 'crash rate', 'churn rate', 'equal error rate', 'eer', 'diarization error rate', 'der', 'bit error rate', 'ber', 'phone error rate', 'phoneme error rate', 'sentence error rate', 'false negative rate', 'false rejection rate', 'fnr', 'fpr', 'outlier fraction', 'outlier rate', 'expected calibration error', 'ece', 'calibration error',
    ],
    scale: 'percent',
    better: 'lower',
  },
  {
    names: [
      'perplexity', 'ppl', 'loss', 'fid', 'kid', 'fvd', 'kvd', 'average ranking', 'average rank', 'mean rank', 'mean ranking', 'ranking', 'mae', 'mse', 'rmse', 'mean absolute error', 'mean squared error',
      'bits per dim', 'bits-per-dim', 'bpd', 'bpc', 'nll', 'error', 'errors', 'lpips', 'cross-entropy',
      // counts of bad outcomes: a cut by N% is a relative change in them ("reduces hallucinations by 38%")
      'hallucinations', 'collisions',
      'root mean squared error', 'root mean square error', 'endpoint error', 'end-point error', 'epe', 'chamfer distance',
      'absolute relative error', 'abs rel', 'force error', 'force errors', 'energy error', 'q-error', 'q error', 'residual', 'residuals',
      'pick residual', 'scatter', 'drift', 'translational drift', 'hausdorff distance', 'chamfer distance', 'mean absolute percentage error', 'mape', 'l2 error', 'relative l2 error', 'relative error', 'hd95', 'ade', 'fde', 'minade', 'minfde', 'absolute trajectory error', 'mpjpe', 'pa-mpjpe', 'nme', 'brier score', 'fad', 'frechet audio distance', 'niqe', 'crps', 'bits per base', 'bits per character', 'bits per byte',
    ],
    scale: 'native',
    better: 'lower',
  },
  {
    names: [
      'psnr', 'ssim', 'reward', 'rewards', 'cumulative reward', 'average reward', 'episodic return', 'episode return', 'average return',
      'final return', 'normalized return', 'expected return', 'elo', 'tm-score', 'lddt', 'gdt', 'spearman', 'spearman correlation', 'pearson correlation',
      'correlation', 'kendall tau', 'pesq', 'si-sdr', 'si-snr', 'sdr', 'mos', 'mean opinion score', 'inception score', 'clip score', 'clipscore', 'utmos', 'dnsmos', 'ms-ssim', 'vmaf', 'speaker similarity', 'bleurt', 'naturalness mos', 'nmi', 'normalized mutual information', 'ari', 'adjusted rand index', 'r2',
    ],
    scale: 'native',
    better: 'higher',
  },
  // a score with no scale of its own ("MT-Bench score", "CLIP score") is reported in its own units;
  // a named percent metric beside it ("F1 score", "GLUE score") wins in metricScale
  { names: ['score', 'scores', 'rating', 'ratings'], scale: 'native', better: 'higher', generic: true },
  { names: ['performance', 'quality', 'gain', 'gains', 'results', 'lift', 'robustness'], scale: 'percent', better: 'higher', vague: true },
];

const BY_NAME = new Map<string, MetricRow>();
/** Spellings are compared with hyphens as spaces: "cross-entropy" and "cross entropy" are one metric. */
const key = (name: string) => name.toLowerCase().replace(/-/g, ' ');
for (const row of QUALITY_METRICS) for (const n of row.names) BY_NAME.set(key(n), row);

/**
 * By a word: how many words the names (keys) it starts have, of two words or more, most first ("area" → [7, 6, 5, 4],
 * from "area under the receiver operating characteristic curve" down to "area under the curve").
 */
const SPANS_STARTED_BY = new Map<string, number[]>();
for (const name of BY_NAME.keys()) {
  const words = name.split(' ');
  if (words.length < 2) continue;
  const spans = SPANS_STARTED_BY.get(words[0]) ?? [];
  if (!spans.includes(words.length)) spans.push(words.length);
  SPANS_STARTED_BY.set(words[0], spans.sort((a, b) => b - a));
}
const NO_SPANS: number[] = [];

export function metricRow(name: string): MetricRow | undefined {
  return BY_NAME.get(key(name));
}

/**
 * The metric rows named inside a free-text metric ("top-1 accuracy",
 * "loss and accuracy"), specific ones first.
 */
export function metricsIn(phrase: string | null, opts: { inTextOrder?: boolean } = {}): MetricRow[] {
  if (!phrase) return [];
  // "recall@50", "map@0.5:0.95": a metric cut at k is the metric
  const words = key(phrase).split(/[^a-z0-9@]+/).filter(Boolean).map((w) => (BY_NAME.has(w) ? w : w.replace(/@[\w.:]*$/, '')));
  const found: MetricRow[] = [];
  for (let i = 0; i < words.length; i++) {
    // the names of the most words, then fewer, starting here, then the word: only spans some name starting with
    // this word has are joined and looked up (another finds none), and a span past the last word is skipped
    for (const span of SPANS_STARTED_BY.get(words[i]) ?? NO_SPANS) {
      if (i + span > words.length) continue;
      const row = BY_NAME.get(words.slice(i, i + span).join(' '));
      if (row && !found.includes(row)) found.push(row);
    }
    const row = BY_NAME.get(words[i]);
    if (row && !found.includes(row)) found.push(row);
  }
  return opts.inTextOrder ? found : found.sort((a, b) => Number(!!a.vague) - Number(!!b.vague));
}

/**
 * Scale of what a phrase measures: a percent-scale metric anywhere wins
 * ("loss and accuracy" is reported in points), then a native one; a phrase
 * with no known metric is taken as percent-scale, the common case.
 */
export function metricIsGeneric(phrase: string | null): boolean {
  const rows = metricsIn(phrase).filter((r) => !r.vague);
  return rows.length > 0 && rows.every((r) => r.generic);
}

export function metricScale(phrase: string | null): MetricScale {
  const rows = metricsIn(phrase).filter((r) => !r.vague);
  if (rows.some((r) => r.scale === 'percent')) return 'percent';
  if (rows.some((r) => r.scale === 'native')) return 'native';
  return 'percent';
}

// Cue words of results language, as data. Each list becomes one compromise tag
// (see ./nlp.ts); the rules read the tags, never the words. To add a cue
// phrase, put it in the list whose meaning it shares (hyphens and spaces are
// equivalent; plurals must be listed).
import { QUALITY_METRICS } from '@claimflow/units';

/** What a cue says about a quantity next to it. */
export type CueTag =
  | 'SpeedRate' // higher is faster: speed, throughput, FPS
  | 'SpeedTime' // lower is faster: latency, run time
  | 'EffResource' // a resource spent: memory, parameters, FLOPs, cost
  | 'EffRate' // an efficiency or capacity figure: efficiency, batch size
  | 'QualityMetric' // a named quality metric: accuracy, BLEU, perplexity
  | 'QualityVague' // "performance", "quality": defers to a named metric
  | 'Faster' // comparative with speed and direction built in
  | 'Slower'
  | 'Shorter'
  | 'Smaller'
  | 'Accurate'
  | 'QualityLoss' // a named loss of quality: "accuracy drop"
  | 'Better'
  | 'Worse'
  | 'Gain' // a noun of improvement: "gains", "lift"
  | 'Improve' // a verb of improvement: better whatever the polarity ("improves latency")
  | 'Up'
  | 'Down'
  | 'Modifier' // narrows a metric: "inference", "end-to-end", "peak"
  | 'UseVerb' // "uses only N% of": a share of a resource
  | 'RetainVerb' // "retains N% of": a share of the reference quality
  | 'Overhead' // time added by the work: "a 3.8% overhead" is a slowdown
  | 'SetupNoun' // a figure that sets up an experiment: "sparsity", "budget"
  | 'ScopeNoun'; // the study's scope: "experiments", "evaluations"

/** A verb with its regular forms: "reduce" → reduce, reduces, reduced, reducing; "cut" → cuts, cutting, cutted (harmless). */
function verbForms(verbs: string[]): string[] {
  return verbs.flatMap((v) => {
    const stem = v.endsWith('e') ? v.slice(0, -1) : /[^aeiou][aeiou][bdgpt]$/.test(v) ? v + v.at(-1) : v;
    const third = /(?:s|sh|ch|x)$/.test(v) ? v + 'es' : v + 's';
    return [v, third, stem + 'ed', stem + 'ing'];
  });
}

/** "shortens training by 17%": what is shortened is a duration unless a resource is named ("shortens reasoning traces"). */
const CUES_SHORTEN = verbForms(['shorten']);

const CUES_FASTER = [
  'faster', 'quicker', 'fast', 'quickly', 'speedup', 'speedups', 'speed up', 'speed ups', 'speeds up', 'sped up',
  'speeding up', 'acceleration', 'accelerations', 'accelerate', 'accelerates', 'accelerated', 'accelerating',
  'speedup ratio', 'speedup ratios', 'speed up ratio', 'speed up ratios',
  // "finishes training 2.4 times sooner"
  'sooner',
];

export const CUES: Record<CueTag, string[]> = {
  SpeedRate: [
    'speed', 'speeds', 'throughput', 'throughputs', 'goodput', 'fps', 'frames per second', 'tokens per second', 'rtfx',
    'real time factor', 'convergence speed', 'converges', 'converge', 'inference speed', 'training speed',
    'decoding speed', 'generation speed', 'classification speed', 'processing speed',
    // a count per unit of time is a rate: "1.6x more queries per second", "9x more samples per hour"
    'per second', 'per sec', 'per minute', 'per hour', 'per day', 'qps', 'queries per second', 'requests per second',
    'samples per second', 'images per second', 'sequences per second',
  ],
  SpeedTime: [
    'latency', 'latencies', 'time', 'runtime', 'runtimes', 'run time', 'wall clock time',
    'wall time', 'delay', 'delays', 'execution time', 'inference time', 'training time', 'search time',
    'response time', 'turnaround', 'time to first token', 'ttft', 'duration', 'makespan', 'completion time', 'cycles',
    'clock cycles', 'cpu cycles',
    'job completion time',
    // serving metrics of language models: per-token decoding time
    'time per output token', 'time per token', 'tpot', 'inter-token latency', 'itl', 'time between tokens',
  ],
  EffResource: [
    'memory', 'memories', 'vram', 'footprint', 'footprints', 'memory footprint', 'memory footprints', 'memory usage',
    'memory consumption', 'memory cost', 'memory costs', 'memory requirement', 'memory requirements', 'vram usage',
    'model size', 'model sizes', 'size', 'sizes', 'parameter', 'parameters', 'params', 'parameter count',
    'parameter counts', 'weights', 'activations', 'bits', 'storage', 'disk', 'kv cache', 'cache', 'bandwidth',
    'flops', 'macs', 'gmacs', 'gflops', 'compute', 'computation', 'computations', 'computational cost', 'computational complexity',
    'operations', 'ops', 'instruction count', 'instruction counts',
    'energy', 'energy consumption', 'power', 'power consumption', 'co2', 'emission', 'emissions', 'carbon',
    'cost', 'costs', 'resources', 'communication', 'gpus', 'gpu hours', 'gpu hour',
    'token', 'tokens', 'steps', 'training steps', 'iteration', 'iterations', 'epochs', 'samples', 'training data', 'data', 'features',
    'function evaluations', 'nfe', 'nfes', 'forward passes', 'queries', 'api calls', 'calls', 'llm calls', 'model calls', 'tool calls',
    'oracle calls', 'inference calls',
    'bitrate', 'bit rate', 'bits per pixel', 'bpp', 'traffic', 'network traffic', 'experts', 'policy updates',
    'gradient updates', 'communication rounds', 'rounds', 'attempts', 'examples', 'training examples', 'labels',
    'annotations', 'labeled data', 'observations', 'pairs', 'documents', 'gpu memory', 'dram', 'sram', 'area',
    'spending', 'spend', 'api spending', 'expenses', 'costing', 'ram', 'hbm', 'battery', 'battery drain', 'battery consumption', 'heads', 'attention heads', 'channels', 'neurons', 'filters', 'layers', 'connections',
    // "matches a 10x larger model": the baseline's size is the resource saved
    'larger model', 'larger models', 'bigger model', 'bigger models', 'larger network', 'larger networks', 'larger',
    'bigger',
    // counted work and hardware resources
    'multiplications', 'multiply accumulate operations', 'additions', 'mults', 'resource', 'resource usage', 'resource demanding',
    'resource consumption', 'resource utilization', 'storage requirement', 'storage requirements', 'storage cost', 'inference cost', 'inference costs',
    'training cost', 'training costs', 'search cost', 'token count', 'token counts', 'token usage', 'output tokens', 'reasoning tokens',
    'length', 'lengths', 'reasoning length', 'response length', 'output length', 'sequence length', 'annotation cost', 'annotation ratio', 'labeling cost',
    'annotation effort', 'labeling effort', 'train data', 'data requirements', 'power delay product', 'pdp', 'energy delay product', 'edp',
    'luts', 'dsps', 'silicon area', 'chip area', 'hardware cost', 'gpu memory usage', 'peak memory', 'memory traffic', 'dram accesses',
    'memory accesses', 'communication cost', 'communication overhead', 'bandwidth usage', 'download size', 'index size', 'storage overhead',
    // an overhead of a resource is that resource, not time (Overhead)
    'memory overhead', 'computational overhead', 'compute overhead', 'computation overhead', 'parameter overhead', 'energy overhead',
    'reasoning traces', 'reasoning trace', 'reasoning chains', 'chain of thought', 'thinking tokens', 'generation length',
  ],
  EffRate: [
    'efficiency', 'efficient', 'token efficiency', 'sample efficiency', 'compute efficiency', 'energy efficiency',
    'compression ratio', 'compression rate', 'utilization',
    'batch size', 'batch sizes', 'hidden size', 'hidden sizes', 'batches', 'cache hit rate', 'cache hit rates', 'hit ratio',
    'cache hit ratio', 'hit rates',
    // work per unit of a resource: "3x higher performance per watt"
    'performance per watt', 'performance per dollar', 'throughput per watt', 'throughput per dollar', 'tokens per joule',
    'perf per watt', 'performance per joule',
    // "supports 8x longer sequences": more input handled with the same resources, not more time
    'longer sequences', 'longer sequence', 'longer contexts', 'longer context', 'longer inputs', 'longer videos',
  ],
  QualityMetric: QUALITY_METRICS.filter((r) => !r.vague).flatMap((r) => r.names),
  QualityVague: ['performance', 'quality', 'results', 'robustness'],
  Faster: CUES_FASTER,
  Slower: ['slower', 'slowdown', 'slow down', 'slowdowns', 'slows down', 'slowed down', 'slowing down', 'slows', 'slowed'],
  Shorter: ['shorter', ...CUES_SHORTEN],
  Smaller: [
    'smaller', 'cheaper', 'fewer', 'lighter', 'leaner', 'less expensive', 'compact', 'savings',
    'memory savings', 'memory saving', 'cost savings', 'energy savings',
    // "compresses the model by 10-fold", "compressed by 85%": a resource made smaller
    'compress', 'compresses', 'compressed', 'compressing', 'compression', 'prune', 'prunes', 'pruned by',
  ],
  Accurate: ['accurate', 'more accurate'],
  QualityLoss: [
    'accuracy loss', 'accuracy drop', 'accuracy degradation', 'accuracy decline', 'quality loss', 'quality drop',
    'quality degradation', 'performance loss', 'performance drop', 'performance degradation', 'loss in accuracy',
    'drop in accuracy', 'degradation in accuracy', 'loss of accuracy', 'drop of accuracy', 'reduction in accuracy',
    'decrease in accuracy', 'degradation of accuracy', 'loss in performance', 'loss of performance', 'drop in performance',
    'performance decline', 'accuracy reduction', 'accuracy penalty', 'quality degradation', 'loss of quality',
    // "only 0.3% less accurate": "less" turns the comparative round
    'less accurate',
  ],
  Better: ['better', 'superior'],
  // getting worse whatever the metric's polarity: "perplexity degradation" is a loss
  Worse: [
    'worse', 'inferior', 'degradation', 'degradations', 'degrades', 'degrade', 'degraded',
    // "at a cost of 0.8 points of AUC": what is given up
    'at a cost of', 'at the cost of', 'at the expense of', 'at a price of',
  ],
  Gain: ['gain', 'gains', 'lift', 'improvement', 'improvements', 'boost', 'boosts', 'surge'],
  Improve: verbForms(['improve', 'enhance', 'outperform', 'surpass', 'boost', 'beat', 'exceed', 'lift']),
  Up: [
    ...verbForms(['increase', 'raise', 'augment', 'grow', 'rise', 'double', 'triple', 'quadruple', 'add', 'climb', 'jump', 'widen']),
    'higher', 'more', 'greater', 'up', 'grew', 'rose', 'risen', 'above', 'ahead of',
    // "1.2 times as many iterations": as many as the reference, times N
    'as many', 'as much',
  ],
  Down: [
    ...verbForms([
      'reduce', 'decrease', 'drop', 'decline', 'cut', 'save', 'lower', 'shrink', 'lose', 'sacrifice', 'remove', 'eliminate',
      'halve', 'fall', 'narrow', 'trim', 'slash', 'dip',
    ]),
    'less', 'reduction', 'reductions', 'down', 'penalty', 'fell', 'fallen', 'shrank', 'shrunk', 'below', 'behind',
    // phrasal verbs that compromise would otherwise read as a different verb
    'drop by', 'drops by', 'dropped by', 'drop in', 'drops in', 'cut down', 'cuts down', 'cut down on',
  ],
  Modifier: [
    'inference', 'training', 'end to end', 'peak', 'overall', 'per task', 'decoding', 'prefill', 'generation',
    'serving', 'fine tuning', 'system', 'classification', 'retrieval', 'top 1', 'top 5', 'average', 'mean', 'total',
    'gpu', 'cpu', 'model', 'eval', 'test', 'validation', 'zero shot', 'few shot', 'relative', 'absolute',
    'test time', 'real time', 'wall clock', 'per token', 'per step', 'per sample',
  ],
  UseVerb: [
    'use', 'uses', 'using', 'used', 'employ', 'employs', 'employing', 'require', 'requires', 'requiring', 'need',
    'needs', 'needing', 'consume', 'consumes', 'consuming', 'with', 'keeping', 'keeps', 'activating', 'activates',
    'updating', 'updates', 'trains', 'training on', 'trains on', 'trained on', 'train on', 'select', 'selects', 'selecting',
    'selected', 'sampling only', 'labeling', 'annotating', 'fine tuning on', 'fine tunes on', 'fine tuned on',
  ],
  RetainVerb: [
    'retain', 'retains', 'retaining', 'preserve', 'preserves', 'preserving', 'maintain', 'maintains', 'maintaining',
    'recover', 'recovers', 'recovering', 'keep', 'reach', 'reaches', 'reaching', 'achieves', 'achieving', 'attains',
    'attaining', 'matches', 'matching',
  ],
  SetupNoun: [
    'sparsity', 'budget', 'budgets', 'target', 'targets', 'threshold', 'dropout', 'masking ratio', 'mask ratio',
    'keep ratio', 'pruning ratio', 'pruning rate', 'sampling rate', 'learning rate', 'temperature', 'quantile',
    'percentile', 'noise', 'label noise', 'sparse', 'pruned', 'pruning', 'compression target', 'slo', 'deadline',
    'constraint', 'cycle', 'limit', 'time limit', 'window', 'time budget', 'power budget', 'power envelope',
    // "the 3x schedule", "in the x4 rescaling": the training schedule or the scale factor of the task
    'schedule', 'rescaling', 'upscaling', 'upsampling', 'downsampling', 'downsampled', 'upsampled', 'subsampled', 'downscaled', 'upscaled',
  ],
  Overhead: ['overhead', 'overheads', 'runtime overhead', 'time overhead', 'latency overhead', 'performance overhead', 'slowdown overhead'],
  ScopeNoun: ['experiments', 'evaluations', 'trials', 'participants', 'annotators', 'hours of audio', 'hours of speech'],
};

/** Category of the result a cue points to. */
export type Category = 'speed' | 'efficiency' | 'quality';

/** What each category tag implies; direction is built into comparatives. */
export const CUE_MEANING: Partial<Record<CueTag, { category: Category; scale: 'rate' | 'cost' | 'quality'; direction?: Direction; vague?: boolean }>> = {
  SpeedRate: { category: 'speed', scale: 'rate' },
  SpeedTime: { category: 'speed', scale: 'cost' },
  Faster: { category: 'speed', scale: 'rate', direction: 'up' },
  Slower: { category: 'speed', scale: 'rate', direction: 'down' },
  Shorter: { category: 'speed', scale: 'cost', direction: 'down' },
  Overhead: { category: 'speed', scale: 'cost', direction: 'up' },
  EffResource: { category: 'efficiency', scale: 'cost' },
  EffRate: { category: 'efficiency', scale: 'rate' },
  Smaller: { category: 'efficiency', scale: 'cost', direction: 'down' },
  QualityMetric: { category: 'quality', scale: 'quality' },
  Accurate: { category: 'quality', scale: 'quality', direction: 'up' },
  QualityLoss: { category: 'quality', scale: 'quality', direction: 'bad' },
  QualityVague: { category: 'quality', scale: 'quality', vague: true },
  Better: { category: 'quality', scale: 'quality', direction: 'good', vague: true },
  Worse: { category: 'quality', scale: 'quality', direction: 'bad', vague: true },
  Gain: { category: 'quality', scale: 'quality', direction: 'good', vague: true },
};

/** up/down move a figure; good/bad judge it whatever its polarity ("better latency"). */
export type Direction = 'up' | 'down' | 'good' | 'bad';

export const DIRECTION_OF: Partial<Record<CueTag, Direction>> = {
  Up: 'up', Down: 'down', Overhead: 'up', Improve: 'good', Faster: 'up', Slower: 'down', Shorter: 'down', Smaller: 'down', Accurate: 'up', QualityLoss: 'bad',
  Better: 'good', Worse: 'bad', Gain: 'good',
};

/** Name of the metric when only a comparative names it ("3x faster" measures speed). */
export const METRIC_OF_COMPARATIVE: Record<string, string> = {
  ...Object.fromEntries(CUES_FASTER.map((w) => [w.replace(/-/g, ' '), 'speed'])),
  faster: 'speed', quicker: 'speed', fast: 'speed', quickly: 'speed', slower: 'speed', shorter: 'time',
  ...Object.fromEntries(CUES_SHORTEN.map((w) => [w, 'time'])),
  smaller: 'model size', cheaper: 'cost', lighter: 'model size', accurate: 'accuracy', 'more accurate': 'accuracy', 'less accurate': 'accuracy',
  savings: 'savings', saving: 'savings', fewer: 'resources', speedup: 'speedup', speedups: 'speedup',
  larger: 'model size', bigger: 'model size',
  compress: 'compression', compresses: 'compression', compressed: 'compression', compressing: 'compression', compression: 'compression',
  prune: 'compression', prunes: 'compression', 'pruned by': 'compression',
};

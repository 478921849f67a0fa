import type { Rng } from './rng.js';
import {
  COUNT_WORDS, HARDWARE, MECHANISMS, METHOD_NOUNS, SURNAMES, VERBS_PRESENT, type Domain,
} from './words.js';

export type PlantedKind = 'speedup' | 'efficiency' | 'quality_delta' | 'quality_value' | 'measurement';

/** A claim the generator meant to write: its kind and the number expression as it appears. */
export interface Planted {
  kind: PlantedKind;
  text: string;
}

export interface Sentence {
  text: string;
  planted: Planted[];
}

/** What one abstract is about; every sentence of it draws from the same context. */
export interface Context {
  r: Rng;
  d: Domain;
  name: string;
  model: string;
  dataset: string;
  hardware: string;
  baseline: string;
  task: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------- numbers

/** A factor as abstracts write it: 3.2x, 3.2×, 3.2 times, 3.2-fold. */
function factor(r: Rng, lo = 1.3, hi = 12): { expr: string; tail: string } {
  const n = r.num(lo, hi, r.pick([0, 1, 1, 1, 2]));
  const v = n < 1.05 ? 1.2 : n;
  switch (r.int(0, 5)) {
    case 0:
      return { expr: `${v}x`, tail: '' };
    case 1:
      return { expr: `${v}×`, tail: '' };
    case 2:
      return { expr: `${v} times`, tail: '' };
    case 3:
      return { expr: `${v}-fold`, tail: '' };
    case 4:
      return { expr: `${v}X`, tail: '' };
    default:
      return { expr: `${v}\u00d7`, tail: '' };
  }
}

const pct = (r: Rng, lo: number, hi: number, digits = r.pick([0, 0, 1])) => `${r.num(lo, hi, digits)}%`;

function qualifier(r: Rng): string {
  if (!r.chance(0.35)) return '';
  return r.pick(['up to ', 'about ', 'nearly ', '~', 'roughly ', 'around ', 'at least ', 'more than ', 'over ', 'almost ']);
}

function range(r: Rng, lo: number, hi: number, unit: 'x' | '%' | 'times'): string {
  const a = r.num(lo, (lo + hi) / 2, r.pick([0, 1]));
  const b = r.num(a + 0.5, hi + 1, r.pick([0, 1]));
  switch (unit) {
    case 'x':
      return r.chance(0.5) ? `${a}-${b}x` : `between ${a} and ${b}×`;
    case 'times':
      return r.chance(0.5) ? `${a}-${b}times` : `${a} to ${b} times`;
    default:
      return r.chance(0.5) ? `${a}-${b}%` : `${a}% to ${b}%`;
  }
}

// ---------------------------------------------------------------- claims

type ClaimTemplate = (c: Context) => Sentence;

const one = (kind: PlantedKind, text: string, expr: string): Sentence => ({ text, planted: [{ kind, text: expr }] });

const SPEEDUP: ClaimTemplate[] = [
  (c) => {
    const q = qualifier(c.r);
    const f = factor(c.r);
    return one('speedup', `On ${c.hardware}, ${c.name} runs ${c.task} ${q}${f.expr} faster than ${c.baseline}.`, `${q.trim() === '~' ? '~' : ''}${f.expr}`);
  },
  (c) => {
    const f = factor(c.r, 1.5, 40);
    return one('speedup', `${c.name} delivers a ${f.expr} speedup over ${c.baseline} on ${c.dataset}.`, f.expr);
  },
  (c) => {
    const p = pct(c.r, 5, 60);
    return one('speedup', `Compared with ${c.baseline}, it yields a ${p} end-to-end speedup for ${c.task}.`, p);
  },
  (c) => {
    const p = pct(c.r, 10, 75);
    return one('speedup', `It reduces ${c.task} latency by ${p} with no change to the output.`, p);
  },
  (c) => {
    const p = pct(c.r, 8, 90);
    return one('speedup', `Throughput improves by ${p} on ${c.hardware} when serving ${c.model}.`, p);
  },
  (c) => {
    const w = c.r.pick(['an order of magnitude', 'two orders of magnitude', 'three orders of magnitude']);
    return one('speedup', `The search phase becomes ${w} faster than exhaustive tuning.`, w);
  },
  (c) => {
    const rg = range(c.r, 1.5, 8, c.r.pick(['x', 'times'] as const));
    return one('speedup', `Across ${c.r.pick(COUNT_WORDS)} workloads we measure ${rg} faster ${c.task} than ${c.baseline}.`, rg);
  },
  (c) => one('speedup', `In our deployment, ${c.name} doubles the throughput of ${c.baseline}.`, 'doubles'),
  (c) => {
    const f = factor(c.r, 1.2, 6);
    return one('speedup', `On average, training converges ${f.expr} sooner in wall-clock time than with ${c.baseline}.`, f.expr);
  },
  (c) => {
    const f = factor(c.r, 2, 90);
    return one('speedup', `The kernel processes audio ${f.expr} faster than real time.`, f.expr);
  },
];

const EFFICIENCY: ClaimTemplate[] = [
  (c) => {
    const p = pct(c.r, 20, 80);
    return one('efficiency', `${c.name} uses ${p} less memory than ${c.baseline} during ${c.task}.`, p);
  },
  (c) => {
    const f = factor(c.r, 2, 30);
    return one('efficiency', `The resulting model is ${f.expr} smaller than ${c.model} while matching its quality.`, f.expr);
  },
  (c) => {
    const f = factor(c.r, 2, 16);
    return one('efficiency', `It needs ${f.expr} fewer parameters and ${c.r.pick(['trains in a single day', 'fits on one device', 'keeps the same interface'])}.`, f.expr);
  },
  (c) => {
    const k = c.r.pick([4, 5, 8, 10, 16, 20]);
    return one('efficiency', `Our student keeps 1/${k} of the parameters of its teacher.`, `1/${k}`);
  },
  (c) => one('efficiency', `The compressed cache takes half the memory of ${c.baseline}.`, 'half'),
  (c) => {
    const p = pct(c.r, 15, 70);
    return one('efficiency', `Energy consumption per query drops by ${p} on ${c.hardware}.`, p);
  },
  (c) => {
    const f = factor(c.r, 3, 25);
    return one('efficiency', `A model trained this way outperforms a ${f.expr} larger model on ${c.dataset}.`, f.expr);
  },
  (c) => {
    const q = qualifier(c.r);
    const f = factor(c.r, 2, 12);
    return one('efficiency', `${c.name} cuts the FLOPs of ${c.task} by ${q}${f.expr}.`, f.expr);
  },
  (c) => {
    const p = pct(c.r, 10, 60);
    return one('efficiency', `Communication volume shrinks by ${p} relative to ${c.baseline}.`, p);
  },
  (c) => {
    const f = factor(c.r, 2, 10);
    return one('efficiency', `It reaches the same ${c.d.percentMetrics[0]} with ${f.expr} fewer training tokens.`, f.expr);
  },
];

const QUALITY_DELTA: ClaimTemplate[] = [
  (c) => {
    const v = c.r.num(0.3, 6, 1);
    const m = c.r.pick(c.d.percentMetrics);
    return one('quality_delta', `${cap(m)} on ${c.dataset} improves by ${v} points over ${c.baseline}.`, `${v} points`);
  },
  (c) => {
    const v = c.r.num(0.2, 4.5, 1);
    const m = c.r.pick(c.d.percentMetrics);
    return one('quality_delta', `This adds +${v}% ${m} on ${c.dataset}.`, `+${v}%`);
  },
  (c) => {
    const v = c.r.num(0.1, 3, 2);
    const m = c.r.pick(c.d.lowerMetrics);
    return one('quality_delta', `${cap(m)} is ${v} lower than that of ${c.baseline}.`, `${v}`);
  },
  (c) => {
    const p = pct(c.r, 0.3, 3, 1);
    return one('quality_delta', `The quantized ${c.model} stays within ${p} of the original ${c.d.percentMetrics[0]}.`, p);
  },
  (c) => {
    const rg = range(c.r, 0.5, 3, '%');
    return one('quality_delta', `The price is a ${rg} ${c.d.percentMetrics[0]} degradation on ${c.dataset}.`, rg);
  },
  (c) => {
    const p = pct(c.r, 2, 25);
    const m = c.r.pick(c.d.lowerMetrics);
    return one('quality_delta', `${cap(m)} falls by ${p} relative to ${c.baseline}.`, p);
  },
  (c) => {
    const p = pct(c.r, 90, 99.8, 1);
    return one('quality_delta', `After pruning, the network retains ${p} of its original ${c.d.percentMetrics[0]}.`, p);
  },
  (c) => {
    const v = c.r.num(0.5, 12, 1);
    return one('quality_delta', `Human raters prefer its outputs, with a ${v}-point gain in win rate.`, `${v}-point`);
  },
];

const QUALITY_VALUE: ClaimTemplate[] = [
  (c) => {
    const v = c.r.num(55, 92, 1);
    const m = c.r.pick(c.d.percentMetrics);
    return one('quality_value', `${c.name} reaches ${v}% ${m} on ${c.dataset}.`, `${v}%`);
  },
  (c) => {
    const v = c.r.num(25, 65, 1);
    const m = c.r.pick(c.d.percentMetrics);
    return one('quality_value', `On ${c.dataset} it scores ${v} ${m}, a new best for models of its size.`, `${v}`);
  },
  (c) => {
    const v = c.r.num(2, 30, 2);
    const m = c.r.pick(c.d.lowerMetrics);
    return one('quality_value', `It attains a ${m} of ${v} on ${c.dataset}.`, `${v}`);
  },
  (c) => {
    const v = c.r.num(60, 95, 1);
    return one('quality_value', `Our best configuration achieves an F1 score of ${v}% on the held-out split.`, `${v}%`);
  },
];

const MEASUREMENT: ClaimTemplate[] = [
  (c) => {
    const v = c.r.num(8, 400, 1);
    return one('measurement', `The detector runs at ${v} frames per second on ${c.hardware}.`, `${v} frames per second`);
  },
  (c) => {
    const v = c.r.num(10, 900, 0);
    return one('measurement', `${c.name} sustains ${v} FPS on ${c.hardware}.`, `${v} FPS`);
  },
  (c) => {
    const v = c.r.num(0.4, 80, 1);
    return one('measurement', `Per-request latency is ${v} ms at the 99th percentile.`, `${v} ms`);
  },
  (c) => {
    const v = c.r.num(0.2, 40, 2);
    return one('measurement', `The deployed model has a size of ${v} MB.`, `${v} MB`);
  },
  (c) => {
    const v = c.r.num(1, 80, 1);
    return one('measurement', `Peak memory during ${c.task} is ${v} GB.`, `${v} GB`);
  },
  (c) => {
    const v = c.r.num(200, 12000, 0);
    return one('measurement', `A single ${c.hardware.replace(/^(a|an|eight|two) /, '')} generates ${v} tokens per second.`, `${v} tokens per second`);
  },
  (c) => {
    const v = c.r.num(3, 900, 0);
    return one('measurement', `Training takes ${v} GPU-hours in total.`, `${v} GPU-hours`);
  },
  (c) => {
    const v = c.r.num(0.5, 45, 1);
    return one('measurement', `The accelerator draws ${v} W while running ${c.model}.`, `${v} W`);
  },
  (c) => {
    const v = c.r.num(1, 300, 1);
    return one('measurement', `The student has only ${v}M parameters.`, `${v}M parameters`);
  },
  (c) => {
    const v = c.r.num(0.3, 60, 1);
    return one('measurement', `Inference costs ${v} GFLOPs per image.`, `${v} GFLOPs`);
  },
];

export const CLAIM_TEMPLATES: Record<PlantedKind, readonly ClaimTemplate[]> = {
  speedup: SPEEDUP,
  efficiency: EFFICIENCY,
  quality_delta: QUALITY_DELTA,
  quality_value: QUALITY_VALUE,
  measurement: MEASUREMENT,
};

/** Two claims in one sentence, as abstracts often pack them. */
export function compound(c: Context): Sentence {
  const f = factor(c.r, 1.5, 9);
  const p = pct(c.r, 20, 75);
  return {
    text: `On ${c.hardware}, ${c.name} is ${f.expr} faster than ${c.baseline} while using ${p} less memory.`,
    planted: [
      { kind: 'speedup', text: f.expr },
      { kind: 'efficiency', text: p },
    ],
  };
}

// ---------------------------------------------------------------- non-claims

const cite = (r: Rng) =>
  r.pick([
    () => `[${r.int(1, 60)}]`,
    () => `[${r.int(1, 30)}, ${r.int(31, 70)}]`,
    () => `(${r.pick(SURNAMES)} et al., ${r.int(2012, 2025)})`,
    () => `(${r.pick(SURNAMES)} and ${r.pick(SURNAMES)}, ${r.int(2015, 2025)})`,
  ])();

/** Background, method and setup sentences: numbers that are never claims. */
export function background(c: Context): string {
  const { r, d } = c;
  return r.pick([
    () => `${cap(d.area)} are increasingly limited by ${r.pick(d.problems)}.`,
    () => `Since ${r.int(2015, 2023)}, work on ${d.area} has focused on ${r.pick(d.problems)} ${cite(r)}.`,
    () => `Prior methods ${cite(r)} trade quality for speed, and most were tuned for ${r.pick(d.models)}.`,
    () => `${cap(r.pick(d.problems))} remains a central obstacle for ${d.area}.`,
    () => `Recent systems such as ${r.pick(d.baselines)} ${cite(r)} reduce this cost only for short inputs.`,
  ])();
}

export function method(c: Context): string {
  const { r } = c;
  return r.pick([
    () => `We ${r.pick(VERBS_PRESENT)} ${c.name}, a ${r.pick(METHOD_NOUNS)} that ${r.pick(MECHANISMS)}.`,
    () => `In this paper we ${r.pick(VERBS_PRESENT)} ${c.name}, which ${r.pick(MECHANISMS)}.`,
    () => `${c.name} ${r.pick(MECHANISMS)}, and it needs no change to ${c.model}.`,
  ])();
}

export function setup(c: Context): string {
  const { r, d } = c;
  return r.pick([
    () => `We evaluate on ${r.pick(COUNT_WORDS)} benchmarks with ${r.pick(['4-bit', '8-bit', '2-bit', '3-bit'])} weights and a batch size of ${r.pick([16, 32, 64, 128, 256, 512])}.`,
    () => `Experiments cover ${r.int(3, 40)} datasets, ${r.pick(COUNT_WORDS)} model families and over ${r.pick(['10,000', '120,000', '500,000', '2 million'])} evaluations.`,
    () => `We train ${r.pick(d.models)} and ${r.pick(d.models)} with a sequence length of ${r.pick(['1K', '2K', '4K', '8K', '32K', '128K'])} on ${c.hardware}.`,
    () => `We compare against ${r.pick(COUNT_WORDS)} other algorithms on ${c.dataset} and ${r.pick(d.datasets)}, following the protocol of MLPerf ${r.pick(['1.1', '2.0', '3.1', '4.0'])}.`,
    () => `All runs use ${r.pick(['FP8', 'INT4', 'BF16', 'FP16'])} arithmetic, ${r.int(2, 16)} random seeds and the settings of Section ${r.int(2, 6)}.`,
    () => `The study spans ${r.pick(COUNT_WORDS)} ${r.pick(['LLMs', 'vision backbones', 'tasks', 'hardware targets'])} released between ${r.int(2017, 2020)} and ${r.int(2021, 2025)}.`,
  ])();
}

export function closing(c: Context): string {
  const { r } = c;
  return r.pick([
    () => `Code is available at https://github.com/${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}-v${r.int(1, 3)}.`,
    () => `These results suggest that ${c.d.area} can be served far more cheaply than is common today.`,
    () => `We release ${c.name} as open source to support follow-up work.`,
    () => `Section ${r.int(5, 8)} discusses limitations and the settings where the gains vanish.`,
    () => `Our analysis also explains why earlier attempts ${cite(r)} did not transfer to ${c.model}.`,
  ])();
}

/** Sentences that explain the method or discuss results: long, wordy, number-free or nearly so. */
export function elaborate(c: Context): string {
  const { r, d } = c;
  return r.pick([
    () => `The key idea is that most of the work in ${c.task} is spent on inputs whose result is already determined, so ${c.name} ${r.pick(MECHANISMS)} and skips the rest.`,
    () => `Unlike prior approaches, which require retraining ${c.model} from scratch, our ${r.pick(METHOD_NOUNS)} applies after training and leaves the original weights untouched.`,
    () => `We further show that the same principle extends to ${r.pick(d.tasks)}, where ${r.pick(d.problems)} dominates the cost.`,
    () => `A theoretical analysis bounds the error this introduces and shows that it vanishes as the ${r.pick(['input length', 'model width', 'batch size', 'number of experts'])} grows.`,
    () => `To make this practical on ${c.hardware}, we implement ${c.name} as a set of fused kernels and a scheduler that overlaps data movement with computation.`,
    () => `Ablations attribute most of the gain to the ${r.pick(['scheduling policy', 'calibration step', 'routing function', 'cache layout', 'loss term'])}, while the remaining components mainly improve stability.`,
    () => `The approach is simple to adopt: it needs a few lines of code in existing ${r.pick(['PyTorch', 'JAX', 'TensorFlow'])} pipelines and no hyperparameter search.`,
    () => `These gains hold across ${r.pick(d.datasets)} and ${r.pick(d.datasets)}, and they grow with the size of the model.`,
    () => `Importantly, ${c.name} does not trade quality for speed, and it composes with ${r.pick(d.baselines)} and with standard quantization.`,
    () => `We also identify failure cases, in particular very short inputs, where the overhead of the ${r.pick(['predictor', 'scheduler', 'router'])} outweighs its benefit.`,
  ])();
}

/**
 * Long, clause-heavy discussion sentences without numbers. Real abstracts
 * average about 160 characters a sentence; these keep the corpus' sentence
 * length (and so the tokenizer's work per sentence) honest.
 */
export function discuss(c: Context): string {
  const { r, d } = c;
  return r.pick([
    () => `Existing work on ${d.area} typically assumes that ${r.pick(d.problems)} can be handled by adding capacity, an assumption that breaks down once ${c.model} is deployed under realistic traffic and memory budgets.`,
    () => `Rather than treating ${c.task} as a single monolithic computation, ${c.name} decomposes it into stages whose costs can be predicted in advance, which lets the ${r.pick(['scheduler', 'runtime', 'compiler'])} place each stage where it is cheapest.`,
    () => `Our evaluation is designed to separate the contribution of each component, and it compares ${c.name} against ${c.baseline} under identical budgets, identical data and the same tuning effort for every method.`,
    () => `Beyond raw efficiency, we find that the representations learned by ${c.name} remain interpretable, and that practitioners can inspect and adjust the ${r.pick(['routing decisions', 'cached states', 'schedules', 'calibration tables'])} without retraining.`,
    () => `This matters in practice because ${r.pick(d.problems)} is now the dominant cost of running ${c.model} in production, far more so than the arithmetic that most previous optimizations have targeted.`,
    () => `We argue that the community has focused on the wrong bottleneck: for ${c.task}, the limiting factor is rarely the model itself but the way inputs are batched, cached and moved between devices during serving.`,
    () => `Because ${c.name} makes no assumption about the architecture, it applies equally to ${r.pick(d.models)} and to ${r.pick(d.models)}, and it can be combined with pruning, distillation or quantization without further changes.`,
  ])();
}

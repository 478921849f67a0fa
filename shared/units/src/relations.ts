// The vocabulary of `raw.relation`: how a sentence relates the written number
// to the result. The extractor chooses a relation; only this module turns it
// into the contract's canonical value. Each entry says which phrasing it stands for.

export const RELATIONS = {
  /** "3× faster", "4x fewer parameters", "speedup of 1.4": the factor as written. */
  factor: (n: number) => n,
  /** "3× slower", "2× more memory": getting worse is a factor below 1. */
  'factor-worse': (n: number) => 1 / n,
  /** "15% faster", "30% higher throughput", "improves efficiency by 20%". */
  more: (n: number) => 1 + n / 100,
  /** "30% less latency", "reduces memory by 50%", "saves 60% of the cost". */
  less: (n: number) => 1 / (1 - n / 100),
  /** "to 4% of the features", "only 10% of the FLOPs". */
  'to-share': (n: number) => 100 / n,
  /** "12% slower", "40% more memory", "50% less efficient". */
  costlier: (n: number) => 1 / (1 + n / 100),
  /** "a size reduction of 0.6": a reduction written as a fraction. */
  'fraction-less': (n: number) => 1 / (1 - n),
  /** "1/10 of the parameters" written as the fraction 0.1. */
  'fraction-of': (n: number) => 1 / n,
  /** Quality got better by n ("+2.1%", "1.2 better perplexity"). */
  gain: (n: number) => n,
  /** Quality got worse by n ("a 3% accuracy drop"). */
  drop: (n: number) => -n,
  /** "within 0.8% of the original" bounds a loss; "within 99.9% of" means it retains 99.9%. */
  within: (n: number) => (n > 50 ? -(100 - n) : -n),
  /** "retains 98% of the accuracy": the loss is what is not retained. */
  retains: (n: number) => -(100 - n),
  /** "a 2-4x relative gain": the gain in percent of the baseline. */
  'relative-factor': (n: number) => (n - 1) * 100,
  /** An absolute figure: a quality value or a measurement. */
  value: (n: number) => n,
  /** A share of a whole ("40% of end-to-end latency"). */
  share: (n: number) => n,
} satisfies Record<string, (n: number) => number>;

export type Relation = keyof typeof RELATIONS;

/** Relations of quality changes whose figure is relative to the baseline, said "relative" in the text. */
export const RELATIVE_SUFFIX = '-relative';

export function isRelation(s: string): s is Relation {
  return Object.prototype.hasOwnProperty.call(RELATIONS, s);
}

// Numbers that are not claims: names with digits, references, years, math,
// examples and prior work. Each rule is named by what it recognizes and
// returns true when the quantity must be dropped.
import { metricRow } from '@claimflow/units';
import type { Sentence } from '../text/sentences.js';
import type { Quantity } from './quantities.js';
import type { CueWindow } from './windows.js';

export interface ExclusionContext {
  /** Text of the sentence before / after the quantity. */
  before: string;
  after: string;
}

/** Most rules look only at the words next to the number; a short tail keeps their end-anchored patterns cheap. */
const NEAR = 160;
const near = (c: ExclusionContext): ExclusionContext => ({ before: c.before.slice(-NEAR), after: c.after.slice(0, NEAR) });

/** Nouns that name a measured figure ("its latency of 9 ms"). */
const MEASURE_NOUNS = /^(?:latency|throughput|speed|time|runtime|memory|size|cost|footprint|usage)$/i;

/** Words that say a figure belongs to others' work. */
const PRIOR_WORK = new RegExp(
  String.raw`\b(previously|recently proposed|the literature|literature has|et al|in contrast|by contrast|` +
    String.raw`(?:prior|previous|existing|conventional|traditional)\s+(?:[\w-]+\s+){0,2}?` +
    String.raw`(?:works?|methods?|approaches|approximations|systems|techniques|solutions|studies|models|designs|algorithms|frameworks))\b`,
  'i',
);

type Exclusion = {
  name: string;
  excludes: (q: Quantity, c: ExclusionContext) => boolean;
  /** Reads the whole sentence before the number, not only the words next to it. */
  wholeSentence?: boolean;
};

const isAlnum = (ch: string | undefined) => !!ch && /[A-Za-z0-9_@]/.test(ch);
/** A flattened approximation sign glued to the number: "sim40\%", "approx3x". */
const APPROX_GLUE = /(?:^|[^A-Za-z])(?:sim|approx)$/;

export const EXCLUSIONS: Exclusion[] = [
  {
    name: 'glued-to-a-name', // "FP8", "R50", "x2014", "Set14", "8B", "2.3M"
    excludes: (q, { before, after }) => {
      const prev = before.at(-1);
      if (isAlnum(prev) && !APPROX_GLUE.test(before)) return true;
      if (prev === '.' && isAlnum(before.at(-2))) return true;
      if (/^[A-Za-z0-9_@]/.test(after) || /^\.\d/.test(after)) return true;
      return false;
    },
  },
  {
    name: 'device-count', // "8x A100 GPUs", "4× H100": a number of devices, not a factor
    excludes: (q, { after }) =>
      q.form === 'factor' && !q.wordy && /^\s*(?:[A-Z]+\d+\w*|(?:GPU|TPU|NPU|CPU)s?\b(?![\s-]*(?:hours?|days?|memory|time))|nodes?\b)/.test(after),
  },
  {
    name: 'hyphenated-name', // "ResNet-50", "GPT-2", "top-5", "Mixtral-8", but not "weights-8x smaller"
    excludes: (q, { before }) => {
      if (!/[A-Za-z0-9]-$/.test(before)) return false;
      const claimForm = q.form === 'factor' || q.form === 'percent';
      return !(claimForm && /(?:^|\s)[a-z]{3,}-$/.test(before));
    },
  },
  {
    name: 'compound-modifier', // "4-bit weights", "32-byte codes", "13-layer network", "50%-sparse"
    excludes: (q, { after }) => q.form !== 'factor' && /^-[A-Za-z]/.test(after),
  },
  {
    name: 'slash-name', // "SVHN10/20", "3/8/32B", "0/1 reward", but not "3x/1.5x"
    excludes: (q, { before, after }) => {
      if (before.endsWith('/') && !/(?:^|[\s(])[+-]?\d[\d.,]*\s?(?:x|%|times)?\/$/.test(before)) return true;
      return q.form === 'bare' && (/^\/\d/.test(after) || /\d\/$/.test(before)); // ratios like "0/1"
    },
  },
  {
    name: 'citation-or-reference', // "[29]", "[3, 12]", "Fig. 2", "Section 4", "Eq. (3)", "v2"
    excludes: (q, { before, after }) =>
      q.form === 'bare' &&
      (/\[[\d,\s-]*$/.test(before) && /^[\d,\s-]*\]/.test(after) ||
        /\b(?:fig(?:ure)?s?|tables?|tab|sec(?:tion)?s?|eqs?|equations?|appendix|chapter|algorithm|theorem|lemma|step|stage|phase|version|v)\.?\s*\(?$/i.test(before)),
  },
  {
    name: 'year', // "in 2012", "(2020)"
    excludes: (q) => q.form === 'bare' && q.value != null && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2099,
  },
  {
    name: 'url', // numbers inside a link
    excludes: (q, { before }) => /(?:https?:\/\/|www\.|github\.com)\S*$/.test(before),
  },
  {
    name: 'math', // "n^2", "O(1/T)", "0<delta<1", "x_1"
    excludes: (q, { before, after }) => /[\^_{=<>]\s?$/.test(before) || /^\s?[\^_}=<>]/.test(after) || /\bO\($/.test(before),
  },
  {
    name: 'example-figure', // "(e.g., 4-8x)", "(such as 50%)": a figure given as an example
    excludes: (q, { before }) => /\((?:e\.g|for example|for instance|such as)[^()]*$/i.test(before),
  },
  {
    name: 'from-to-source', // "latency drops from 90 ms to 30 ms": only the work's own figure, 30 ms, is a claim
    excludes: (q, { before, after }) =>
      /\bfrom\s+$/i.test(before) && !/\b(?:rang\w*|var\w*)\s+from\s+$/i.test(before) && /^\s*to\s+(?:about\s+|only\s+|just\s+)?[~+$-]?\.?\d/.test(after),
  },
  {
    name: 'baseline-figure', // "compared to 9.8 GB for the baseline", "vs. 45.1%": the figure of what is compared against
    excludes: (q, { before }) =>
      /\b(?:compared (?:to|with)|versus|vs\.?|relative to|against)\s+(?:the\s+|a\s+|an\s+)?(?:(?:approximately|about|around|roughly|nearly|only)\s+|~\s*)?$/i.test(before) ||
      /(?:^|[^\w-])(?<!more |less |fewer |greater |higher |lower |better |worse |larger |smaller |rather )than\s+(?:the\s+|a\s+|an\s+)?$/i.test(before),
  },
  {
    name: 'figure-of-the-baseline', // "outperforms the distilled accuracy of 64.2%": the figure belongs to what is compared against
    excludes: (q, { before }) => {
      const m = /\b(?:outperform\w*|surpass\w*|than|compared (?:to|with)|versus|vs\.?|over)\s+(?:(?!with\b|by\b|and\b|while\b|achiev)[\w()@.-]+\s+){0,6}?([\w@-]+)\s+(?:of|at)\s+$/i.exec(before);
      return !!m && (!!metricRow(m[1]) || MEASURE_NOUNS.test(m[1])); // "... accuracy of N", not "... a baseline of N"
    },
  },
  {
    name: 'setup-figure', // "a latency SLO of 150 ms", "a sparsity of 90%", "under a budget of 2 GB"
    excludes: (q, { before }) =>
      /\b(?:SLO|SLA|budget|constraint|deadline|target|limit|threshold|sparsity|ratio)(?:\s+(?:of|=|is|set|to|at|was|fixed)\b|\s*=)*\s*$/i.test(before),
  },
  {
    name: 'prior-work', // figures reported for others' work: "previously", "recently proposed", "the literature"
    wholeSentence: true,
    excludes: (q, { before }) => {
      const m = PRIOR_WORK.exec(before);
      if (!m || /\([^()]*$/.test(before.slice(0, m.index))) return false; // "(prior works)" labels something else
      if (/\b(?:we|our|us)\b/i.test(before.slice(m.index))) return false; // "..., our method achieves 4x"
      const lead = before.slice(Math.max(0, m.index - 25), m.index);
      return !/\b(?:than|over|compared (?:to|with)|relative to|versus|vs\.?|against|outperform\w*|surpass\w*|beat\w*)\s+(?:the\s+|a\s+|all\s+)?(?:\w+\s+)?$/i.test(lead);
    },
  },
];

/** Name of the first exclusion that drops the quantity, or null when it may be a claim. */
export function excludedBy(q: Quantity, c: ExclusionContext): string | null {
  const nearby = near(c);
  for (const rule of EXCLUSIONS) if (rule.excludes(q, rule.wholeSentence ? c : nearby)) return rule.name;
  return null;
}

/** Figures that set up an experiment, named right after them: "at 80% sparsity", "a 2% KV budget", "a 3x FLOPs target". */
export function setsUpExperiment(q: Quantity, w: CueWindow, s: Sentence): boolean {
  const setup = w.right.find((h) => h.tag === 'SetupNoun');
  return !!setup && /^\s*(?:[\w-]+\s+)?$/.test(s.text.slice(q.end - s.start, setup.start - s.start));
}

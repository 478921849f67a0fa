// Numbers that are not claims: names with digits, references, years, math,
// examples and prior work. Each rule is named by what it recognizes and
// returns true when the quantity must be dropped. Most read the words right
// before the number: those patterns, anchored at the end of `before`, are
// made endAnchored (see ../text/patterns.ts), constants named *_BEFORE.
import { metricRow, readUnit } from '@claimflow/units';
import type { Sentence } from '../text/sentences.js';
import { endAnchored } from '../text/patterns.js';
import { AT, BASELINE_TRAINED_ON, changesFrom, SUCCEEDS_IN } from './phrasing.js';
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

/** Words after a figure that say it is a result: a quality metric or a change of one, up to the end of its parentheses. */
const RESULT_NOUN = /^(?:drop|drops|gain|gains|improvement|improvements|increase|decrease|degradation|loss|boost|higher|lower|better|worse)$/i;
function namesAResult(after: string): boolean {
  const words = /^\s*(?:points?\s+|pp\s+)?([A-Za-z][\w@&.-]*)(?:\s+([A-Za-z][\w@&.-]*))?/.exec(after.split(')')[0]);
  if (!words) return false;
  const [, first, second] = words;
  return RESULT_NOUN.test(first) || !!metricRow(first) || (!!second && !!metricRow(`${first} ${second}`));
}

/** Words that say a figure belongs to others' work. */
const PRIOR_WORK = new RegExp(
  String.raw`\b(previously|recently proposed|the literature|literature has|et al|in contrast|by contrast|` +
    String.raw`(?:prior|previous|existing|conventional|traditional|recent)\s+(?:[\w-]+\s+){0,2}?` +
    String.raw`(?:works?|methods?|approaches|approximations|systems|techniques|solutions|studies|models|designs|algorithms|frameworks))\b`,
  'i',
);

/** "X was reported to be 300x faster", "has been shown to reduce": a finding of others. */
const REPORTED_TO = /\b(?:was|were|has been|have been|is|are)\s+(?:previously\s+|widely\s+)?(?:reported|claimed|shown|known|estimated)\s+to\b/i;
/** What every match of REPORTED_TO holds: its verb's last letter (reporteD, showN), spaces, "to" (a cheaper test of the whole sentence before the figure). */
const REPORTED_TO_PRECHECK = /[dn]\s+to\b/i;

/** Statistics of spread, not results: standard deviation, variance, confidence intervals, error bars. */
const DISPERSION = endAnchored(
  /\b(?:standard deviations?|std\.?|variances?|confidence intervals?|error bars?|standard errors?|spread|interquartile range)\b[^,;:.]{0,40}?\b(?:is|was|are|were|of|to|at|by|=|:)\s+(?:only\s+|about\s+|around\s+|roughly\s+|approximately\s+|[~±]\s*)?$/i,
);

/** The subject of a benchmark finding: "the strongest model", "the best system", "the median LLM", "the weakest". */
const EVALUATED_SYSTEM =
  /\b(?:the|even the)\s+(?:best|strongest|top|leading|weakest|worst|median|average|best-performing|top-performing|strongest-performing)\b(?:\s+(?:[\w-]+\s+)?(?:models?|systems?|llms?|agents?|methods?|approaches|submissions?|entries|participants?))?\s+(?:only\s+|still\s+)?(?:answers?|scores?|achieves?|reaches|solves|gets|attains|obtains|manages|loses|drops|retains|gains|improves|degrades|falls)\b/i;
/** A verb whose object follows: what comes next is a noun phrase, not a subject and its verb. */
const VERB_BEFORE_OBJECT = /\b(?:improv|rais|boost|increas|lift|enhanc|reduc|lower|achiev|reach|yield|obtain|attain|doubl)\w*\s+$/i;
const COMPARED_BEFORE = /\b(?:than|over|compared (?:to|with)|relative to|versus|vs\.?|against|outperform\w*|surpass\w*|beat\w*|exceed\w*|match\w*)\s+$/i;

/** Names of chips and cards whose model numbers run from 100 up ("RTX 4090", "Xeon 8380"). */
const PRODUCT_BEFORE = endAnchored(/(?:^|[\s(])(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|Titan|Jetson|Xeon|Core|Ryzen|Radeon|Quadro|Tesla|Snapdragon|Exynos|Kirin)\s$/);
/** A word written as a name right before a number: "Llama ", "AlpacaEval ", "Diffusion " (one space, a capital, then a lower-case letter somewhere). */
const VERSIONED_NAME_BEFORE = endAnchored(/(?:^|[\s(])([A-Z][A-Za-z]*[a-z][A-Za-z]*)\s$/);
/** Phones and boards, whose model numbers may be small ("iPhone 8", "Pixel 6"). */
const DEVICE_BEFORE = endAnchored(/(?:^|[\s(])(?:iPhone|iPad|Pixel|Galaxy S?|Raspberry Pi|Jetson Orin|Jetson Xavier)\s$/);
/** A device right after a size in bytes: "32GB GPUs", "80 GB A100", "a 24GB consumer card". */
const DEVICE_AFTER = /^[\s-]*(?:(?:[A-Z]+\d+\w*|consumer|commodity|single|edge)\s+)?(?:[A-Z]+\d+\w*\b|(?:RTX|GTX|Quadro|Radeon|Tesla)\s+[A-Z]?\d+\w*\b|(?:GPU|TPU|NPU|card|device|accelerator|node|phone|laptop|board|machine)s?\b)(?![\s-]*(?:memory|RAM|VRAM|storage|footprint|usage|hours?|days?|time))/;
/** Metrics that name an operating point when a figure is "at" them: "at 95% recall", "at 1% FPR". */
const OPERATING_METRIC = /^\s*(?:recall|precision|coverage|sensitivity|specificity|fpr|tpr|false positive rate|true positive rate)\b/i;

type Exclusion = {
  name: string;
  excludes: (q: Quantity, c: ExclusionContext) => boolean;
  /** Reads the whole sentence before the number, not only the words next to it. */
  wholeSentence?: boolean;
  /**
   * Syntax, not meaning: the digits are part of a name, a reference, a year, a
   * link or a formula. Such a figure is never a candidate; every other
   * exclusion is evidence the decision model weighs (see ../model/features.ts).
   */
  syntax?: boolean;
};

const isAlnum = (ch: string | undefined) => !!ch && /[A-Za-z0-9_@]/.test(ch);
/** A flattened approximation sign glued to the number: "sim40\%", "approx3x". */
const APPROX_GLUE = /(?:^|[^A-Za-z])(?:sim|approx)$/;

// The words before a number that the rules below test, each anchored at the end of `before` (see the top).
// Not those that end in a long run of any characters ("(e.g., ...", "without ...{0,50}"): read back from the
// end, such a run is tried at each of its lengths, and they cost more than they did.
const CITATION_BEFORE = endAnchored(/\[[\d,\s-]*$/);
const REFERENCE_BEFORE = endAnchored(/\b(?:fig(?:ure)?s?|tables?|tab|sec(?:tion)?s?|eqs?|equations?|appendix|chapter|algorithm|theorem|lemma|step|stage|phase|version|v)\.?\s*\(?$/i);
const URL_BEFORE = endAnchored(/(?:https?:\/\/|www\.|github\.com)\S*$/);
const COMPARED_TO_BEFORE = endAnchored(
  /\b(?:compared (?:to|with)|versus|vs\.?|relative to|against|instead of|rather than|(?:up|down|improved|rising|falling)\s+from)\s+(?:the\s+|a\s+|an\s+)?(?:(?:approximately|about|around|roughly|nearly|only)\s+|~\s*)?$/i,
);
/** "compared with 0.851 for X and 0.889 for Y": every figure of the compared list. */
const COMPARED_LIST_BEFORE = endAnchored(/\b(?:compared (?:to|with)|versus|vs\.?)\s+~?\d[\d.,]*\s?%?\s+(?:for|of|by|with)\s+[^,;()]*?(?:,\s*|\s+and\s+)$/i);
/** "compared to 72.0% and 65.6%" */
const COMPARED_FIGURES_BEFORE = endAnchored(/\b(?:compared (?:to|with)|versus|vs\.?)\s+~?\d[\d.,]*\s?%?(?:\s*,\s*~?\d[\d.,]*\s?%?)*(?:\s*,)?\s+and\s+$/i);
const THAN_BEFORE = endAnchored(/(?:^|[^\w-])(?<!more |less |fewer |greater |higher |lower |better |worse |larger |smaller |rather )than\s+(?:the\s+|a\s+|an\s+)?$/i);
/** "outperforms the distilled accuracy of": the measure beaten (group 1), read by exec. */
const BEATEN_MEASURE = /\b(?:outperform\w*|surpass\w*|than|compared (?:to|with)|versus|vs\.?|over)\s+(?:(?!with\b|by\b|and\b|while\b|achiev)[\w()@.-]+\s+){0,6}?([\w@-]+)\s+(?:of|at)\s+$/i;
const BEATEN_MEASURE_BEFORE = endAnchored(BEATEN_MEASURE);
/** Words that name a system as not the work's: "the state-of-the-art X", "existing methods", "the vanilla model". */
const OTHER_SYSTEM_WORDS = String.raw`state[- ]of[- ]the[- ]art|existing|prior|previous|baseline|conventional|vanilla`;
/** A system that is not the work's, "standard" and "original" ones too (as a subject set against ours, they are others). */
const OTHER_SYSTEM = new RegExp(String.raw`\b(?:${OTHER_SYSTEM_WORDS}|standard|original)\b`, 'i');
/** Words by which a sentence speaks of the work itself: its figures there are not another's. */
const NAMES_THE_WORK = /\b(?:we|our|ours|us|proposed)\b/i;
/** "..., while our X ...", "whereas we ...": the work's own figure comes after the contrast. */
const WHILE_OURS = /^[^;]*?\b(?:while|whereas)\s+(?:our|ours|we)\b/i;
/** "we achieve 84.5% while the state-of-the-art X achieves 85.4%": the contrast's clause, up to the figure, is another system's. */
const WHILE_OTHER = new RegExp(String.raw`\b(?:while|whereas)\s+(?:the\s+|a\s+|an\s+)?(?:${OTHER_SYSTEM_WORDS})\b[^,;]*$`, 'i');
const SETUP_BEFORE = endAnchored(
  /\b(?:SLO|SLA|budget|constraint|deadline|target|limit|threshold|sparsity|ratio(?<!(?:compression|speedup|speed-up|reduction|annotation|labeling) ratio))(?:\s+(?:of|=|is|set|to|at|was|fixed)\b|\s*=)*\s*$/i,
);
const RANK_BEFORE = endAnchored(/\b(?:worst|best|top|bottom|lowest|highest|slowest|fastest|hardest|easiest|first|last)\s+$/i);
const BIAS_BEFORE = endAnchored(/\b(?:over|under)(?:estimat|stat)\w*\s+(?:[\w-]+\s+){0,3}by\s+(?:up to\s+|about\s+|roughly\s+)?$|\binflat\w*\s+(?:[\w-]+\s+){0,3}by\s+$/i);
const VARIES_BY_BEFORE = endAnchored(/\b(?:differ(?:s|ed)?|vary|varies|varied)\s+by\s+(?:up to\s+|as much as\s+|about\s+)?$/i);
const EVERY_BEFORE = endAnchored(/\bevery\s+$/i);
const TRAINED_ON_BEFORE = endAnchored(/\b(?:train(?:ed|ing|s)?|pretrain(?:ed|ing|s)?|fine-?tun(?:ed|ing|es))\s+(?:\w+\s+)?(?:on|with)\s+$/i);
const COUNT_OF_BEFORE = endAnchored(/(?<![\w@.^/-])\d[\d,]*\s+(?:out\s+)?of\s+$/i);
const SCOPE_BEFORE = endAnchored(/\b(?:on|in|for|across)\s+(?:about\s+|over\s+|nearly\s+|almost\s+|more than\s+)?$/i);
const TRAINING_ON_BEFORE = endAnchored(/\b(?:train\w*|fine[- ]?tun\w*|pretrain\w*)\s+on\s+$/i);
const OPERATING_POINT_BEFORE = endAnchored(/\bat\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:rate|threshold|level|recall|precision|sensitivity|specificity|fpr|tpr|iou|confidence)\s+(?:of\s+|=\s*)?$/i);
const UNDER_AT_BEFORE = endAnchored(/(?:^|[,;]\s*)(?:under|at)\s+(?:an?\s+)?$/i);
/** "..., whereas magnitude pruning loses": the subject contrasted (group 1), read by exec. */
const CONTRASTED_SUBJECT =
  /\bwhereas\s+((?:[\w-]+\s+){1,4}?)(?:[a-z]+s|lost|dropped|reached|achieved|scored|got)\s+(?:only\s+|just\s+)?(?:by\s+)?(?:(?:over|about|around|nearly|almost|roughly|approximately|more than|less than|up to|at least)\s+)?$/i;
const CONTRASTED_SUBJECT_BEFORE = endAnchored(CONTRASTED_SUBJECT);
const IF_BEFORE = endAnchored(/\bif\s+(?:(?:a|an|the|only|up to)\s+)?$/i);

export const EXCLUSIONS: Exclusion[] = [
  {
    name: 'glued-to-a-name', syntax: true, // "FP8", "R50", "x2014", "Set14", "8B", "2.3M"
    excludes: (q, { before, after }) => {
      const prev = before.at(-1);
      if (isAlnum(prev) && !APPROX_GLUE.test(before)) return true;
      if (prev === '.' && isAlnum(before.at(-2))) return true;
      if (/^[A-Za-z0-9_@]/.test(after) || /^\.\d/.test(after)) return true;
      return false;
    },
  },
  {
    name: 'dimensions', syntax: true, // "512 x 512 x 768", "a 3 x 3 kernel": sizes, not factors
    excludes: (q, { before, after }) => q.form === 'factor' && q.unit === 'x' && (/^\s*\d/.test(after) || /\d\s?[xX]\s?$/.test(before)),
  },
  {
    name: 'device-count', syntax: true, // "8x A100 GPUs", "4× H100": a number of devices, not a factor
    excludes: (q, { after }) =>
      q.form === 'factor' && !q.wordy && /^\s*(?:[A-Z]+\d+\w*|(?:GPU|TPU|NPU|CPU)s?\b(?![\s-]*(?:hours?|days?|memory|time))|nodes?\b)/.test(after),
  },
  {
    name: 'device-memory', syntax: true, // "a single 32GB GPU", "80GB A100s", "16 GB RAM boards": the memory a device is sold with names the device
    excludes: (q, { after }) => q.form === 'measure' && readUnit(q.unit ?? '')?.unit === 'B' && DEVICE_AFTER.test(after),
  },
  {
    name: 'hyphenated-name', syntax: true, // "ResNet-50", "GPT-2", "top-5", "Mixtral-8", but not "weights-8x smaller"
    excludes: (q, { before }) => {
      if (!/[A-Za-z0-9]-$/.test(before)) return false;
      const claimForm = q.form === 'factor' || q.form === 'percent';
      return !(claimForm && /(?:^|\s)[a-z]{3,}-$/.test(before));
    },
  },
  {
    name: 'compound-modifier', syntax: true, // "4-bit weights", "32-byte codes", "13-layer network", "50%-sparse"
    // a factor glued to a noun is a setting too ("30x-coverage"), unless the word says what changed ("4x-smaller")
    excludes: (q, { after }) => /^-[A-Za-z]/.test(after) && (q.form !== 'factor' || !/^-(?:faster|slower|smaller|larger|bigger|fewer|less|more|higher|lower|cheaper|speed|reduc|improv|compress|gain|lift)/i.test(after)),
  },
  {
    name: 'slash-name', syntax: true, // "SVHN10/20", "3/8/32B", "0/1 reward", but not "3x/1.5x"
    excludes: (q, { before, after }) => {
      if (before.endsWith('/') && !/(?:^|[\s(])[+-]?\d[\d.,]*\s?(?:x|%|times)?\/$/.test(before)) return true;
      return q.form === 'bare' && (/^\/\d/.test(after) || /\d\/$/.test(before)); // ratios like "0/1"
    },
  },
  {
    name: 'citation-or-reference', syntax: true, // "[29]", "[3, 12]", "Fig. 2", "Section 4", "Eq. (3)", "v2"
    excludes: (q, { before, after }) =>
      q.form === 'bare' &&
      (CITATION_BEFORE.test(before) && /^[\d,\s-]*\]/.test(after) || REFERENCE_BEFORE.test(before)),
  },
  {
    name: 'product-number', syntax: true, // "RTX 4090", "GTX 1080", "Xeon 8380": a model number after a product name, not a figure
    excludes: (q, { before }) =>
      q.form === 'bare' && q.value != null && Number.isInteger(q.value) &&
      // a phone's or board's model may be small ("iPhone 8", "Pixel 6", "Raspberry Pi 4"); a chip's is read from 100 up
      (DEVICE_BEFORE.test(before) || (q.value >= 100 && PRODUCT_BEFORE.test(before))),
  },
  {
    name: 'version-number', syntax: true, // "Llama 3.1", "AlpacaEval 2.0", "Stable Diffusion 3.5": the version of a named model or benchmark
    excludes: (q, { before }) => {
      // written "d.d" (three characters, a bare number under 10) right after a word written as a name, Title or CamelCase;
      // not after a metric written so ("Dice 0.91" has two decimals anyway; "Recall 0.8" would be a metric's value)
      if (q.form !== 'bare' || q.signed || q.end - q.start !== 3 || q.value == null || q.value >= 10) return false;
      const name = VERSIONED_NAME_BEFORE.exec(before);
      return !!name && !metricRow(name[1]);
    },
  },
  {
    name: 'year', syntax: true, // "in 2012", "(2020)"
    excludes: (q) => q.form === 'bare' && q.value != null && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2099,
  },
  {
    name: 'url', syntax: true, // numbers inside a link
    excludes: (q, { before }) => URL_BEFORE.test(before),
  },
  {
    name: 'math', syntax: true, // "n^2", "O(1/T)", "0<delta<1", "x_1"
    excludes: (q, { before, after }) =>
      // "(<1%)", "a <2x slowdown": a bound written as a sign before a figure with its unit is no formula
      (/[\^_{=<>]\s?$/.test(before) && !(q.form !== 'bare' && /(?:^|[\s(])[<>]=?\s?$/.test(before))) || /^\s?[\^_}=<>]/.test(after) || /\bO\($/.test(before),
  },
  {
    // "(e.g., 4-8x)", "(such as 50%)": a figure given as an example of a setting. An example that names
    // what it measures right after it, a quality metric or a change ("(e.g., 83.6% mAP on X)", "(e.g., a 3% drop
    // on X)"), is one of the work's results, which the sentence around it summarizes.
    name: 'example-figure',
    excludes: (q, { before, after }) => /\((?:e\.g|for example|for instance|such as)[^()]*$/i.test(before) && !namesAResult(after),
  },
  {
    name: 'from-to-source', // "latency drops from 90 ms to 30 ms": only the work's own figure, 30 ms, is a claim
    excludes: (q, { before, after }) =>
      changesFrom(before) && /^\s*to\s+(?:about\s+|only\s+|just\s+)?[~+$-]?\.?\d/.test(after),
  },
  {
    name: 'baseline-figure', // "compared to 9.8 GB for the baseline", "vs. 45.1%": the figure of what is compared against
    excludes: (q, { before }) =>
      COMPARED_TO_BEFORE.test(before) || COMPARED_LIST_BEFORE.test(before) || COMPARED_FIGURES_BEFORE.test(before) || THAN_BEFORE.test(before),
  },
  {
    name: 'figure-of-the-baseline', // "outperforms the distilled accuracy of 64.2%": the figure belongs to what is compared against
    excludes: (q, { before }) => {
      // the test first: most figures have no such words before them, and the test fails at once where the match ends nowhere
      const m = BEATEN_MEASURE_BEFORE.test(before) ? BEATEN_MEASURE.exec(before) : null;
      return !!m && (!!metricRow(m[1]) || MEASURE_NOUNS.test(m[1])); // "... accuracy of N", not "... a baseline of N"
    },
  },
  {
    name: 'setup-figure', // "a latency SLO of 150 ms", "a sparsity of 90%", "under a budget of 2 GB"
    excludes: (q, { before }) =>
      SETUP_BEFORE.test(before),
  },
  {
    // "5-fold cross-validation", "10-fold CV": a protocol, not a factor; so is each member of "5- or 10-fold CV"
    name: 'cross-validation', syntax: true,
    excludes: (q, { after }) => q.form === 'factor' && /^(?:,?\s+(?:[\d.]+-,?\s+)*(?:and|or)\s+[\d.]+-?fold)?\s*(?:cross[- ]?validat\w*|cv\b|splits?\b|stratified\b)/i.test(after),
  },
  {
    name: 'subset-share', // "the worst 10% of clients", "the top 5% of queries": which cases, not a result
    excludes: (q, { before, after }) => q.form === 'percent' && RANK_BEFORE.test(before) && /^\s*of\b/.test(after),
  },
  {
    name: 'concessive-background', // "Although networks such as X achieve Dice above 0.90, they ...": others' figures
    wholeSentence: true,
    excludes: (q, { before }) => /^\s*(?:Although|Though|Even though|While|Whereas)\b[^,;]*$/.test(before) && !/\b(?:we|our|ours|us)\b/i.test(before),
  },
  {
    name: 'estimation-bias', // "execution accuracy overestimates correctness by 8-12 points": a bias found, not a gain
    excludes: (q, { before }) => BIAS_BEFORE.test(before),
  },
  {
    name: 'horizon', // "predicts glucose 30 minutes ahead": how far ahead, not how long
    excludes: (q, { after }) => q.form === 'measure' && /^\s*(?:ahead|in advance|into the future|earlier|beforehand|of lead time|lead time|horizon)\b/i.test(after),
  },
  {
    name: 'variation', // "compression differs by up to 3.1x across scripts": a spread, not an improvement
    excludes: (q, { before }) => VARIES_BY_BEFORE.test(before),
  },
  {
    name: 'schedule', // "runs every 30 seconds": how often, not how long
    excludes: (q, { before }) => q.form === 'measure' && EVERY_BEFORE.test(before),
  },
  {
    name: 'more-resource-used-in-setup', // "trained on 5x more synthetic data": what the setup used, not a result
    excludes: (q, { before, after }) =>
      q.form === 'factor' && TRAINED_ON_BEFORE.test(before) && /^\s*(?:more|larger|bigger)\b/i.test(after) &&
      !BASELINE_TRAINED_ON.test(before), // "compared with X trained on 100x more labels": the baseline's cost, a saving of ours
  },
  {
    name: 'count-of-total', // "on 11 of 14 tasks", "solves 103 out of 112": counts of cases
    // a count stands alone: the digits of "pass@1 of 64.3", "mAP@0.5 of 52.1" or "top-1 of" end a metric's name
    excludes: (q, { before, after }) => q.form === 'bare' && (COUNT_OF_BEFORE.test(before) || /^\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?\d/i.test(after)),
  },
  {
    name: 'count-of-items', // "on 7 patient outcome datasets", "3 benchmarks": how many things were studied
    excludes: (q, { after }) => q.form === 'bare' && q.value != null && Number.isInteger(q.value) && !/^\.\d/.test(after) &&
      /^\s+(?:[\w-]+\s+){0,3}(?:datasets|tasks|benchmarks|models|languages|domains|environments|games|subjects|participants|categories|classes|trials|episodes|rollouts|runs|seeds|scenarios|scenes|patients|questions|problems|prompts|robots|objects)\b/i.test(after),
  },
  {
    name: 'share-of-cases', // "10x faster on 70% of the instances": how often, the scope of another figure
    excludes: (q, { before, after }) =>
      q.form === 'percent' && SCOPE_BEFORE.test(before) &&
      !TRAINING_ON_BEFORE.test(before) && // "training on 20% of the data" is a share used
      !SUCCEEDS_IN.test(before) && // "succeeds in 92% of the trials" is a success rate
      /^\s*of\s+(?:the\s+|all\s+|our\s+)?(?:[\w-]+\s+)?(?:instances|cases|tasks|problems|benchmarks|datasets|queries|languages|settings|runs|workloads|programs|graphs|users)\b/i.test(after),
  },
  {
    name: 'dispersion-figure', // "the standard deviation of accuracy is 3.8 points", "narrows the confidence interval to 1.4 points"
    excludes: (q, { before }) => DISPERSION.test(before),
  },
  {
    name: 'operating-point', // "at a false positive rate of 2%", "at 95% recall@10": where a figure was read off
    excludes: (q, { before, after }) =>
      OPERATING_POINT_BEFORE.test(before) ||
      (q.form === 'percent' && AT.test(before) && OPERATING_METRIC.test(after)) ||
      // "Under 4x FLOPs reduction, we ...", "under 2x multi-scale training", "At a 2x compression ratio, accuracy ...":
      // the setting a comparison was run at, opening its clause, not its result
      (q.form === 'factor' && UNDER_AT_BEFORE.test(before) && /^\s*(?:[\w-]+\s+){0,2}(?:reduction|compression|budget|sparsity|pruning|schedule|training)\b/i.test(after)),
  },
  {
    name: 'limit-of-a-without-clause', // "without delaying any job by more than 2 hours": a limit kept, not a measured result
    excludes: (q, { before }) => q.form === 'measure' && /\bwithout\s+[^,;:()]{0,50}$/i.test(before),
  },
  {
    name: 'evaluated-system', // a benchmark's finding about the systems it evaluates: "the strongest model answers 71% ..."
    wholeSentence: true,
    excludes: (q, { before }) => {
      const m = EVALUATED_SYSTEM.exec(before);
      if (!m || /\b(?:we|our|ours|us)\b/i.test(before)) return false;
      // "improves the average score by 4.1": after a verb, "the average score" is its object, and "score" a noun
      if (VERB_BEFORE_OBJECT.test(before.slice(0, m.index))) return false;
      // "outperforming the best reconstruction-based method by 3%": the system is the baseline, not the subject
      return !COMPARED_BEFORE.test(before.slice(Math.max(0, m.index - 30), m.index));
    },
  },
  {
    name: 'contrasted-subject', // "..., whereas magnitude pruning loses 4.2 points": the figure of what is contrasted
    wholeSentence: true,
    excludes: (q, { before }) => {
      const m = CONTRASTED_SUBJECT_BEFORE.test(before) ? CONTRASTED_SUBJECT.exec(before) : null; // the test first, as in figure-of-the-baseline
      if (!m) return false;
      const subject = m[1].trim().split(/\s+/);
      return !subject.some((w) => /^(?:we|our|ours|it|its|this|proposed)$/i.test(w) || MEASURE_NOUNS.test(w) || !!metricRow(w));
    },
  },
  {
    // "the state-of-the-art ViT-B has a latency of 529.5 ms and 81.0% accuracy, while our ViTTM-B is 56% faster":
    // figures of another system, set against the work's own later in the sentence
    name: 'set-against-ours',
    wholeSentence: true,
    excludes: (q, { before, after }) => OTHER_SYSTEM.test(before) && !NAMES_THE_WORK.test(before) && WHILE_OURS.test(after),
  },
  {
    // "we achieve 78.6% accuracy while the state-of-the-art Token Merging achieves 85.4%": the figures after the
    // contrast are the other system's, where the sentence named the work before it
    name: 'ours-then-other',
    wholeSentence: true,
    excludes: (q, { before }) => {
      const contrast = WHILE_OTHER.exec(before);
      return !!contrast && NAMES_THE_WORK.test(before.slice(0, contrast.index)) && !NAMES_THE_WORK.test(before.slice(contrast.index));
    },
  },
  {
    name: 'reported-finding', // "X was reported to be 300x faster", "has been shown to reduce ...": a finding of others, cited
    wholeSentence: true,
    excludes: (q, { before }) => REPORTED_TO_PRECHECK.test(before) && REPORTED_TO.test(before) && !/\b(?:we|our|us)\b/i.test(before),
  },
  {
    name: 'drawback-of-others', // "However, this approach requires twice as many steps", "For example, indexing X requires 150 GB": the problem, not the result
    wholeSentence: true,
    excludes: (q, { before }) =>
      /^\s*(?:However|Unfortunately|Yet|But|For example|For instance),?\s+(?:this|these|such|the|existing|current|prior|previous|conventional|standard|many|most|[a-z]+ing)\b/.test(before) &&
      !NAMES_THE_WORK.test(before),
  },
  {
    name: 'condition', // "if a 1% relative loss in accuracy is acceptable, ...": a figure that states a condition
    excludes: (q, { before }) => IF_BEFORE.test(before),
  },
  {
    name: 'prior-work', // figures reported for others' work: "previously", "recently proposed", "the literature"
    wholeSentence: true,
    excludes: (q, { before }) => {
      const m = PRIOR_WORK.exec(before);
      if (!m || /\([^()]*$/.test(before.slice(0, m.index))) return false; // "(prior works)" labels something else
      if (/\b(?:we|our|us)\b/i.test(before.slice(m.index))) return false; // "..., our method achieves 4x"
      const lead = before.slice(Math.max(0, m.index - 25), m.index);
      return !/\b(?:than|over|upon|compared (?:to|with)|relative to|versus|vs\.?|against|outperform\w*|surpass\w*|beat\w*|improv\w*|exceed\w*)\s+(?:the\s+|a\s+|all\s+)?(?:\w+\s+)?$/i.test(lead);
    },
  },
];

/** Name of the first exclusion that drops the quantity, or null when it may be a claim (extractor 1.3.0's cascade). */
export function excludedBy(q: Quantity, c: ExclusionContext): string | null {
  const nearby = near(c);
  for (const rule of EXCLUSIONS) if (rule.excludes(q, rule.wholeSentence ? c : nearby)) return rule.name;
  return null;
}

/** Every exclusion that fires: `syntax` names the first syntax rule (the figure is no candidate), `semantic` the rest, as evidence. */
export function exclusionsOf(q: Quantity, c: ExclusionContext): { syntax: string | null; semantic: string[] } {
  const nearby = near(c);
  const semantic: string[] = [];
  for (const rule of EXCLUSIONS) {
    if (!rule.excludes(q, rule.wholeSentence ? c : nearby)) continue;
    if (rule.syntax) return { syntax: rule.name, semantic };
    semantic.push(rule.name);
  }
  return { syntax: null, semantic };
}

/** Figures that set up an experiment, named right after them: "at 80% sparsity", "a 2% KV budget", "a 3x FLOPs target". */
export function setsUpExperiment(q: Quantity, w: CueWindow, s: Sentence): boolean {
  // "under 2x multi-scale training", "under 4x compression": a factor the work is run under is a condition, not a result
  if (q.form === 'factor' && /\bunder\s+$/i.test(s.text.slice(Math.max(0, q.start - s.start - 8), q.start - s.start))) return true;
  const setup = w.right.find((h) => h.tag === 'SetupNoun');
  return !!setup && /^\s*(?:[\w-]+\s+)?$/.test(s.text.slice(q.end - s.start, setup.start - s.start));
}

/**
 * An evaluation study: the work evaluates a number of others' systems ("We
 * benchmark 12 quantization methods", "... and evaluate fifteen systems") and
 * proposes no method of its own. Its figures are findings about the systems
 * it evaluates, not results of the work, except in sentences about "our" own
 * contribution.
 */
export function isEvaluationStudy(text: string): boolean {
  return EVALUATES_SYSTEMS.test(text) && !PROPOSES_A_METHOD.test(text);
}
const COUNT_WORD = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens of|several|many|numerous)`;
const EVALUATES_SYSTEMS = new RegExp(
  String.raw`\b(?:we|and)\s+(?:systematically\s+|comprehensively\s+|extensively\s+)?(?:benchmark|evaluate|compare|assess|test|survey|analy[sz]e|audit|probe)\s+` +
    String.raw`(?:\w+\s+){0,3}?${COUNT_WORD}\s+(?:[\w-]+\s+){0,4}?` +
    String.raw`(?:models|systems|methods|LLMs|tools|algorithms|approaches|techniques|frameworks|libraries|detectors|agents|solvers|compilers|optimizers)\b`,
  'i',
);
const PROPOSES_A_METHOD =
  /\bwe\s+(?:propose|introduce|present|develop|design|describe|derive)\s+(?:a|an)\s+(?!(?:new\s+|novel\s+|large\s+|comprehensive\s+)?(?:[\w-]+\s+)?(?:benchmark|dataset|suite|corpus|study|evaluation|leaderboard|testbed|analysis)\b)|\bour\s+(?:method|approach|model|technique|algorithm|framework|system)\b/i;
/** In an evaluation study, a sentence about the work's own contribution. */
export const OWN_CONTRIBUTION = /\bour\b/i;

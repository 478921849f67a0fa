// Tidying a metric phrase into the name an analyst filters on. Each rule is
// one class of wording around a metric name; the phrase's position in the
// text lets the rules read the words just before and after it.
import { metricRow, metricsIn } from '@claimflow/units';
import { SPEEDS_UP } from '../phrasing.js';

/** A metric phrase as found in the text. */
export interface PlacedPhrase {
  text: string;
  /** Offsets in the (cleaned) abstract, or null when the phrase is a default name not in the text. */
  start: number | null;
  end: number | null;
}

/** Words of change before a metric: "loss of top-1 accuracy", "reduction in accuracy". */
const CHANGE_BEFORE = /^(?:an?\s+)?(?:loss|losses|drop|drops|reduction|decrease|degradation|decline)\s+(?:of|in)\s+(?:the\s+)?/i;
/** "accuracy loss": a loss after a metric, where "loss" may also be the metric ("training loss"). */
const LOSS_AFTER = /\s+loss(?:es)?$/i;

/** Nouns of change that never name a metric ("loss" can: "training loss"). */
const CHANGE_ONLY_AFTER = /\s+(?:drops?|degradation|decreases?|reductions?|declines?)$/i;

/** "accuracy drop" → "accuracy", "fidelity degradation" → "fidelity": the change is the claim's value; its metric is what changed. */
export function withoutChangeWords(phrase: string): string {
  const bare = phrase.replace(CHANGE_ONLY_AFTER, '');
  if (bare !== phrase && bare.trim()) return bare;
  for (const pattern of [CHANGE_BEFORE, LOSS_AFTER]) {
    const rest = phrase.replace(pattern, '');
    if (rest !== phrase && rest.trim() && metricsIn(rest).some((m) => !m.vague)) return rest;
  }
  return phrase;
}

/**
 * "16x memory saving": the saving is the claim's value; what was saved is the
 * metric. "1.2x more energy efficient": the adjective names the measure
 * "energy efficiency".
 */
export function withoutSavingWord(phrase: string): string {
  return phrase.replace(/^(.*\S)\s+(?:savings?|reductions?)$/i, '$1').replace(/\befficient$/i, 'efficiency');
}

/** Plural metric heads an analyst filters on in the singular ("hallucination rates" → "hallucination rate"). */
const SINGULAR_OF: Record<string, string> = {
  accuracies: 'accuracy', rates: 'rate', errors: 'error', scores: 'score', sizes: 'size', counts: 'count',
  latencies: 'latency', perplexities: 'perplexity', throughputs: 'throughput',
};

/** "recognition accuracies" → "recognition accuracy"; counted resources ("parameters", "tokens") stay plural. */
export function singularHead(phrase: string): string {
  return phrase.replace(/([A-Za-z]+)$/, (w) => SINGULAR_OF[w.toLowerCase()] ?? w);
}

/**
 * "mAP scores": a metric abbreviation names its scores already (one "F1 score" is the metric's name as written).
 * A benchmark's scores ("MT-Bench scores") are named by both words, as "MT-Bench score" is.
 */
export function withoutScoreAfterAbbreviation(phrase: string): string {
  return phrase.replace(/^([A-Za-z0-9@-]*[A-Z][A-Za-z0-9@-]*)\s+scores$/, (whole, name: string) => (metricRow(name) ? name : whole));
}

/** "the number of parameters": the count is what is measured, and the text says so. */
export function withCountedNoun(phrase: string, text: string, at: PlacedPhrase): string {
  if (at.start == null || /^number of\b/i.test(phrase)) return phrase;
  return /\bnumber of\s+$/i.test(text.slice(Math.max(0, at.start - 12), at.start)) ? `number of ${phrase}` : phrase;
}

/**
 * "Average Precision (AP)", "mean absolute error (MAE)": the abbreviation the
 * text gives right after the name is part of it. Only an abbreviation whose
 * first letter starts the name: "(ours)" or "(Table 2)" are not.
 */
export function withAbbreviationAfter(phrase: string, text: string, at: PlacedPhrase): string {
  if (at.end == null || /\(/.test(phrase)) return phrase;
  const m = /^\s*\(([A-Z][A-Za-z0-9-]{0,8}[A-Z0-9])\)/.exec(text.slice(at.end, at.end + 16));
  if (!m || m[1][0].toLowerCase() !== phrase.trim()[0]?.toLowerCase()) return phrase;
  const capitals = m[1].replace(/[^A-Z]/g, '').length;
  return capitals >= 2 && capitals <= phrase.split(/[\s-]+/).length + 1 ? `${phrase} (${m[1]})` : phrase;
}

/** Activities a speed is measured in: "4.5x faster during inference" is inference speed. */
const SPEED_ACTIVITY = /^\s*(?:faster\s+|speed-?ups?\s+|acceleration\s+)?(?:during|for|in|at|on)\s+(training|inference|decoding|prefilling|generation|search|sampling|pre-?training|fine-?tuning)\b/i;

/** "1.5x faster convergence", "3x faster convolutional operations": up to three plain words right after "faster" name what got faster. */
const NOUN_AFTER_FASTER = /^\s*faster\s+((?:[a-z][a-z-]*[a-z]\s+){0,2}[a-z][a-z-]*[a-z])(?=\s*(?:[,;:.()]|$)|\s+(?:on|at|than|and|or|with|while|for|in|by|of|compared|over|across|under|using|without|when|as|to|from|is|are|was|were)\b)/;
/** Words after "faster" that name no activity: a comparison, a manner, a verb. */
const NOT_AN_ACTIVITY = /^(?:than|and|or|while|with|without|no|on|at|for|in|by|of|to|from|as|under|over|during|across|via|per|within|into|through|after|before|is|are|was|were|the|a|an|its|their|our|overall|speed|speeds|rate|rates|time|times|speedup|speedups|[a-z]+ly|[a-z]+ed)$/;

/** Verbs that name the activity they make faster: "trains 80% faster" is training speed. */
const ACTIVITY_OF_VERB: Record<string, string> = {
  train: 'training', trains: 'training', decode: 'decoding', decodes: 'decoding', generate: 'generation', generates: 'generation',
  converge: 'convergence', converges: 'convergence', infer: 'inference', infers: 'inference',
};
/** Qualifier words between a verb and its figure: "trains up to 3x faster", "speeds up decoding by about 2x". */
const QUALIFIER_LEAD = String.raw`up to\s+|about\s+|roughly\s+|nearly\s+|over\s+|more than\s+|around\s+`;
const VERB_BEFORE = new RegExp(String.raw`\b(${Object.keys(ACTIVITY_OF_VERB).join('|')})\s+(?:${QUALIFIER_LEAD})?$`, 'i');

/** "accelerates the prefill stage of X by 1.25x", "speeds up training by 2x": what is made faster, in plain lower-case words. */
const ACCELERATED = new RegExp(
  String.raw`\b(?:${SPEEDS_UP}|speeding\s+up)\s+(?:the\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)(?:\s+of\s+[^,;()]{1,60}?)?\s+by\s+(?:${QUALIFIER_LEAD}|a factor of\s+)?$`,
  'i',
);
/** Words that name a system or a pronoun, not an activity: "accelerates our model by 2x". */
const NOT_AN_ACTIVITY_NOUN = /^(?:it|them|this|these|our|their|its|model|models|method|methods|network|networks|system|systems|baseline|baselines|approach|framework|[a-z]+ly)$/;

/** "1.8x faster during training", "1.5x faster convergence", "trains 80% faster": a speed with no noun of its own takes the activity named around the figure. */
export function speedOfActivity(phrase: string, text: string, figure: { start: number; end: number }): string {
  if (phrase !== 'speed') return phrase;
  const after = text.slice(figure.end, figure.end + 60).replace(/^\s*(?:\$\s*)?\\times\s*\$?/, '');
  const m = SPEED_ACTIVITY.exec(after);
  if (m) return `${m[1].toLowerCase()} speed`;
  const noun = NOUN_AFTER_FASTER.exec(after);
  if (noun && !noun[1].split(/\s+/).some((w) => NOT_AN_ACTIVITY.test(w))) return `${noun[1]} speed`;
  const before = text.slice(Math.max(0, figure.start - 120), figure.start);
  const verb = VERB_BEFORE.exec(before);
  if (verb) return `${ACTIVITY_OF_VERB[verb[1].toLowerCase()]} speed`;
  const object = ACCELERATED.exec(before);
  return object && !object[1].split(/\s+/).some((w) => NOT_AN_ACTIVITY_NOUN.test(w)) ? `${object[1]} speed` : phrase;
}

/** Where a metric phrase named after a change word ends. */
const NAMED_PHRASE_END = /[,;:()[\]]|\.(?:\s|$)|\s(?:on|at|by|with|when|while|compared|over|than|across|for|from|to|and|in|of|under|using|without|as|which|that)\b|\s[+-]?\d/;

/**
 * "a 34% improvement in task completion rates", "an average fidelity
 * degradation of 0.85%": a change the text words as a noun names its metric
 * right after it ("in X") or right before it ("X degradation of").
 */
export function metricOfChangeNoun(text: string, figure: { start: number; end: number }): string | null {
  const after = /^\S*\s+(?:[a-z]+\s+){0,2}?(?:improvements?|increases?|gains?|boosts?|reductions?|decreases?|drops?)\s+in\s+(?:the\s+)?(?=[A-Za-z])/i.exec(text.slice(figure.end, figure.end + 60));
  if (after) {
    const rest = text.slice(figure.end + after[0].length, figure.end + after[0].length + 60);
    const stop = rest.search(NAMED_PHRASE_END);
    const words = (stop < 0 ? rest : rest.slice(0, stop)).trim().split(/\s+/);
    // "in a controlled setting", "in device control settings": where the change was measured, not what
    if (words.length && words.length <= 4 && !/^(?:an?|this|these|all|most|many|several)$/i.test(words[0]) && !/^(?:settings?|tasks?|datasets?|benchmarks?|experiments?|regimes?|scenarios?|domains?|cases?)$/i.test(words.at(-1)!)) return singularHead(words.join(' '));
  }
  const before = /(?:^|[\s(])((?:[a-z][\w-]+\s){1,3})(?:degradation|improvement|gain|drop|increase|decrease|reduction)s?\s+of\s+(?:about\s+|only\s+|up to\s+)?$/i.exec(text.slice(Math.max(0, figure.start - 60), figure.start));
  if (before) {
    const words = before[1].trim().split(/\s+/).filter((w) => !NOT_A_METRIC_WORD.test(w));
    // "yields an average improvement of 4%": a verb before the change names no metric
    const named = words.slice(words.findLastIndex((w) => VERB_OR_PRONOUN.test(w)) + 1);
    if (named.length) return named.join(' ');
  }
  return null;
}

/** Words before a change noun that name no metric: "an average", "a significant". */
const NOT_A_METRIC_WORD = /^(?:an?|the|average|mean|overall|significant|substantial|notable|slight|small|large|consistent|absolute|relative|with|and|of|in|on|for|to|at|by|only|marginal|negligible|minimal)$/i;

/** Nouns that head a measured quantity: "inference times below 50 ms", "search time (7 hours)", "storage requirement from 1.7 MB to". */
const MEASURE_HEADS = 'times?|latency|latencies|runtime|run time|size|requirements?|memory|footprint|speed|throughput|duration|overhead|time-to-[a-z-]+|ttft|tpot|makespan';

const MEASURE_BEFORE = new RegExp(
  String.raw`((?:[a-z][\w-]*\s+){0,2}(?:${MEASURE_HEADS}))\s*(?:\(\s*|of\s+|is\s+|was\s+|are\s+|below\s+|under\s+|within\s+|around\s+|about\s+|at\s+|to\s+|in\s+|(?:less|more|lower|fewer)\s+than\s+|(?:only|just|merely)\s+|(?:drops|falls|decreases|shrinks|goes|is\s+reduced|was\s+reduced)\s+|from\s+\S+(?:\s\S+)?\s+to\s+)*$`,
  'i',
);

/** Words before a measure noun that are no part of its name. */
const NOT_MEASURE_WORD = /^(?:a|an|the|with|and|of|in|our|its|their|significantly|reduced|lower|higher|low|high|total|average|mean|only)$/i;

/** Words that end a metric's name on its left: pronouns, and verb forms and adverbs ("reduces", "improved", "greatly"). */
const VERB_OR_PRONOUN = /^(?:it|this|that|we|they|which|these|those|[a-z]+(?:s|ed|ly))$/i;

/** "with inference times below 50 ms": a measurement named by the measure noun just before it (its unit alone says only "time"). */
export function measureNamedBefore(text: string, figure: { start: number }): string | null {
  const m = MEASURE_BEFORE.exec(text.slice(Math.max(0, figure.start - 70), figure.start));
  if (!m) return null;
  const words = m[1].trim().split(/\s+/);
  // the nouns nearest the head name it ("decoding latency"); a verb or pronoun before them does not ("it reduces latency")
  let from = words.length - 1;
  while (from > 0 && !NOT_MEASURE_WORD.test(words[from - 1]) && !VERB_OR_PRONOUN.test(words[from - 1])) from--;
  const name = singularHead(words.slice(from).join(' ').replace(/\btimes$/i, 'time'));
  return NOT_MEASURE_WORD.test(name) ? null : name;
}

/** "per page", "/token", "per output token": up to two words after a figure that say what it is counted per. */
const PER = /^\s*(?:\/\s?|per\s+)([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;
/** Words that end the denominator ("per page on a T4"), and units of time, which are the unit's own ("tokens per second"). */
const NOT_PER_WORD = /^(?:on|in|at|with|for|and|or|of|to|by|from|while|when|than|the|a|an|compared|versus|vs)$/i;
const TIME_UNIT = /^(?:s|secs?|seconds?|ms|min|mins|minutes?|h|hrs?|hours?|days?)$/i;

/** What a measurement is counted per, as written after it, or null. */
export function perDenominator(text: string, end: number): string | null {
  const m = PER.exec(text.slice(end, end + 40));
  if (!m) return null;
  const words = m[1].split(/\s+/);
  const stop = words.findIndex((w) => NOT_PER_WORD.test(w));
  const kept = stop < 0 ? words : words.slice(0, stop);
  return kept.length && !TIME_UNIT.test(kept[0]) ? kept.join(' ') : null;
}

/** Words before a metric that judge its value rather than name it: "minimal overhead", "lesser inference latency", "extra FLOPs". */
const JUDGEMENT = /^(?:lesser|minimal|minor|negligible|marginal|slight|extra|additional|substantial|significant|considerable|remarkable|notable|impressive|best|strong|competitive|superior|excellent|state-of-the-art|non-zero|just|merely|only|roughly|approximately|about|around|nearly)\s+(?=\S)/i;

/** "93.6% top-1": a top-k cut named alone is the accuracy at that cut. */
const TOP_K_ALONE = /^top-?\d+$/i;

/** A metric without the words that judge it, and without a closing parenthesis it never opened ("(70.97% top-1) accuracy"). */
export function withoutJudgement(metric: string): string {
  let name = metric;
  while (JUDGEMENT.test(name)) name = name.replace(JUDGEMENT, '');
  return withoutUnopenedParentheses(name);
}

/** "top-1" alone names the accuracy at that cut: "top-1 accuracy". */
export function accuracyOfTopK(metric: string): string {
  return TOP_K_ALONE.test(metric) ? `${metric} accuracy` : metric;
}

/**
 * "99.2% of the original BERT performance" with baseline "original BERT":
 * the reference's name belongs to the baseline, the metric is what is
 * measured of it ("performance"). Only a metric that opens with the whole
 * baseline loses it, and never all of its words ("KV cache" against the
 * "KV cache" stays).
 */
export function withoutReferenceName(metric: string | null, baseline: string | null): string | null {
  if (!metric || !baseline) return metric;
  const m = metric.toLowerCase();
  const b = baseline.toLowerCase();
  return m.startsWith(`${b} `) || m.startsWith(`${b}'s `) ? metric.slice(metric.indexOf(' ', b.length) + 1) : metric;
}

/** A phrase cut from inside a parenthesis loses the closing parentheses it never opened: "(+2.1 over the baseline)" -> "baseline". */
export function withoutUnopenedParentheses(phrase: string): string {
  if (!phrase.includes(')')) return phrase;
  let depth = 0;
  let kept = '';
  for (const ch of phrase) {
    if (ch === ')' && depth === 0) continue;
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    kept += ch;
  }
  return kept.replace(/\s+/g, ' ').trim();
}

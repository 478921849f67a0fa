// Baselines named without a comparison word: the system a result is a share
// of ("99% of the original model's accuracy"), the system whose measure is cut
// ("the latency of the original kernel ... by 5x"), the object of "improves X
// by N", and a phrase that calls itself a baseline. Each is a class of
// wording, read from the sentence text around the figure.
import { metricIsGeneric, metricsIn } from '@claimflow/units';
import { SPEEDS_UP } from '../phrasing.js';

/** Adjectives that mark a reference system: "the original model", "dense training", "prior work". */
export const REFERENCE_ADJECTIVES = [
  'original', 'baseline', 'vanilla', 'standard', 'dense', 'full', 'full-precision', 'unpruned', 'uncompressed', 'conventional',
  'existing', 'previous', 'prior', 'state-of-the-art', 'teacher', 'base', 'default', 'naive', 'traditional', 'current',
];

/** Nouns that name a method or system (the head of "improves prior work by 2%"), not a metric. */
export const SYSTEM_NOUNS = [
  'work', 'works', 'method', 'methods', 'model', 'models', 'approach', 'approaches', 'baseline', 'baselines', 'system', 'systems',
  'technique', 'techniques', 'algorithm', 'algorithms', 'pipeline', 'pipelines', 'framework', 'frameworks', 'network', 'networks',
  'distillation', 'training', 'fine-tuning', 'decoding', 'implementation', 'implementations', 'solution', 'solutions', 'state-of-the-art',
];

const ADJECTIVE = new RegExp(String.raw`^(?:${REFERENCE_ADJECTIVES.join('|')})\b`, 'i');
const SYSTEM_HEAD = new RegExp(String.raw`\b(?:${SYSTEM_NOUNS.join('|')})$`, 'i');
/** A name as the phrase's first word: a capitalized word, or one with a capital or digit inside ("VGG-16", "GLFFNet", "mT5"). */
const NAME = /^(?:[A-Z]|[a-z][\w.-]*[A-Z0-9])/;

/** Where a reference phrase ends: punctuation, a clause or setting word, a figure. */
const PHRASE_END = /[,;:()[\]]|\.(?:\s|$)|\s(?:on|at|by|in|for|while|when|where|which|with|without|across|under|using|during|and\s+(?:is|are|has|have|achiev\w*|reduc\w*|improv\w*|maintain\w*|requir\w*))\b|\s[+-]?\d/;

/**
 * A noun phrase that names a system: "prior work", "knowledge distillation",
 * "original BERT", "XLM-R and MiniLM". It starts with a reference adjective,
 * or ends in a system noun, or is a name throughout; "GPU memory" or
 * "OOD generalization" (a name modifying a measure) are not systems.
 */
export function namesSystem(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (!words[0] || !/[A-Za-z]{2}/.test(phrase)) return false;
  const last = words.at(-1)!;
  if (ADJECTIVE.test(words[0]) || SYSTEM_HEAD.test(last)) return true;
  return NAME.test(words[0]) && NAME.test(last);
}

/** The phrase up to where it ends, without determiners at its start or metric words at its end. */
function referencePhrase(rest: string): string {
  const stop = rest.search(PHRASE_END);
  let p = (stop < 0 ? rest : rest.slice(0, stop)).replace(/\s+/g, ' ').trim();
  p = p.replace(/^(?:the|a|an)\s+/i, '').replace(/'s\b.*$/, '');
  p = withoutTrailingMetric(p);
  return p.split(' ').slice(0, 8).join(' ');
}

/** "original BERT performance" → "original BERT": the measure belongs to the claim's metric. */
function withoutTrailingMetric(p: string): string {
  const words = p.split(' ');
  while (words.length > 1 && metricsIn(words.at(-1)!).length) words.pop();
  return words.join(' ');
}

/**
 * "99.2% of the original BERT performance", "14.7% of its FLOPs" (after
 * "99.9% of GLFFNet's mIoU"), "to around 3% of the original": the figure is a
 * share of the reference system's measure.
 */
export function shareOwner(after: string, before: string): string | null {
  const m = /^\s*of\s+(?=\S)/.exec(after);
  if (!m) return null;
  const rest = after.slice(m[0].length);
  if (/^(?:its|their)\b/i.test(rest)) return possessorBefore(before); // "of its FLOPs": the system named before
  const possessive = /^(?:the\s+)?([\w.-]*[A-Z0-9][\w.-]*)'s\b/.exec(rest);
  if (possessive) return possessive[1];
  const phrase = referencePhrase(rest);
  return phrase && namesSystem(phrase) && !metricsIn(phrase).length ? phrase : null;
}

/** The last system named as an owner earlier in the sentence: "of GLFFNet's mIoU", "of the original model". */
function possessorBefore(before: string): string | null {
  const owners = [...before.matchAll(/\bof\s+(?:the\s+)?([\w.-]*[A-Z0-9][\w.-]*)'s\b/g)];
  return owners.at(-1)?.[1] ?? null;
}

/**
 * "slashes the gradient aggregation time of the original RAR by more than 5x",
 * "compress the size of XLM-R and MiniLM by more than 50%": the system whose
 * measure the figure cuts, named after "of" before "by".
 */
export function ownerOfMeasureCut(before: string): string | null {
  const m = /\bof\s+((?:the\s+)?[^,;:()]{2,60}?)\s+(?:(?:can|could|is|are|was|were)\s+(?:be\s+)?)?(?:\w+(?:ed|en)\s+|cut\s+)?by\s+(?:\S+\s+){0,3}$/i.exec(before);
  if (!m) return null;
  return wholeReference(m[1]);
}

/** A reference the text names in full: the phrase is not cut by a clause or setting word, and is no metric. */
function wholeReference(np: string): string | null {
  const bare = np.replace(/\s+/g, ' ').trim().replace(/^(?:the|a|an)\s+/i, '');
  if (bare.search(PHRASE_END) >= 0 || bare.split(' ').length > 7) return null;
  const phrase = referencePhrase(bare + ' by');
  return phrase && namesSystem(phrase) && !metricsIn(phrase).some((r) => !r.vague) ? phrase : null;
}

/**
 * "improves prior work by 1.2%", "we improve the state-of-the-art by 2.6%",
 * "improves the zero-shot performance of ModelX by 5%": the object improved
 * is the system compared, unless it is a metric ("improves accuracy by 2%").
 */
export function objectImproved(before: string): string | null {
  const m = /\b(?:improv|boost|enhanc|advanc)\w*\s+(?:upon\s+|on\s+|over\s+)?((?:the\s+|a\s+|an\s+)?[^,;:()]{2,80}?)\s+by\s+(?:\S+\s+){0,3}$/i.exec(before);
  if (!m) return null;
  let object = m[1];
  const of = /\sof\s+(.+)$/i.exec(object); // "the X performance of ModelY": the system is after "of"
  if (of && metricsIn(object.slice(0, of.index)).length) object = of[1];
  // "improves the MT-Bench score by 0.4": a score with no scale of its own is named by what it scores, a benchmark,
  // not by a system compared against ("the ResNet-50 accuracy", "the NeuralTalk BLEU score" name one)
  else if (metricIsGeneric(object)) return null;
  return wholeReference(object);
}

/** Verbs that shrink or speed up a named model: the model before the work is what the figure compares against. */
const MADE_SMALLER_OR_FASTER = String.raw`(?:compress(?:es|ed|ing)?|prun(?:es|ed|ing|e)|quantiz(?:es|ed|ing|e)|sparsif(?:ies|ied|ying|y)|binariz(?:es|ed|ing|e)|${SPEEDS_UP})`;
/** A model's name: a word with a digit ("VGG-16", "GPT-2") or capitals inside ("AlexNet"). */
const MODEL_NAME = String.raw`[A-Za-z][\w.-]*\d[\w.-]*|[A-Z][\w.-]*[A-Z][\w.-]*`;
const MODEL_MADE_SMALLER = new RegExp(String.raw`\b${MADE_SMALLER_OR_FASTER}\s+(?:the\s+)?(${MODEL_NAME})\s+by\s+(?:\S+\s+){0,3}$`);
/** "reduce inference costs for VGG-16 by up to 34%": the named model a cost is cut for. */
const MODEL_COST_CUT = new RegExp(String.raw`\b(?:reduc\w*|cut\w*|lower\w*|sav\w*|shrink\w*)\s+[^,;:()]{1,40}?\s+(?:for|of)\s+(?:the\s+)?(${MODEL_NAME})\s+by\s+(?:\S+\s+){0,3}$`);
/** "compresses AlexNet by 51-fold and GoogLeNet by 10-fold": a later model of the run, after a verb of shrinking earlier in the sentence. */
const MADE_SMALLER_BEFORE = new RegExp(String.raw`\b${MADE_SMALLER_OR_FASTER}\s`);
const NEXT_MODEL = new RegExp(String.raw`(?:,|\band)\s+(?:the\s+)?(${MODEL_NAME})\s+by\s+(?:\S+\s+){0,3}$`);

/**
 * "compresses AlexNet by 51-fold", "prunes ResNet-56 by 40%", "reduce
 * inference costs for VGG-16 by up to 34%": the model the work made smaller or
 * faster, named right before "by", is what the figure compares against. Only
 * a name (with a digit or inner capitals) counts: "compresses the cache by 4x"
 * names no system.
 */
export function modelMadeSmaller(before: string): string | null {
  const named = (MODEL_MADE_SMALLER.exec(before) ?? MODEL_COST_CUT.exec(before))?.[1];
  if (named) return named;
  // "compresses AlexNet by 51-fold and GoogLeNet by 10-fold": each later model of the run is named before its own "by"
  return MADE_SMALLER_BEFORE.test(before) ? (NEXT_MODEL.exec(before)?.[1] ?? null) : null;
}

/** "for the Llama-1B baseline,", "even our simple baseline performs ...": a phrase that calls itself the baseline. */
export function selfNamedBaseline(before: string): string | null {
  const m = [...before.matchAll(/\b((?:our|the|a)\s+)?((?:[\w.-]+\s+){0,2}?)baselines?\b/gi)].at(-1);
  if (!m) return null;
  const words = m[2].trim().split(/\s+/).filter(Boolean);
  while (words.length && /^(?:for|in|on|at|from|by|as)$/i.test(words[0])) words.shift(); // "for the X baseline"
  // "than the baseline" is a comparison (read elsewhere); "several baselines" names no one system; a verb starts no name
  if (!words.length || words.some((w) => NOT_IN_A_BASELINE_NAME.test(w))) return null;
  return `${/^our\s/i.test(m[1] ?? '') ? 'our ' : ''}${words.join(' ')} ${/baselines$/i.test(m[0]) ? 'baselines' : 'baseline'}`;
}

const NOT_IN_A_BASELINE_NAME = /^(?:than|over|to|with|against|of|all|strong|several|many|other|existing|competitive|various|multiple|\w+s)$/i;

// Tidying a metric phrase into the name an analyst filters on. Each rule is
// one class of wording around a metric name; the phrase's position in the
// text lets the rules read the words just before and after it.
import { metricsIn } from '@claimflow/units';

/** A metric phrase as found in the text. */
export interface PlacedPhrase {
  text: string;
  /** Offsets in the (cleaned) abstract, or null when the phrase is a default name not in the text. */
  start: number | null;
  end: number | null;
}

/** Words of change before a metric: "loss of top-1 accuracy", "reduction in accuracy". */
const CHANGE_BEFORE = /^(?:an?\s+)?(?:loss|losses|drop|drops|reduction|decrease|degradation|decline)\s+(?:of|in)\s+(?:the\s+)?/i;
/** Words of change after a metric: "accuracy drop", "accuracy loss". */
const CHANGE_AFTER = /\s+(?:loss|losses|drop|drops|degradation|decrease|reduction|decline)$/i;

/** "accuracy drop" → "accuracy": the change is the claim's value; its metric is what changed (only when a metric remains). */
export function withoutChangeWords(phrase: string): string {
  for (const pattern of [CHANGE_BEFORE, CHANGE_AFTER]) {
    const rest = phrase.replace(pattern, '');
    if (rest !== phrase && rest.trim() && metricsIn(rest).some((m) => !m.vague)) return rest;
  }
  return phrase;
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

/** "mAP scores", "BLEU score": a metric abbreviation names the score already. */
export function withoutScoreAfterAbbreviation(phrase: string): string {
  return phrase.replace(/^([A-Za-z0-9@-]*[A-Z][A-Za-z0-9@-]*)\s+scores?$/, '$1');
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
const SPEED_ACTIVITY = /^\s*(?:faster\s+|speed-?ups?\s+|acceleration\s+)?(?:during|for|in|at)\s+(training|inference|decoding|prefilling|generation|search|sampling|pre-?training|fine-?tuning)\b/i;

/** "1.8x faster during training": a speed with no noun of its own takes the activity named after the figure. */
export function speedOfActivity(phrase: string, text: string, quantityEnd: number): string {
  if (phrase !== 'speed') return phrase;
  const m = SPEED_ACTIVITY.exec(text.slice(quantityEnd, quantityEnd + 40));
  return m ? `${m[1].toLowerCase()} speed` : phrase;
}

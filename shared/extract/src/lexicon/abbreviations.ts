// Abbreviations an abstract defines for its metrics: "Attack Success Rate
// (ASR)", "word error rate (WER)". The short form means what the long form's
// metric means, so "a 15% reduction in ASR" is read as a lower-is-better rate.
import { CUES } from './cues.js';
import { tagCues, type CueHit } from './nlp.js';

/** The short form in parentheses; the long form is read back from it (scanning for it at every offset is slow). */
const SHORT_FORM = /\(\s*([A-Z][A-Za-z0-9&-]{1,7})\s*\)/g;
/** A word a long form is made of. */
const LONG_FORM_WORD = /^[A-Za-z][\w-]*$/;

/** One to five words right before the parenthesis (read backwards: a regex anchored at the end tries every offset). */
function longFormBefore(text: string): string | undefined {
  const words = text.trimEnd().split(/\s+/);
  let n = 0;
  while (n < 5 && n < words.length && LONG_FORM_WORD.test(words[words.length - 1 - n])) n++;
  if (!n) return undefined;
  return words.slice(words.length - n).join(' ');
}

/**
 * Last words of the quality-metric cue phrases ("rate" of "error rate", "score" of "F1-score"), singular:
 * a long form that ends in none of them cannot end in a metric cue, and is not tagged at all.
 */
const singular = (w: string) => w.toLowerCase().replace(/s$/, '');
const METRIC_LAST_WORDS = new Set(CUES.QualityMetric.map((m) => singular(m.split(/[\s-]+/).at(-1)!)));
const mayEndInMetric = (long: string) => METRIC_LAST_WORDS.has(singular(long.split(/[\s-]+/).at(-1)!));

/** Short form → the cue of its long form, with the long form as its normal text. */
export type Abbreviations = Map<string, Pick<CueHit, 'tag' | 'normal' | 'longForm'> & { pattern: RegExp }>;

export function definedAbbreviations(text: string): Abbreviations {
  const found: Abbreviations = new Map();
  if (!text.includes('(')) return found;
  SHORT_FORM.lastIndex = 0;
  for (let m = SHORT_FORM.exec(text); m; m = SHORT_FORM.exec(text)) {
    const short = m[1];
    const long = longFormBefore(text.slice(Math.max(0, m.index - 80), m.index));
    if (!long || !mayEndInMetric(long)) continue;
    // the long form's last cue, if it ends the long form and names a quality metric, is what the short form names;
    // other long forms are names of methods ("Mixture of Experts (MoE)") whose short form measures nothing
    const last = tagCues(long, 0).at(-1);
    if (!last || last.tag !== 'QualityMetric' || last.end < long.length - 1 || found.has(short)) continue;
    // the short form's pattern is built once per abstract, not once per sentence
    const pattern = new RegExp(String.raw`(?<![\w-])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\w-])`, 'g');
    found.set(short, { tag: last.tag, normal: last.normal, longForm: long.slice(last.start).trim(), pattern });
  }
  return found;
}

/** The sentence's cues with every defined short form added where it stands untagged. */
export function withAbbreviations(cues: CueHit[], sentence: string, offset: number, abbreviations: Abbreviations): CueHit[] {
  if (!abbreviations.size) return cues;
  const added: CueHit[] = [];
  for (const [short, cue] of abbreviations) {
    const { pattern } = cue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const start = offset + m.index;
      const end = start + short.length;
      if (cues.some((c) => c.start < end && start < c.end)) continue;
      added.push({ tag: cue.tag, start, end, normal: cue.normal, longForm: cue.longForm });
    }
  }
  return added.length ? [...cues, ...added].sort((a, b) => a.start - b.start) : cues;
}

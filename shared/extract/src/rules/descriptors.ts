// Cue words that describe a model rather than measure a result.
import type { CueHit } from '../lexicon/nlp.js';

/**
 * "our 14B-parameter model", "a 350M-param encoder", "a 4-bit model": a
 * resource noun fused by a hyphen to a figure names which model is meant, so
 * it is no cue for the claims of the sentence ("outperforms X by 4%" stays a
 * quality claim).
 */
const FUSED_TO_FIGURE = /\d(?:\.\d+)?\s?[KMBT]?-$/;

export function withoutModelDescriptors(cues: CueHit[], sentence: string, offset: number): CueHit[] {
  return cues.filter((c) => !(c.tag === 'EffResource' && FUSED_TO_FIGURE.test(sentence.slice(Math.max(0, c.start - offset - 8), c.start - offset))));
}

/**
 * "higher than Length Adaptive Transformer", "Dense Passage Retrieval": a
 * capitalized cue word inside a sentence, followed by another capitalized
 * word, is part of a name. Metric names stay ("Attack Success Rate", "Average
 * Precision" are what is measured).
 */
export function withoutNameWords(cues: CueHit[], sentence: string, offset: number): CueHit[] {
  return cues.filter((c) => {
    if (c.tag === 'QualityMetric') return true;
    const at = c.start - offset;
    const word = sentence.slice(at, c.end - offset);
    return !(/^[A-Z][a-z]+$/.test(word) && /\S/.test(sentence.slice(0, at)) && /^\s+[A-Z][\w-]*/.test(sentence.slice(c.end - offset)));
  });
}

/** The cues that can speak of a result: without model descriptors and words inside names. */
export function resultCues(cues: CueHit[], sentence: string, offset: number): CueHit[] {
  return withoutNameWords(withoutModelDescriptors(cues, sentence, offset), sentence, offset);
}

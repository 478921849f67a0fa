// The extractor's compromise is its own instance: a process that also uses
// full compromise (the benchmark compares against it) must not change our cues.
import { describe, expect, it } from 'vitest';
import { tagCues } from '../src/lexicon/nlp.js';

const SENTENCE = 'Our kernel cuts peak memory by 40% and is 3x faster than the baseline, at the same top-1 accuracy.';

describe('cue tagging instance', () => {
  it('gives the same cues after full compromise is loaded and used in the process', async () => {
    const before = tagCues(SENTENCE, 0);
    const { default: full } = await import('compromise');
    full('The new model runs three times faster and saves half the memory.').numbers().get();
    expect(tagCues(SENTENCE, 0)).toEqual(before);
    expect(before.map((c) => c.tag)).toContain('Faster');
  });
});

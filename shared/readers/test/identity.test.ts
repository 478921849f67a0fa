import { describe, expect, it } from 'vitest';
import { canonicalText, claimIdFor, paperIdFor } from '../src/index.js';

describe('paper identity', () => {
  it('is the given id when there is one', () => {
    expect(paperIdFor('arxiv-1', 'T', 'A')).toBe('arxiv-1');
  });
  it('is stable across whitespace, case and unicode compatibility forms', () => {
    const a = paperIdFor(undefined, 'Fast  Attention', 'It is 3× faster.');
    expect(paperIdFor(undefined, 'fast attention ', 'It  is 3× faster.\n')).toBe(a);
    expect(paperIdFor(undefined, 'Ｆａｓｔ attention', 'it is 3× faster.')).toBe(a);
  });
  it('differs when the text differs', () => {
    expect(paperIdFor(undefined, 'T', 'It is 3x faster.')).not.toBe(paperIdFor(undefined, 'T', 'It is 4x faster.'));
    expect(paperIdFor(undefined, 'T1', 'A')).not.toBe(paperIdFor(undefined, 'T2', 'A'));
  });
  it('canonicalText folds only what does not change meaning', () => {
    expect(canonicalText(' A\u00a0B\tC ')).toBe('a b c');
  });
});

describe('claim identity', () => {
  it('depends on paper, span and kind only', () => {
    const id = claimIdFor('p', [3, 7], 'speedup');
    expect(claimIdFor('p', [3, 7], 'speedup')).toBe(id);
    expect(claimIdFor('p', [3, 8], 'speedup')).not.toBe(id);
    expect(claimIdFor('q', [3, 7], 'speedup')).not.toBe(id);
    expect(claimIdFor('p', [3, 7], 'efficiency')).not.toBe(id);
  });
});

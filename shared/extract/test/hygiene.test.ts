import { describe, expect, it } from 'vitest';
import { extractClaims, extractDrafts } from '../src/index.js';
import { cleanText } from '../src/text/hygiene.js';
import { splitSentences } from '../src/text/sentences.js';

describe('text hygiene', () => {
  it('replaces look-alikes one for one', () => {
    const text = '3\u00d7 faster, \u22122%, 5\u2009ms, \u2248 4x, 10\u00a0%';
    const clean = cleanText(text);
    expect(clean.text).toHaveLength(text.length);
    expect(clean.text).toBe('3x faster, -2%, 5 ms, ~ 4x, 10 %');
    expect(clean.span(0, 2)).toEqual([0, 2]);
  });

  it('spans index the original text', () => {
    const text = 'We present a kernel. It is 2.5\u00d7 faster and uses 40\u2009% less memory (\u2248 3\u00d7 fewer FLOPs).';
    const claims = extractClaims('p', text);
    expect(claims.map((c) => c.text)).toEqual(['2.5\u00d7', '40\u2009%', '3\u00d7']);
    for (const c of claims) expect(text.slice(c.span[0], c.span[1])).toBe(c.text);
    expect(claims[2].qualifier).toBe('approximate');
  });

  it('keeps UTF-16 offsets after astral characters', () => {
    const text = 'We present \u{1F680} a kernel. It is 3x faster.';
    const [c] = extractClaims('p', text);
    expect(text.slice(c.span[0], c.span[1])).toBe('3x');
  });

  it('reads a unicode minus as a sign', () => {
    const [c] = extractClaims('p', 'We present a model. Its accuracy changes by \u22121.5% only.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: -1.5 });
  });

  it('does not split sentences at abbreviations or decimals', () => {
    const s = splitSentences('We compare to Smith et al. and see a 2.5x gain, e.g. on GPUs. Next we test.');
    expect(s).toHaveLength(2);
  });

  it('returns drafts sorted by span start and is pure', () => {
    const text = 'We present a model. It is 3x faster and 20% smaller, with 1.2% higher accuracy.';
    const a = extractDrafts(text);
    expect(a.map((d) => d.span[0])).toEqual([...a.map((d) => d.span[0])].sort((x, y) => x - y));
    expect(extractDrafts(text)).toEqual(a);
  });

  it('copes with empty and number-free text', () => {
    expect(extractDrafts('')).toEqual([]);
    expect(extractDrafts('We study attention. Nothing is measured here.')).toEqual([]);
  });
});


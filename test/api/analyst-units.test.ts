import { BadQueryError, csvField, decodeCursor, encodeCursor, evidenceFor, likePattern } from '@claimflow/analyst';
import { ClaimQuery } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';

describe('the analyst helpers', () => {
  it('round-trips cursors and refuses one from another sort', () => {
    const keys = [
      { sort: 'value', value: 3.25, id: 'a' },
      { sort: 'value', value: null, id: 'b' },
      { sort: 'paper', paperId: 'p:1/2', spanStart: 17, id: 'c' },
      { sort: 'recent', createdAt: '2026-11-29 09:15:38.861234+00', id: 'd' },
    ] as const;
    for (const key of keys) expect(decodeCursor(encodeCursor(key), key.sort)).toEqual(key);
    expect(() => decodeCursor(encodeCursor(keys[0]), 'paper')).toThrow(BadQueryError);
    expect(() => decodeCursor('!!!', 'value')).toThrow(/cursor/);
  });

  it('finds the claim in its sentence, nearest the span when the text repeats', () => {
    const sentence = 'It is 2x faster and 2x smaller.';
    expect(evidenceFor(sentence, '2x', 20)).toEqual({ sentence, highlight: [20, 22] });
    expect(evidenceFor(sentence, '2x', 5)).toEqual({ sentence, highlight: [6, 8] });
    expect(evidenceFor(sentence, '9x', 5)).toEqual({ sentence, highlight: null });
    expect(evidenceFor(null, '2x', 0)).toBeNull();
  });

  it('quotes CSV fields only when needed', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
  });

  it('takes LIKE wildcards literally', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('parses query strings with defaults and refuses empty numbers', () => {
    expect(ClaimQuery.parse({})).toEqual({ sort: 'value', limit: 100 });
    expect(ClaimQuery.parse({ min: '1e3', max: ' 2000 ' })).toMatchObject({ min: 1000, max: 2000 });
    expect(ClaimQuery.safeParse({ min: '' }).success).toBe(false);
    expect(ClaimQuery.safeParse({ min: 'Infinity' }).success).toBe(false);
  });
});

describe('paper source links', () => {
  it('takes an http(s) url, an arXiv id or a DOI from the metadata, and nothing else', async () => {
    const { sourceUrl } = await import('@claimflow/analyst');
    expect(sourceUrl({ url: 'https://example.org/p' })).toBe('https://example.org/p');
    expect(sourceUrl({ arxiv: 'arXiv:2307.08691v2' })).toBe('https://arxiv.org/abs/2307.08691v2');
    expect(sourceUrl({}, '2205.14135')).toBe('https://arxiv.org/abs/2205.14135');
    expect(sourceUrl({ doi: '10.1145/3458817.3476209' })).toBe('https://doi.org/10.1145/3458817.3476209');
    expect(sourceUrl({ url: 'javascript:alert(1)' })).toBeNull();
    expect(sourceUrl({ url: 'data:text/html,hi', doi: 'not a doi' })).toBeNull();
    expect(sourceUrl(null, 'seed-001')).toBeNull();
  });
});

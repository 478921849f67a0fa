import type { ClaimDraft } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { normalizeDraft, toClaimRecord } from '../src/index.js';

function draft(kind: ClaimDraft['kind'], raw: Partial<ClaimDraft['raw']>, metric: string | null = null): ClaimDraft {
  return {
    kind, span: [0, 1], text: 'x', qualifier: 'exact', metric, baseline: null, setting: null, sentence: null,
    raw: { value: null, low: null, high: null, unit: 'x', relation: 'factor', ...raw },
  };
}

describe('factors (speedup, efficiency)', () => {
  it('keeps a written factor as is', () => {
    expect(normalizeDraft(draft('speedup', { value: 3, unit: 'x' }))).toEqual({ value: 3, low: null, high: null, unit: 'x' });
    expect(normalizeDraft(draft('efficiency', { value: 4, unit: 'fold' }))?.value).toBe(4);
  });
  it('reads orders of magnitude as powers of ten', () => {
    expect(normalizeDraft(draft('speedup', { value: 2, unit: 'orders of magnitude' }))?.value).toBe(100);
    expect(normalizeDraft(draft('speedup', { value: 1, unit: 'orders of magnitude' }))?.value).toBe(10);
  });
  it('turns getting worse into a factor below 1', () => {
    expect(normalizeDraft(draft('speedup', { value: 4, relation: 'factor-worse' }))?.value).toBe(0.25);
    expect(normalizeDraft(draft('speedup', { value: 25, unit: '%', relation: 'costlier' }))?.value).toBe(0.8);
  });
  it('converts percentages by their relation', () => {
    expect(normalizeDraft(draft('speedup', { value: 15, unit: '%', relation: 'more' }))?.value).toBeCloseTo(1.15);
    expect(normalizeDraft(draft('efficiency', { value: 50, unit: '%', relation: 'less' }))?.value).toBe(2);
    expect(normalizeDraft(draft('efficiency', { value: 2.5, unit: '%', relation: 'to-share' }))?.value).toBe(40);
    expect(normalizeDraft(draft('efficiency', { value: 0.75, unit: '', relation: 'fraction-less' }))?.value).toBe(4);
  });
  it('orders a range low ≤ high after normalization', () => {
    const n = normalizeDraft(draft('efficiency', { low: 50, high: 100, unit: '%', relation: 'costlier' }));
    expect(n).toEqual({ value: null, low: 0.5, high: 0.6666666667, unit: 'x' });
  });
});

describe('quality', () => {
  it('uses pp for percent-scale metrics and % only when relative', () => {
    expect(normalizeDraft(draft('quality_delta', { value: 2, unit: '%', relation: 'gain' }, 'accuracy'))?.unit).toBe('pp');
    expect(normalizeDraft(draft('quality_delta', { value: 2, unit: '%', relation: 'gain-relative' }, 'accuracy'))?.unit).toBe('%');
    expect(normalizeDraft(draft('quality_delta', { value: 2, unit: 'points', relation: 'gain' }, 'BLEU'))?.unit).toBe('pp');
    // a factor on a quality metric is a relative change in %, however the factor is written ("doubles", "twice", "2x")
    expect(normalizeDraft(draft('quality_delta', { value: 2, unit: 'doubles', relation: 'relative-factor' }, 'success rate'))).toMatchObject({ value: 100, unit: '%' });
    expect(normalizeDraft(draft('quality_delta', { value: 2, unit: 'x', relation: 'relative-factor' }, 'fooling rate'))).toMatchObject({ value: 100, unit: '%' });
  });
  it('uses abs for metrics on their own scale, signed by better or worse', () => {
    expect(normalizeDraft(draft('quality_delta', { value: 0.7, unit: '', relation: 'gain' }, 'perplexity'))).toMatchObject({ value: 0.7, unit: 'abs' });
    expect(normalizeDraft(draft('quality_delta', { value: 1.5, unit: 'points', relation: 'drop' }, 'FID'))).toMatchObject({ value: -1.5, unit: 'abs' });
    expect(normalizeDraft(draft('quality_delta', { value: 4, unit: '%', relation: 'gain' }, 'MAE'))?.unit).toBe('%');
  });
  it('reads a percent change of a measure no metric row knows as relative, an unnamed one as points', () => {
    expect(normalizeDraft(draft('quality_delta', { value: 35, unit: '%', relation: 'gain' }, 'OOD generalization'))?.unit).toBe('%');
    expect(normalizeDraft(draft('quality_delta', { value: 3, unit: '%', relation: 'gain' }, 'performance'))?.unit).toBe('pp');
    expect(normalizeDraft(draft('quality_delta', { value: 3, unit: '%', relation: 'gain' }, null))?.unit).toBe('pp');
  });
  it('knows a metric cut at k', () => {
    expect(normalizeDraft(draft('quality_delta', { value: 0.3, unit: '%', relation: 'drop' }, 'recall@50'))).toMatchObject({ value: -0.3, unit: 'pp' });
  });
  it('reads "within" and "retains" as bounded losses', () => {
    expect(normalizeDraft(draft('quality_delta', { value: 1.2, unit: '%', relation: 'within' }, 'accuracy'))?.value).toBe(-1.2);
    expect(normalizeDraft(draft('quality_delta', { value: 99.5, unit: '%', relation: 'within' }, 'accuracy'))?.value).toBe(-0.5);
    expect(normalizeDraft(draft('quality_delta', { value: 97, unit: '%', relation: 'retains' }, 'accuracy'))?.value).toBe(-3);
  });
  it('reads a relative factor gain as percent', () => {
    expect(normalizeDraft(draft('quality_delta', { low: 2, high: 3, unit: 'x', relation: 'relative-factor' }))).toMatchObject({ low: 100, high: 200, unit: '%' });
  });
  it('keeps absolute values, % when written so', () => {
    expect(normalizeDraft(draft('quality_value', { value: 81.5, unit: '%', relation: 'value' }, 'accuracy'))).toMatchObject({ value: 81.5, unit: '%' });
    expect(normalizeDraft(draft('quality_value', { value: 40.2, unit: '', relation: 'value' }, 'BLEU'))).toMatchObject({ value: 40.2, unit: 'abs' });
  });
});

describe('measurements', () => {
  it('folds prefixes into the value', () => {
    const m = (value: number, unit: string) => normalizeDraft(draft('measurement', { value, unit, relation: 'value' }));
    expect(m(0.5, 'MB')).toMatchObject({ value: 500000, unit: 'B' });
    expect(m(2, 'MiB')).toMatchObject({ value: 2097152, unit: 'B' });
    expect(m(12, 'ms')).toMatchObject({ value: 0.012, unit: 's' });
    expect(m(3, 'days')).toMatchObject({ value: 259200, unit: 's' });
    expect(m(30, 'FPS')).toMatchObject({ value: 30, unit: 'fps' });
    expect(m(2.5, 'petaFLOPs/second')).toMatchObject({ value: 2.5e15, unit: 'FLOP/s' });
    expect(m(4, 'GFLOPs')).toMatchObject({ value: 4e9, unit: 'FLOPs' });
    expect(m(7, 'B parameters')).toMatchObject({ value: 7e9, unit: 'params' });
    expect(m(300, 'M MACs')).toMatchObject({ value: 3e8, unit: 'FLOPs' });
    expect(m(150, 'tokens/s')).toMatchObject({ value: 150, unit: 'tok/s' });
    expect(m(10, 'GPU-hours')).toMatchObject({ value: 10, unit: 'GPUh' });
    expect(m(40, '%')).toMatchObject({ value: 40, unit: '%' });
  });
  it('drops a unit it cannot read', () => {
    expect(normalizeDraft(draft('measurement', { value: 3, unit: 'furlongs', relation: 'value' }))).toBeNull();
  });
});

describe('toClaimRecord', () => {
  it('builds the contract line and strips the relation from raw', () => {
    const rec = toClaimRecord('p1', draft('speedup', { value: 2, unit: 'x' }));
    expect(rec).toMatchObject({ paperId: 'p1', kind: 'speedup', value: 2, unit: 'x', raw: { value: 2, low: null, high: null, unit: 'x' } });
    expect(rec?.raw).not.toHaveProperty('relation');
  });
  it('drops a draft with an unknown relation', () => {
    expect(toClaimRecord('p1', draft('speedup', { value: 2, relation: 'sideways' }))).toBeNull();
  });
});

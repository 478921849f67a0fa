import type { ClaimDraft } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { metricIsGeneric, metricScale, normalizeDraft, readUnit } from '../src/index.js';

function draft(kind: ClaimDraft['kind'], raw: Partial<ClaimDraft['raw']>, metric: string | null = null): ClaimDraft {
  return {
    kind, span: [0, 1], text: 'x', qualifier: 'exact', metric, baseline: null, setting: null, sentence: null,
    raw: { value: null, low: null, high: null, unit: '', relation: 'gain', ...raw },
  };
}

describe('energy and power prefixes', () => {
  it('reads small and large prefixes of J, W and Wh', () => {
    expect(readUnit('mJ')).toEqual({ unit: 'J', scale: 1e-3 });
    expect(readUnit('µW')).toEqual({ unit: 'W', scale: 1e-6 });
    expect(readUnit('nJ')).toEqual({ unit: 'J', scale: 1e-9 });
    expect(readUnit('kWh')).toEqual({ unit: 'J', scale: 3.6e6 });
    expect(readUnit('milliwatts')).toEqual({ unit: 'W', scale: 1e-3 });
  });
  it('does not take seconds or metres for energy', () => {
    expect(readUnit('ms')?.unit).toBe('s');
    expect(readUnit('m')).toBeNull();
  });
});

describe('scores of no stated scale', () => {
  it('are generic unless a percent metric is named with them', () => {
    expect(metricIsGeneric('MT-Bench score')).toBe(true);
    expect(metricIsGeneric('F1 score')).toBe(false);
    expect(metricScale('GLUE score')).toBe('percent');
  });
  it('change in their own units when bare, in pp when in points', () => {
    expect(normalizeDraft(draft('quality_delta', { value: 0.4 }, 'judge score'))?.unit).toBe('abs');
    expect(normalizeDraft(draft('quality_delta', { value: 5, unit: 'points' }, 'judge score'))?.unit).toBe('pp');
    expect(normalizeDraft(draft('quality_delta', { value: 2, unit: '%' }, 'judge score'))?.unit).toBe('pp');
  });
});

describe('bare changes of percent-scale metrics', () => {
  it('below 0.1 they are on the 0-1 scale; otherwise points', () => {
    expect(normalizeDraft(draft('quality_delta', { value: 0.03 }, 'AUROC'))?.unit).toBe('abs');
    expect(normalizeDraft(draft('quality_delta', { value: 1.2 }, 'mIoU'))?.unit).toBe('pp');
  });
});

describe('new metric rows', () => {
  it('know the scale of correlation, calibration and rate metrics', () => {
    expect(metricScale('Spearman correlation')).toBe('native');
    expect(metricScale('repetition rate')).toBe('percent');
    expect(metricScale('endpoint error')).toBe('native');
  });
});

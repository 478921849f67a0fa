import { describe, expect, it } from 'vitest';
import { metricRow, metricScale, metricsIn, parseNumber, readUnit, WRITTEN_UNITS } from '../src/index.js';

describe('units table', () => {
  it('distinguishes decimal and binary byte prefixes', () => {
    expect(readUnit('GB')).toEqual({ unit: 'B', scale: 1e9 });
    expect(readUnit('GiB')).toEqual({ unit: 'B', scale: 1024 ** 3 });
  });
  it('is case sensitive where it matters', () => {
    expect(readUnit('mb')).toBeNull();
    expect(readUnit('B')).toBeNull(); // a bare B is a parameter count in model names, never bytes
  });
  it('lists longer spellings first for the scanner', () => {
    expect(WRITTEN_UNITS.indexOf('frames per second')).toBeLessThan(WRITTEN_UNITS.indexOf('s'));
  });
});

describe('metric scales', () => {
  it('knows percent-scale and native metrics', () => {
    expect(metricScale('top-1 accuracy')).toBe('percent');
    expect(metricScale('perplexity')).toBe('native');
    expect(metricScale('loss and accuracy')).toBe('percent');
    expect(metricScale('something unknown')).toBe('percent');
  });
  it('knows the metrics of speech, medicine and trajectory prediction, with their direction', () => {
    expect(metricRow('EER')).toMatchObject({ scale: 'percent', better: 'lower' });
    expect(metricRow('HD95')).toMatchObject({ scale: 'native', better: 'lower' });
    expect(metricRow('minADE')).toMatchObject({ scale: 'native', better: 'lower' });
    expect(metricRow('AUPRC')).toMatchObject({ scale: 'percent', better: 'higher' });
    expect(metricRow('UTMOS')).toMatchObject({ scale: 'native', better: 'higher' });
  });
  it('finds names of more than three words inside a phrase ("the area under the ROC curve")', () => {
    expect(metricsIn('the area under the ROC curve on the external cohort').map((r) => r.better)).toEqual(['higher']);
    expect(metricsIn('area under the receiver operating characteristic curve')).toHaveLength(1);
    // near miss: the words of a long name, out of order, name nothing
    expect(metricsIn('the curve under the area')).toEqual([]);
  });
});

describe('numbers', () => {
  it('reads digits, separators and words', () => {
    expect(parseNumber('12,000')).toBe(12000);
    expect(parseNumber('four')).toBe(4);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('n/a')).toBeNaN();
  });
});

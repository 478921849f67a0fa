import { CANONICAL_UNITS, CLAIM_KINDS, QUALIFIERS } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { formatValue, humanNumber, KIND_LABELS, QUALIFIER_LIST, UNITS } from '../../services/api/web/src/format.js';

/** The web page keeps its own copy of the contract's vocabularies (so it does not bundle zod): they must not drift. */
describe('the web page vocabulary and units', () => {
  it('offers exactly the schema\'s kinds, units and qualifiers', () => {
    expect([...UNITS]).toEqual([...CANONICAL_UNITS]);
    expect([...QUALIFIER_LIST]).toEqual([...QUALIFIERS]);
    expect(Object.keys(KIND_LABELS)).toEqual([...CLAIM_KINDS]);
  });
  it('shows values in human units', () => {
    expect(humanNumber(691200, 's')).toBe('8 days');
    expect(humanNumber(2.9e6, 'B')).toBe('2.9 MB');
    expect(humanNumber(1.3e15, 'FLOP/s')).toBe('1.3 PFLOP/s');
    expect(humanNumber(0.078, 's')).toBe('78 ms');
    expect(humanNumber(7e9, 'params')).toBe('7 B params');
    expect(formatValue({ kind: 'quality_value', value: 61.7, low: null, high: null, unit: 'abs', metric: 'perplexity', metricKey: 'perplexity' })).toBe('61.7 perplexity');
    expect(formatValue({ kind: 'quality_delta', value: 1.2, low: null, high: null, unit: 'pp', metric: 'top-1 accuracy', metricKey: 'accuracy' })).toBe('+1.2 pp accuracy');
    expect(formatValue({ kind: 'speedup', value: null, low: 2, high: 4, unit: 'x' })).toBe('2× – 4×');
  });
});

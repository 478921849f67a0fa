import { describe, expect, it } from 'vitest';
import { AbstractInput, ClaimRecord, formatRejection, IngestJob, MAX_ABSTRACT_CHARS, WriteJob } from '../src/index.js';

const claim = {
  paperId: 'p1', kind: 'speedup', span: [10, 14], text: '2.7x', value: 2.7, low: null, high: null, unit: 'x',
  qualifier: 'exact', raw: { value: 2.7, low: null, high: null, unit: 'x' }, metric: 'decoding speed',
  baseline: 'dense attention', setting: 'H100', sentence: 'It decodes 2.7x faster.', confidence: 0.97,
};

describe('ClaimRecord', () => {
  it('accepts a claim in the contract format', () => {
    expect(ClaimRecord.parse(claim)).toEqual(claim);
  });

  it('accepts a claim without confidence (an earlier extractor, a gold line)', () => {
    const { confidence: _, ...older } = claim;
    expect(ClaimRecord.parse(older).confidence ?? null).toBeNull();
  });

  it('refuses a confidence outside 0-1', () => {
    expect(ClaimRecord.safeParse({ ...claim, confidence: 1.2 }).success).toBe(false);
  });
  it.each([
    ['an unknown kind', { kind: 'latency' }],
    ['a non-canonical unit', { unit: 'ms' }],
    ['an unknown qualifier', { qualifier: 'maybe' }],
    ['a negative span', { span: [-1, 3] }],
    ['a missing paper id', { paperId: '' }],
    ['an infinite value', { value: Infinity }],
  ])('rejects %s', (_, patch) => {
    expect(ClaimRecord.safeParse({ ...claim, ...patch }).success).toBe(false);
  });
});

describe('AbstractInput', () => {
  it('trims the title and keeps other fields', () => {
    expect(AbstractInput.parse({ title: ' T ', abstract: 'A', venue: 'x' })).toEqual({ id: undefined, title: 'T', abstract: 'A', venue: 'x' });
  });
  it('rejects abstracts over the size limit', () => {
    const r = AbstractInput.safeParse({ title: 'T', abstract: 'a'.repeat(MAX_ABSTRACT_CHARS + 1) });
    expect(r.success).toBe(false);
  });
});

describe('job payloads', () => {
  const batch = { id: 'b1', name: 'demo', createdAt: '2026-01-01T00:00:00.000Z' };
  it('ingest jobs carry raw records or reader errors', () => {
    expect(IngestJob.parse({ batch, file: 'f', records: [{ line: 1, record: {} }, { line: 2, error: 'bad' }] }).records).toHaveLength(2);
    expect(IngestJob.safeParse({ batch, file: 'f', records: [{ line: 0, record: {} }] }).success).toBe(false);
  });
  it('write jobs validate the claims they carry', () => {
    const paper = { id: 'p1', title: 'T', abstract: 'A', metadata: {}, source: { file: 'f', line: 1 } };
    const job = { batch, extractorVersion: '1', papers: [{ paper, claims: [claim] }], rejections: [] };
    expect(WriteJob.parse(job)).toEqual(job);
    expect(WriteJob.safeParse({ ...job, papers: [{ paper, claims: [{ ...claim, unit: 'parsecs' }] }] }).success).toBe(false);
  });
});

describe('formatRejection', () => {
  it('reads file:line: field: reason', () => {
    expect(formatRejection({ file: 'a.jsonl', line: 7, field: 'abstract', reason: 'missing' })).toBe('a.jsonl:7: abstract: missing');
    expect(formatRejection({ file: 'a.jsonl', line: 8, field: null, reason: 'not JSON' })).toBe('a.jsonl:8: not JSON');
  });
});

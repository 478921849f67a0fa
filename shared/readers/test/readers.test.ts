import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord, formatOf, parseText, printableReason, readRecords } from '../src/index.js';

const SHARED_DUMP = new URL('../../../../shared/seeds/000_7e9ccc45bd33ceef.txt', import.meta.url);
const SHARED_JSONL = new URL('../../../../shared/seeds/seed-abstracts.jsonl', import.meta.url);
import { existsSync, readFileSync } from 'node:fs';
const hasShared = existsSync(SHARED_DUMP);

describe('formatOf', () => {
  it('picks the reader by extension', () => {
    expect(formatOf('a/b.jsonl')).toBe('jsonl');
    expect(formatOf('b.NDJSON')).toBe('jsonl');
    expect(formatOf('c.csv')).toBe('csv');
    expect(formatOf('d.txt')).toBe('text');
  });
  it('names the file when the format is unknown', () => {
    expect(() => formatOf('notes.docx')).toThrow(/notes\.docx: unknown format/);
  });
});

describe('JSONL', () => {
  it('parses each line with its line number and skips blank lines', () => {
    const records = parseText('{"title":"a","abstract":"b"}\n\n{"title":"c","abstract":"d"}\n', 'jsonl');
    expect(records).toEqual([
      { line: 1, record: { title: 'a', abstract: 'b' } },
      { line: 3, record: { title: 'c', abstract: 'd' } },
    ]);
  });
  it('reports a malformed line without stopping', () => {
    const records = parseText('{"title":"a","abstract":"b"}\n{oops\n{"title":"c","abstract":"d"}', 'jsonl');
    expect(records).toHaveLength(3);
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^not JSON/) });
  });
});

describe('CSV', () => {
  it('keys records by the header and keeps quoted commas, quotes and line breaks', () => {
    const csv = 'id,title,abstract\n1,"A, B","He said ""fast""\nover two lines"\n2,C,plain\n';
    expect(parseText(csv, 'csv')).toEqual([
      { line: 2, record: { id: '1', title: 'A, B', abstract: 'He said "fast"\nover two lines' } },
      { line: 4, record: { id: '2', title: 'C', abstract: 'plain' } },
    ]);
  });
  it('reports a row with the wrong number of fields and an unterminated quote', () => {
    const records = parseText('title,abstract\na,b,c\n"open,x', 'csv');
    expect(records[0]).toMatchObject({ line: 2, error: 'expected 2 fields, found 3' });
    expect(records[1]).toMatchObject({ line: 3, error: expect.stringMatching(/^unterminated quoted field/) });
  });
  it('strips a byte-order mark from the header', () => {
    expect(parseText('\uFEFFtitle,abstract\nx,y', 'csv')).toEqual([{ line: 2, record: { title: 'x', abstract: 'y' } }]);
  });
});

describe('text dump', () => {
  const abstract = (n: number) =>
    `We propose method number ${n}. It runs 2x faster than the baseline and uses less memory in every setting we tried, which matters for deployment.`;
  it('pairs each title with the abstract paragraph after it and skips page chrome', () => {
    const text = ['Trending papers', '', 'Subscribe', '', 'Jan 3', '', 'First Title', '', abstract(1), '', 'Second Title', '', abstract(2), ''].join('\n');
    expect(parseText(text, 'text')).toEqual([
      { line: 7, record: { title: 'First Title', abstract: abstract(1) } },
      { line: 11, record: { title: 'Second Title', abstract: abstract(2) } },
    ]);
  });
  it.skipIf(!hasShared)(`reads every abstract of the shared listing dump${hasShared ? '' : ' (skipped: ../shared absent)'}`, async () => {
    const expected = readFileSync(SHARED_JSONL, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const got = [];
    for await (const r of readRecords(SHARED_DUMP.pathname)) got.push(r);
    expect(got).toHaveLength(expected.length);
    got.forEach((r, i) => expect(r).toMatchObject({ record: { title: expected[i].title, abstract: expected[i].abstract } }));
  });
});

describe('readRecords', () => {
  it('streams a file with the same records as parseText', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readers-'));
    const file = join(dir, 'b.jsonl');
    writeFileSync(file, '{"title":"t","abstract":"a"}\r\nnope\n');
    const got = [];
    for await (const r of readRecords(file)) got.push(r);
    expect(got).toEqual(parseText('{"title":"t","abstract":"a"}\r\nnope\n', 'jsonl'));
  });
});

describe('checkRecord', () => {
  it('keeps extra fields as metadata and hashes a missing id', () => {
    const r = checkRecord({ line: 4, record: { title: 'T', abstract: 'A b c.', year: 2024 } }, 'f.jsonl');
    expect(r).toMatchObject({ paper: { title: 'T', abstract: 'A b c.', metadata: { year: 2024 }, source: { file: 'f.jsonl', line: 4 } } });
    expect('paper' in r && r.paper.id).toMatch(/^h-[0-9a-f]{20}$/);
  });
  it('uses a given id, numeric ones as text', () => {
    expect(checkRecord({ line: 1, record: { id: 17, title: 'T', abstract: 'A' } }, 'f')).toMatchObject({ paper: { id: '17' } });
  });
  it.each([
    [{ abstract: 'x' }, 'title', 'missing'],
    [{ title: 'x' }, 'abstract', 'missing'],
    [{ title: 'x', abstract: '   ' }, 'abstract', 'abstract is blank'],
    [{ title: 'x', abstract: 42 }, 'abstract', 'expected a string, got number 42'],
    [{ title: '', abstract: 'y' }, 'title', 'title is empty'],
  ])('rejects %j naming the field', (record, field, reason) => {
    const r = checkRecord({ line: 9, record }, 'in.jsonl');
    expect(r).toMatchObject({ rejection: { file: 'in.jsonl', line: 9, field } });
    expect('rejection' in r && r.rejection.reason).toMatch(reason);
  });
  it('rejects records that are not objects and passes reader errors through', () => {
    expect(checkRecord({ line: 2, record: [1, 2] }, 'f')).toMatchObject({ rejection: { line: 2, field: null, reason: /expected an object/ } });
    expect(checkRecord({ line: 3, error: 'not JSON: x' }, 'f')).toEqual({ rejection: { file: 'f', line: 3, field: null, reason: 'not JSON: x' } });
  });
});

describe('checkRecord and text PostgreSQL cannot store', () => {
  it.each([
    [{ title: 'a\u0000b', abstract: 'x' }, 'title', 'title contains a NUL character'],
    [{ title: 't', abstract: 'x\ud800y' }, 'abstract', 'abstract contains invalid unicode (a lone surrogate)'],
    [{ title: 't', abstract: 'x', notes: { deep: ['ok', 'bad\u0000'] } }, 'metadata', 'metadata contains a NUL character'],
    [{ id: 'a\u0000', title: 't', abstract: 'x' }, 'id', 'id contains a NUL character'],
  ])('rejects %j naming the field', (record, field, reason) => {
    expect(checkRecord({ line: 1, record }, 'f')).toEqual({ rejection: { file: 'f', line: 1, field, reason } });
  });
  it('keeps control characters, right-to-left marks and emoji', () => {
    const abstract = 'Bell \u0007 tab \t RTL \u202e emoji 🚀 combining e\u0301';
    expect(checkRecord({ line: 1, record: { title: 't', abstract } }, 'f')).toMatchObject({ paper: { abstract } });
  });
});

describe('printableReason', () => {
  it('escapes what a parser quoted from binary input, and clips long messages', () => {
    expect(printableReason('bad \u0000 and \u001b and \ud800 ok 🚀')).toBe('bad \\u0000 and \\u001b and \\ud800 ok 🚀');
    expect(printableReason('x'.repeat(400))).toHaveLength(301);
  });
  it('makes reader errors on binary lines storable', () => {
    const [raw] = parseText('\u0000\u0001garbage', 'jsonl');
    const r = checkRecord(raw, 'f');
    expect('rejection' in r && r.rejection.reason).toMatch(/^not JSON: .*\\u0000/);
  });
});

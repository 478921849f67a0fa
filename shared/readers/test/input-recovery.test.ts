import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '@claimflow/schemas';
import { checkRecord, formatOf, parseText, readRecords } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'readers-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
async function all(path: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of readRecords(path)) out.push(r);
  return out;
}
const errors = (rs: RawRecord[]) => rs.filter((r) => 'error' in r).map((r) => r.line);
const good = (rs: RawRecord[]) => rs.filter((r) => 'record' in r);

describe('a stray quote in a CSV costs its own record only', () => {
  const rows = (n: number, from = 3) => Array.from({ length: n }, (_, i) => `${i + from},Title ${i},An abstract that says ${i + 2}x faster.`).join('\n');

  it('1,001 rows with an unclosed quote on line 2: line 2 is reported, the 1,000 good rows are read', async () => {
    const path = file('stray.csv', `id,title,abstract\n2,"An unclosed title,abstract two\n${rows(1000)}\n`);
    const records = await all(path);
    expect(errors(records)).toEqual([2]);
    expect(records.find((r) => 'error' in r)).toMatchObject({ error: expect.stringMatching(/^unterminated quoted field/) });
    expect(good(records)).toHaveLength(1000);
    expect(good(records)[0]).toEqual({ line: 3, record: { id: '3', title: 'Title 0', abstract: 'An abstract that says 2x faster.' } });
  });

  it('a stray quote closed by the next row\'s quoted field: both lines are not merged into one record', () => {
    const records = parseText('id,title,abstract\n2,"bad title,abstract\n3,"Title three",abstract three\n4,t,a\n', 'csv');
    expect(errors(records)).toEqual([2]);
    expect(good(records).map((r) => r.line)).toEqual([3, 4]);
  });

  it('an unclosed quote near the end of the file is reported and the rows after it still read', () => {
    const records = parseText(`id,title,abstract\n${rows(3)}\n9,"open,x\n10,t,a`, 'csv');
    expect(errors(records)).toEqual([5]);
    expect(good(records).map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it('a well-formed quoted field over several lines is still one record', () => {
    expect(parseText('title,abstract\n"T","one\ntwo\nthree"\nx,y\n', 'csv')).toEqual([
      { line: 2, record: { title: 'T', abstract: 'one\ntwo\nthree' } },
      { line: 5, record: { title: 'x', abstract: 'y' } },
    ]);
  });
});

describe('.json files', () => {
  it('are read by their own format', () => expect(formatOf('a.json')).toBe('json'));

  it('a JSON array is read as an array, each element at the line it starts on', async () => {
    const path = file('arr.json', '[\n  {"title": "A", "abstract": "x"},\n  {\n    "title": 3\n  }\n]\n');
    const records = await all(path);
    expect(records).toEqual([
      { line: 2, record: { title: 'A', abstract: 'x' } },
      { line: 3, record: { title: 3 } },
    ]);
    expect(checkRecord(records[1], 'arr.json')).toMatchObject({ rejection: { line: 3, field: 'title' } });
  });

  it('one pretty-printed object is one record', async () => {
    expect(await all(file('one.json', '{\n  "title": "A",\n  "abstract": "x"\n}\n'))).toEqual([{ line: 1, record: { title: 'A', abstract: 'x' } }]);
  });

  it('JSON Lines in a .json file are still read line by line', async () => {
    const records = await all(file('lines.json', '{"title":"a","abstract":"b"}\n{"title":"c","abstract":"d"}\n'));
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('a broken array is refused in one record, not read as broken JSONL line by line', async () => {
    const records = await all(file('broken.json', '[\n{"title":"a","abstract":"b"},\n{"title":\n'));
    expect(records).toEqual([{ line: 1, error: expect.stringMatching(/JSON array that does not parse/), field: null }]);
  });
});

describe('binary content', () => {
  it('a binary file named .txt is refused, not read as papers', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const records = await all(file('scan.txt', bytes));
    expect(records).toEqual([{ line: 1, error: expect.stringMatching(/^binary content/), field: null }]);
  });
  it('text with accents, emoji and tabs is not binary', async () => {
    const text = 'Über-fast kernels 🚀\tand more\n\nA title\nWe show a 3x speedup over the baseline on every benchmark we tried, with é and ü and ß in the text, and on every machine we could find. It holds.\n';
    expect(good(await all(file('fine.txt', text)))).toHaveLength(1);
  });
});

describe('wrong-typed fields say what type was expected', () => {
  it.each([
    [{ id: true, title: 't', abstract: 'a' }, 'id', 'expected a string or a number, got boolean true'],
    [{ id: { n: 1 }, title: 't', abstract: 'a' }, 'id', 'expected a string or a number, got an object'],
    [{ id: [1], title: 't', abstract: 'a' }, 'id', 'expected a string or a number, got an array'],
    [{ title: ['t'], abstract: 'a' }, 'title', 'expected a string, got an array'],
  ])('%j', (record, field, reason) => {
    expect(checkRecord({ line: 4, record }, 'f.jsonl')).toEqual({ rejection: { file: 'f.jsonl', line: 4, field, reason } });
  });
});

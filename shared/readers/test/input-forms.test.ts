import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '@claimflow/schemas';
import { delimiterOf, formatOf, isBatchFile, MAX_LINE_BYTES, readRecords } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'input-forms-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = async (path: string) => {
  const out: RawRecord[] = [];
  for await (const r of readRecords(path)) out.push(r);
  return out;
};
const BOM = '\uFEFF';
const paper = (n: number) => ({ title: `T${n}`, abstract: `A${n}` });

/** The forms an operator's files come in (issue 19, item 5): each read as the records it holds. */
describe('input forms', () => {
  it('a UTF-8 byte-order mark does not cost the first record (JSONL, CSV, text, JSON)', async () => {
    expect(await read(file('bom.jsonl', `${BOM}${JSON.stringify(paper(1))}\n${JSON.stringify(paper(2))}\n`))).toEqual([
      { line: 1, record: paper(1) },
      { line: 2, record: paper(2) },
    ]);
    expect(await read(file('bom.csv', `${BOM}title,abstract\r\nT1,A1\r\n`))).toEqual([{ line: 2, record: paper(1) }]);
    expect(await read(file('bom.json', `${BOM}[${JSON.stringify(paper(1))}]`))).toEqual([{ line: 1, record: paper(1) }]);
  });

  it('CSV finds its delimiter: comma, semicolon (a comma-decimal spreadsheet) or tab; .tsv is tab', async () => {
    expect(delimiterOf('title;abstract;"a,b"')).toBe(';');
    expect(delimiterOf('title\tabstract')).toBe('\t');
    expect(delimiterOf('title,abstract')).toBe(',');
    expect(await read(file('semi.csv', 'title;abstract\nT1;"A1, with a comma; and a semicolon"\n'))).toEqual([
      { line: 2, record: { title: 'T1', abstract: 'A1, with a comma; and a semicolon' } },
    ]);
    expect(await read(file('tab.csv', 'title\tabstract\nT1\tA1\n'))).toEqual([{ line: 2, record: paper(1) }]);
    expect(formatOf('x.tsv')).toBe('tsv');
    // A .tsv is tab-separated even where its header holds more commas than tabs.
    expect(await read(file('t.tsv', 'title, as given\tabstract, as given\nT1, a\tA1, b\n'))).toEqual([
      { line: 2, record: { 'title, as given': 'T1, a', 'abstract, as given': 'A1, b' } },
    ]);
  });

  it('reads any supported format gzipped', async () => {
    for (const name of ['a.jsonl.gz', 'a.csv.gz', 'a.tsv.gz', 'a.json.gz', 'a.txt.gz']) expect(isBatchFile(name), name).toBe(true);
    expect(isBatchFile('a.gz')).toBe(false);
    expect(await read(file('z.jsonl.gz', gzipSync(`${JSON.stringify(paper(1))}\n${JSON.stringify(paper(2))}\n`)))).toHaveLength(2);
    expect(await read(file('z.csv.gz', gzipSync('title;abstract\nT1;A1\n')))).toEqual([{ line: 2, record: paper(1) }]);
    expect(await read(file('z.json.gz', gzipSync(JSON.stringify([paper(1), paper(2)], null, 2))))).toEqual([
      { line: 2, record: paper(1) },
      { line: 6, record: paper(2) },
    ]);
  });

  it('a line that is not UTF-8 is rejected with its line and where, and the lines around it are kept', async () => {
    const bad = Buffer.concat([Buffer.from(`${JSON.stringify(paper(1))}\n{"title":"caf`), Buffer.from([0xe9]), Buffer.from(`","abstract":"x"}\n${JSON.stringify(paper(3))}\n`)]);
    const records = await read(file('latin1.jsonl', bad));
    expect(records[0]).toEqual({ line: 1, record: paper(1) });
    expect(records[1]).toEqual({ line: 2, field: null, error: expect.stringMatching(/^invalid UTF-8 \(byte 0xe9 at byte 14 of the line\): the record is rejected; save the file as UTF-8$/) });
    expect(records[2]).toEqual({ line: 3, record: paper(3) });
    const doc = Buffer.concat([Buffer.from('[\n{"title":"T","abstract":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n]')]);
    expect(await read(file('latin1.json', doc))).toEqual([{ line: 2, field: null, error: expect.stringMatching(/^invalid UTF-8 .*the file is rejected; save it as UTF-8$/) }]);
  });

  it('a file that cannot be read is one "cannot read" record, not an exception', async () => {
    const link = join(dir, 'gone.jsonl');
    symlinkSync(join(dir, 'no-such-target.jsonl'), link);
    expect(await read(link)).toEqual([{ line: 1, field: null, error: 'cannot read the file: it does not exist (a broken link?)' }]);
    const damaged = gzipSync(`${JSON.stringify(paper(1))}\n`.repeat(2000)).subarray(0, 200);
    const records = await read(file('cut.jsonl.gz', damaged));
    expect(records.at(-1)).toEqual({ line: expect.any(Number), field: null, error: expect.stringMatching(/^cannot read the file: /) });
  });

  it('a line past the line bound is rejected without being held', async () => {
    const records = await read(file('long.jsonl', `${JSON.stringify(paper(1))}\n${'x'.repeat(MAX_LINE_BYTES + 10)}\n${JSON.stringify(paper(3))}\n`));
    expect(records).toEqual([
      { line: 1, record: paper(1) },
      { line: 2, field: null, error: expect.stringMatching(/^line longer than 4 MB/) },
      { line: 3, record: paper(3) },
    ]);
  });
});

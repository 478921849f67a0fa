import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { extractClaims } from '@claimflow/extract';
import { checkRecord, formatOf, JsonlParser, readRecords } from '@claimflow/readers';
import { formatRejection, type RawRecord } from '@claimflow/schemas';
import { checkInputFiles } from '../inputs.js';
import { LineWriter } from '../output.js';

export const usage = 'claims extract [--in FILE] [--out FILE]   abstracts (JSONL, CSV or text dump; stdin: JSONL) → claims as JSONL';
export const options = [
  '  --in FILE    abstracts to read (.jsonl, .ndjson, .json, .csv, .txt); default: JSONL on stdin',
  '  --out FILE   where to write the claims; default: stdout',
].join('\n');

async function* stdinRecords(): AsyncGenerator<RawRecord> {
  const parser = new JsonlParser();
  let n = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) yield* parser.push(line, ++n);
}

/** Extraction alone: no Redis, no store. Bad records are reported on stderr and skipped. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { in: { type: 'string' }, out: { type: 'string' } } });
  if (values.in) checkInputFiles([values.in]);
  const file = values.in ?? '<stdin>';
  const records = values.in ? readRecords(values.in, formatOf(values.in)) : stdinRecords();
  const out = LineWriter.open(values.out);
  let papers = 0;
  let claims = 0;
  let rejected = 0;
  for await (const raw of records) {
    const checked = checkRecord(raw, file);
    if ('rejection' in checked) {
      rejected++;
      process.stderr.write(`claims extract: ${formatRejection(checked.rejection)}\n`);
      continue;
    }
    papers++;
    for (const claim of extractClaims(checked.paper.id, checked.paper.abstract)) {
      claims++;
      await out.write(JSON.stringify(claim));
    }
  }
  await out.close();
  process.stderr.write(`claims extract: ${papers} abstracts, ${claims} claims${rejected ? `, ${rejected} rejected` : ''}\n`);
  // A file with nothing in it, or nothing valid, is not a success (stdin may be an empty pipe on purpose).
  if (values.in && papers === 0) {
    process.stderr.write(`claims extract: ${rejected ? `none of the ${rejected} record(s) in ${values.in} is valid` : `no record in ${values.in}`}\n`);
    return 1;
  }
  return 0;
}

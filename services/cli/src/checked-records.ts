import { checkRecord } from '@claimflow/readers';
import { formatRejection, type RawRecord } from '@claimflow/schemas';

/** What the CLI learns while it sends a file: how many records, how many the ingest stage will accept, the first rejections. */
export interface SendTally {
  records: number;
  valid: number;
  rejections: string[];
}

const KEEP = 10;

/**
 * Passes a file's raw records through unchanged while counting which are
 * valid, with the same check the ingest stage makes: a batch with no valid
 * record, or an empty file, is known as soon as it is sent.
 */
export async function* tallied(records: AsyncIterable<RawRecord>, file: string, tally: SendTally): AsyncGenerator<RawRecord> {
  for await (const raw of records) {
    tally.records++;
    const checked = checkRecord(raw, file);
    if ('paper' in checked) tally.valid++;
    else if (tally.rejections.length < KEEP) tally.rejections.push(formatRejection(checked.rejection));
    yield raw;
  }
}

/** Why a batch is not a success though it was sent: nothing in it, or nothing valid. Null when some record is valid. */
export function emptyBatchProblem(tally: SendTally, files: string[]): string | null {
  if (tally.records === 0) return `no record in ${files.join(', ')}: the file${files.length > 1 ? 's are' : ' is'} empty or hold${files.length > 1 ? '' : 's'} nothing in a known format`;
  if (tally.valid === 0) return `none of the ${tally.records} record(s) is valid, so nothing will be stored`;
  return null;
}

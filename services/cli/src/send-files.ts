import { basename } from 'node:path';
import { newBatch, produceBatch } from '@claimflow/queues';
import { readRecords } from '@claimflow/readers';
import type { BatchRef } from '@claimflow/schemas';
import type { ServiceContext } from '@claimflow/service-kit';
import { tallied, type SendTally } from './checked-records.js';

export interface SendOptions {
  /** One batch of every file under this name (`claims ingest --batch NAME`); else one batch per file. */
  batchName?: string;
  signal?: AbortSignal;
  onProgress?: (records: number) => void;
}

export interface Sent {
  /** The batches sent, in order; a file with no record has none. */
  batches: BatchRef[];
  tally: SendTally;
}

/**
 * `sent` is filled as it goes (pass one in to see what was sent before an interruption).
 *
 * The one batch naming rule of `claims run` and `claims ingest`: every file
 * is a batch named after the file (a folder stands for its files), unless
 * `--batch NAME` makes all of them one batch of that name. A file that holds
 * no record sends nothing and leaves no batch.
 */
export async function sendFiles(ctx: ServiceContext, files: string[], opts: SendOptions = {}, sent: Sent = { batches: [], tally: { records: 0, valid: 0, rejections: [] } }): Promise<Sent> {
  const groups = opts.batchName != null ? [{ name: opts.batchName, files }] : files.map((file) => ({ name: basename(file), files: [file] }));
  const { batches, tally } = sent;
  for (const group of groups) {
    const batch = newBatch(group.name);
    // Listed before sending, so a run interrupted mid-file can mark it; taken off again if it held nothing.
    batches.push(batch);
    const before = tally.records;
    const produced = await produceBatch(
      ctx.queues,
      batch,
      group.files.map((file) => ({ file, records: tallied(readRecords(file), file, tally) })),
      {
        chunkSize: ctx.config.CHUNK_SIZE,
        chunkBytes: ctx.config.CHUNK_BYTES,
        maxQueueDepth: ctx.config.MAX_QUEUE_DEPTH,
        onProgress: (n) => opts.onProgress?.(before + n),
        signal: opts.signal,
      },
    );
    if (!produced.records) batches.pop();
  }
  return sent;
}

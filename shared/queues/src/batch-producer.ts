import { createHash, randomBytes } from 'node:crypto';
import type { BatchRef, RawRecord } from '@claimflow/schemas';
import { chunkJobId } from './job-options.js';
import type { PipelineQueues } from './pipeline-queues.js';

export interface BatchSource {
  /** Where the records came from, as rejections will name it. */
  file: string;
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>;
}

export interface ProduceOptions {
  chunkSize: number;
  /** Wait while the pipeline's queues together hold more unfinished jobs than this. */
  maxQueueDepth: number;
  onProgress?: (records: number) => void;
  /** Stops sending (a signal to the CLI); what was sent stays sent. */
  signal?: AbortSignal;
}

/** A new batch: a readable, unique id and its name. */
export function newBatch(name: string): BatchRef {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'batch';
  return { id: `${slug}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`, name, createdAt: new Date().toISOString() };
}

const fileKey = (file: string) => createHash('sha256').update(file).digest('hex').slice(0, 8);

/**
 * Sends a batch's records to the ingest queue in chunks, pausing while the
 * pipeline is deeper than `maxQueueDepth` so a huge file never fills Redis.
 * The last job carries the batch total, so the writer can tell it is complete.
 * Job ids are deterministic: sending the same batch twice adds nothing twice.
 */
export async function produceBatch(
  queues: PipelineQueues,
  batch: BatchRef,
  sources: BatchSource[],
  opts: ProduceOptions,
): Promise<{ records: number; chunks: number }> {
  let records = 0;
  let chunks = 0;
  for (const source of sources) {
    const key = fileKey(source.file);
    let chunk: RawRecord[] = [];
    const flush = async () => {
      opts.signal?.throwIfAborted();
      await waitForRoom(queues, opts.maxQueueDepth, opts.signal);
      await queues.add('ingest', { batch, file: source.file, records: chunk }, chunkJobId(batch.id, `${key}.${chunks}`));
      chunks++;
      chunk = [];
      opts.onProgress?.(records);
    };
    for await (const record of source.records) {
      chunk.push(record);
      records++;
      if (chunk.length >= opts.chunkSize) await flush();
    }
    if (chunk.length) await flush();
  }
  await queues.add('ingest', { batch, file: sources[0]?.file ?? '-', records: [], total: records }, chunkJobId(batch.id, 'end'));
  opts.onProgress?.(records);
  return { records, chunks };
}

/**
 * Jobs not yet done anywhere in the pipeline: waiting, delayed (a retry in
 * backoff) or prioritized, in every stage. Every stage counts, not just the
 * first: when the writer is the slow one (a large store, PostgreSQL busy),
 * the upstream stages drain fast and its own queue is where jobs pile up.
 */
export async function pipelineBacklog(queues: PipelineQueues): Promise<number> {
  const counts = await Promise.all(Object.values(queues.byStage).map((q) => q.getJobCountByTypes('waiting', 'delayed', 'prioritized')));
  return counts.reduce((a, b) => a + b, 0);
}

async function waitForRoom(queues: PipelineQueues, maxDepth: number, signal?: AbortSignal): Promise<void> {
  if (!maxDepth) return;
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    signal?.throwIfAborted();
    if ((await pipelineBacklog(queues)) < maxDepth) return;
    await new Promise((r) => setTimeout(r, wait));
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { MAX_ABSTRACT_CHARS, MAX_RECORD_BYTES, type BatchRef, type RawRecord } from '@claimflow/schemas';
import { chunkJobId } from './job-options.js';
import type { PipelineQueues } from './pipeline-queues.js';

export interface BatchSource {
  /** Where the records came from, as rejections will name it. */
  file: string;
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>;
}

export interface ProduceOptions {
  chunkSize: number;
  /** A chunk is also cut once its records hold this many bytes of text (CHUNK_BYTES; default 512 KiB). */
  chunkBytes?: number;
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

export const DEFAULT_CHUNK_BYTES = 512 * 1024;

/**
 * About how many bytes a record takes in a job (its strings' lengths; other
 * values as JSON): cheap enough for every record, close enough to bound a chunk.
 */
export function recordBytes(raw: RawRecord): number {
  if ('error' in raw) return raw.error.length + 32;
  const record = raw.record;
  if (typeof record === 'string') return record.length + 32;
  if (record === null || typeof record !== 'object') return 32;
  let bytes = 32;
  for (const [key, value] of Object.entries(record)) {
    bytes += key.length + 4 + (typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 4));
  }
  return bytes;
}

/**
 * An oversized record is replaced by its rejection before it is queued, so
 * no job, and no worker, ever holds it (the ingest stage would refuse it anyway).
 */
export function boundedRecord(raw: RawRecord, bytes: number): RawRecord {
  if ('error' in raw) return raw;
  const abstract = (raw.record as { abstract?: unknown } | null)?.abstract;
  if (typeof abstract === 'string' && abstract.length > MAX_ABSTRACT_CHARS) {
    return { line: raw.line, field: 'abstract', error: `abstract is longer than ${MAX_ABSTRACT_CHARS} characters` };
  }
  if (bytes > MAX_RECORD_BYTES) {
    return { line: raw.line, field: null, error: `the record is ${Math.round(bytes / 1024)} KB, over the ${MAX_RECORD_BYTES / 1024} KB a record may hold` };
  }
  return raw;
}

const fileKey = (file: string) => createHash('sha256').update(file).digest('hex').slice(0, 8);

/**
 * Sends a batch's records to the ingest queue in chunks of at most
 * `chunkSize` records and `chunkBytes` bytes (one longer record goes alone), pausing while the
 * pipeline is deeper than `maxQueueDepth` so a huge file never fills Redis.
 * The last job carries the batch total, so the writer can tell it is complete;
 * sources that hold no record send nothing, and so leave no batch.
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
    let chunkBytes = 0;
    const maxBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    const flush = async () => {
      opts.signal?.throwIfAborted();
      await waitForRoom(queues, opts.maxQueueDepth, opts.signal);
      await queues.add('ingest', { batch, file: source.file, records: chunk }, chunkJobId(batch.id, `${key}.${chunks}`));
      chunks++;
      chunk = [];
      chunkBytes = 0;
      opts.onProgress?.(records);
    };
    for await (const read of source.records) {
      const readBytes = recordBytes(read);
      const record = boundedRecord(read, readBytes);
      const bytes = record === read ? readBytes : recordBytes(record);
      // A record that would take the chunk past its bytes goes into the next one.
      if (chunk.length && chunkBytes + bytes > maxBytes) await flush();
      chunk.push(record);
      chunkBytes += bytes;
      records++;
      if (chunk.length >= opts.chunkSize || chunkBytes >= maxBytes) await flush();
    }
    if (chunk.length) await flush();
  }
  // Nothing read (empty files): no job was sent, so no batch exists; none is made for nothing.
  if (!records) return { records, chunks };
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

import { newBatch, produceBatch, type PipelineQueues } from '@claimflow/queues';
import type { BatchRef, RawRecord } from '@claimflow/schemas';
import type { HarvestStateStore } from './harvest-state.js';
import { isUnchanged, type KnownPapers } from './known-papers.js';
import type { HarvestRequest, Source } from './source.js';

export interface HarvestOptions {
  source: Source;
  /** What the operator asked for; `since` given starts afresh from that day, else the stored cursor or watermark goes on. */
  request: Partial<HarvestRequest>;
  queues: PipelineQueues;
  state: HarvestStateStore;
  known: KnownPapers;
  chunkSize: number;
  maxQueueDepth: number;
  /** After each page: for progress lines and logs. */
  onPage?: (p: PageProgress) => void;
  /** Ends the run at the next page boundary; what was fetched is sent and the cursor kept. */
  signal?: AbortSignal;
  /** Where a source never harvested before starts (HARVEST_SINCE); default: yesterday. */
  firstSince?: string;
  /** Today (UTC, YYYY-MM-DD); tests fix it. */
  today?: string;
}

export interface PageProgress {
  page: number;
  fetched: number;
  sent: number;
  unchanged: number;
  rejected: number;
  total: number | null;
}

export interface HarvestSummary extends PageProgress {
  source: string;
  batch: BatchRef | null;
  /** The run went on from a cursor a previous run left. */
  resumed: boolean;
  /** Every page was fetched; false: `error` says why not, and the next run resumes where this one stopped. */
  complete: boolean;
  error: string | null;
  /** Another run of this source held the lock: this one did nothing. */
  busy: boolean;
}

const LOCK_MS = 60_000;
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * One harvest of one source into the pipeline, as one batch: pages are
 * fetched in order, records the store already holds unchanged are skipped,
 * and the rest go to the ingest queue through the batch producer, so they
 * are validated, rejected with reasons and counted as a file's are. The
 * stored cursor moves past a page only once all of its records are in the
 * queue: a run cut off anywhere (a dropped connection, SIGTERM, a crash)
 * leaves the cursor on the first page not yet sent, and the next run
 * resumes there, with nothing lost and nothing sent twice.
 */
export async function runHarvest(opts: HarvestOptions): Promise<HarvestSummary> {
  const { source, state } = opts;
  const progress: PageProgress = { page: 0, fetched: 0, sent: 0, unchanged: 0, rejected: 0, total: null };
  const release = await state.lock(source.name, LOCK_MS);
  if (!release) return { ...progress, source: source.name, batch: null, resumed: false, complete: false, error: null, busy: true };
  try {
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    const stored = await state.get(source.name);
    const resumed = opts.request.since == null && stored.pending != null;
    const since = opts.request.since ?? stored.since ?? opts.firstSince ?? dayBefore(today);
    const until = opts.request.until ?? today;
    const pending = resumed
      ? stored.pending!
      : { cursor: source.start({ ...opts.request, since, until }), until, batchName: `${source.name} ${since}..${until}`, startedAt: new Date().toISOString() };
    await state.set(source.name, { ...stored, pending });

    let cursor: string | null = pending.cursor;
    let error: string | null = null;
    let line = 0;
    // Pages fetched whose records may not all be in the queue yet: the last line each ends on, and the cursor after it.
    const unsent: { endLine: number; next: string | null }[] = [];
    let saving = Promise.resolve();
    const seen = new Set<string>();
    const saveCursor = (next: string) => {
      saving = saving.then(() => state.set(source.name, { ...stored, pending: { ...pending, cursor: next } }));
    };

    async function* records(): AsyncGenerator<RawRecord> {
      while (cursor) {
        if (opts.signal?.aborted) {
          error = 'stopped before the harvest was complete';
          return;
        }
        let page;
        try {
          page = await source.fetchPage(cursor);
        } catch (err) {
          error = (err as Error).message;
          return;
        }
        progress.page++;
        progress.total = page.total ?? progress.total;
        const fresh = page.records.flatMap((r) => ('record' in r && !seen.has(r.record.id) ? [r.record.id] : []));
        const known = await opts.known(fresh);
        for (const r of page.records) {
          progress.fetched++;
          if ('error' in r) {
            progress.rejected++;
            yield { line: ++line, error: r.error, field: r.field };
          } else if (seen.has(r.record.id) || isUnchanged(r.record, known.get(r.record.id))) {
            progress.unchanged++;
          } else {
            seen.add(r.record.id);
            progress.sent++;
            const { id, title, abstract, metadata } = r.record;
            yield { line: ++line, record: { ...metadata, id, title, abstract } };
          }
        }
        unsent.push({ endLine: line, next: page.next });
        cursor = page.next;
        opts.onPage?.({ ...progress });
      }
    }

    const batch = newBatch(pending.batchName);
    await produceBatch(opts.queues, batch, [{ file: source.name, records: records() }], {
      chunkSize: opts.chunkSize,
      maxQueueDepth: opts.maxQueueDepth,
      onProgress: (sentLines) => {
        let done: { endLine: number; next: string | null } | undefined;
        while (unsent.length && unsent[0].endLine <= sentLines) done = unsent.shift();
        if (done?.next) saveCursor(done.next);
      },
    });
    await saving;
    const complete = cursor == null;
    const lastRun = { finishedAt: new Date().toISOString(), sent: progress.sent, unchanged: progress.unchanged, rejected: progress.rejected, error };
    await state.set(source.name, complete ? { since: pending.until, pending: null, lastRun } : { ...stored, pending: { ...pending, cursor: cursor! }, lastRun });
    return { ...progress, source: source.name, batch, resumed, complete, error, busy: false };
  } finally {
    await release();
  }
}

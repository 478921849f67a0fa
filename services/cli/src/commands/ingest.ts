import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { newBatch, produceBatch } from '@claimflow/queues';
import { readRecords } from '@claimflow/readers';
import { formatRejection } from '@claimflow/schemas';
import { explainError, UsageError } from '@claimflow/service-kit';
import { describeFailures, waitForBatches } from '../batch-wait.js';
import { tallied, emptyBatchProblem, type SendTally } from '../checked-records.js';
import { cliContext } from '../cli-context.js';
import { expandInputs } from '../inputs.js';
import { Progress } from '../progress.js';

export const usage = 'claims ingest FILE|FOLDER... [--batch NAME] [--wait]   add a batch to a running pipeline; prints the batch id';
export const options = [
  '  --batch NAME   the batch name (default: the first file\'s name)',
  '  --wait         wait until every record is stored or rejected, then list the rejections',
  '  --no-worker-ms N  with --wait: how long a queue may hold work with no worker before giving up (default 5000)',
].join('\n');

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { batch: { type: 'string' }, wait: { type: 'boolean', default: false }, 'no-worker-ms': { type: 'string', default: '5000' } },
  });
  if (!positionals.length) throw new UsageError('name at least one file or folder to ingest');
  const noWorkerMs = Number(values['no-worker-ms']);
  if (!Number.isInteger(noWorkerMs) || noWorkerMs < 0) throw new UsageError(`--no-worker-ms: expected a whole number of milliseconds, got "${values['no-worker-ms']}"`);
  const files = expandInputs(positionals);
  const ctx = await cliContext('ingest');
  try {
    // With --wait, the store is asked first: a batch sent that cannot be waited for is a surprise.
    const store = values.wait
      ? await ctx.store().catch((err) => {
          throw new StoreFirstError(`cannot wait, so nothing was sent: ${explainError(err, ctx.config) ?? (err as Error).message}`);
        })
      : null;
    const batch = newBatch(values.batch ?? basename(files[0]));
    const progress = new Progress(`ingest ${batch.id}`);
    const tally: SendTally = { records: 0, valid: 0, rejections: [] };
    const sent = await produceBatch(
      ctx.queues,
      batch,
      files.map((file) => ({ file, records: tallied(readRecords(file), file, tally) })),
      { chunkSize: ctx.config.CHUNK_SIZE, chunkBytes: ctx.config.CHUNK_BYTES, maxQueueDepth: ctx.config.MAX_QUEUE_DEPTH, onProgress: (n) => progress.update(n, null, 'records sent') },
    );
    progress.done(sent.records, sent.records, 'records sent');
    process.stdout.write(`${batch.id}\n`);
    const problem = emptyBatchProblem(tally, files);
    if (problem) {
      for (const r of tally.rejections) process.stderr.write(`rejected ${r}\n`);
      process.stderr.write(`claims ingest: batch ${batch.id}: ${problem}\n`);
      return 1;
    }
    if (!store) return 0;
    const result = await waitForBatches(store, ctx.queues, [batch.id], { progress: new Progress('stored'), noWorkerMs });
    for (const r of await store.rejections(batch.id)) process.stderr.write(`rejected ${formatRejection(r)}\n`);
    const matched = await store.matchedPapers(batch.id, 3);
    if (matched.count) process.stderr.write(`${matched.count} record(s) are papers already stored under another id (same title and abstract), kept as one: ${matched.examples.map((m) => `${m.file}:${m.line} is ${m.paperId}`).join(', ')}\n`);
    if (result.noWorker) {
      process.stderr.write(
        `claims ingest: batch ${batch.id} is queued, but no worker is consuming the ${result.noWorker} queue on prefix ${ctx.config.QUEUE_PREFIX}: start the workers (docker compose up -d, or claims worker ${result.noWorker}) and it will go on; claims status shows it\n`,
      );
      return 1;
    }
    if (result.failed.length) {
      process.stderr.write(`claims ingest: batch ${batch.id} cannot finish: ${result.failed.length} job(s) failed\n${describeFailures(result.failed).join('\n')}\n`);
      return 1;
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

/** The store did not answer before a --wait: said in one line, and nothing was sent. */
class StoreFirstError extends Error {
  override name = 'StoreUnavailableError';
}

import { parseArgs } from 'node:util';
import { formatRejection } from '@claimflow/schemas';
import { explainError, UsageError } from '@claimflow/service-kit';
import { describeFailures, waitForBatches } from '../batch-wait.js';
import { emptyBatchProblem } from '../checked-records.js';
import { sendFiles } from '../send-files.js';
import { cliContext } from '../cli-context.js';
import { expandInputs } from '../inputs.js';
import { EXIT, rejectedLine } from '../exit-codes.js';
import { Progress } from '../progress.js';
import { matchedPapersLine, outcomesLine } from '../summary.js';

export const usage = 'claims ingest FILE|FOLDER... [--batch NAME] [--wait]   add batches to a running pipeline, one per file (a folder: each file in it); prints their ids';
export const options = [
  '  --batch NAME   all the files as one batch of this name (default: one batch per file, named after it)',
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
    const progress = new Progress('ingest');
    const { batches, tally } = await sendFiles(ctx, files, { batchName: values.batch, onProgress: (n) => progress.update(n, null, 'records sent') });
    progress.done(tally.records, tally.records, 'records sent');
    for (const b of batches) process.stdout.write(`${b.id}\n`);
    const ids = batches.map((b) => b.id);
    const problem = emptyBatchProblem(tally, files);
    if (problem) {
      for (const r of tally.rejections) process.stderr.write(`rejected ${r}\n`);
      process.stderr.write(`claims ingest: ${ids.length ? `batch ${ids.join(', ')}: ` : ''}${problem}\n`);
      return 1;
    }
    // Without --wait, what the ingest stage will reject is known from sending: the same exit 3 as after waiting.
    if (!store) return reportRejected(tally.records - tally.valid, tally.records, ids);
    const result = await waitForBatches(store, ctx.queues, ids, { progress: new Progress('stored'), noWorkerMs });
    if (!result.noWorker && !result.failed.length) process.stderr.write(`${await outcomesLine(store, ids)}\n`);
    for (const id of ids) {
      for (const r of await store.rejections(id)) process.stderr.write(`rejected ${formatRejection(r)}\n`);
      const matched = await store.matchedPapers(id, 3);
      if (matched.count) process.stderr.write(`${matchedPapersLine(matched, ids.length > 1 ? id : undefined)}\n`);
    }
    const batchWord = `batch${ids.length > 1 ? 'es' : ''} ${ids.join(', ')}`;
    if (result.noWorker) {
      process.stderr.write(
        `claims ingest: ${batchWord} ${ids.length > 1 ? "are" : "is"} queued, but no worker is consuming the ${result.noWorker} queue on prefix ${ctx.config.QUEUE_PREFIX}: start the workers (docker compose up -d, or claims worker ${result.noWorker}) and it will go on; claims status shows it\n`,
      );
      return 1;
    }
    if (result.failed.length) {
      process.stderr.write(`claims ingest: ${batchWord} cannot finish: ${result.failed.length} job(s) failed\n${describeFailures(result.failed).join('\n')}\n`);
      return 1;
    }
    return reportRejected(result.batches.reduce((n, b) => n + b.rejected, 0), result.batches.reduce((n, b) => n + (b.total ?? 0), 0), ids);
  } finally {
    await ctx.close();
  }
}

function reportRejected(rejected: number, records: number, ids: string[]): number {
  const line = rejectedLine('ingest', rejected, records, ids);
  if (line) process.stderr.write(`${line}\n`);
  return line ? EXIT.someRejected : EXIT.ok;
}

/** The store did not answer before a --wait: said in one line, and nothing was sent. */
class StoreFirstError extends Error {
  override name = 'StoreUnavailableError';
}

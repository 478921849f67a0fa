import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { newBatch, produceBatch } from '@claimflow/queues';
import { readRecords } from '@claimflow/readers';
import { formatRejection } from '@claimflow/schemas';
import { waitForBatches } from '../batch-wait.js';
import { cliContext } from '../cli-context.js';
import { checkInputFiles } from '../inputs.js';
import { Progress } from '../progress.js';

export const usage = 'claims ingest FILE... [--batch NAME] [--wait]   add a batch to a running pipeline; prints the batch id';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { batch: { type: 'string' }, wait: { type: 'boolean', default: false } },
  });
  if (!files.length) {
    process.stderr.write(`usage: ${usage}\n`);
    return 2;
  }
  checkInputFiles(files);
  const ctx = await cliContext('ingest');
  try {
    const batch = newBatch(values.batch ?? basename(files[0]));
    const progress = new Progress(`ingest ${batch.id}`);
    const sent = await produceBatch(
      ctx.queues,
      batch,
      files.map((file) => ({ file, records: readRecords(file) })),
      { chunkSize: ctx.config.CHUNK_SIZE, maxQueueDepth: ctx.config.MAX_QUEUE_DEPTH, onProgress: (n) => progress.update(n, null, 'records sent') },
    );
    progress.done(sent.records, sent.records, 'records sent');
    process.stdout.write(`${batch.id}\n`);
    if (!values.wait) return 0;
    const store = await ctx.store();
    const result = await waitForBatches(store, ctx.queues, [batch.id], new Progress('stored'));
    for (const r of await store.rejections(batch.id)) process.stderr.write(`rejected ${formatRejection(r)}\n`);
    return result.failed ? 1 : 0;
  } finally {
    await ctx.close();
  }
}

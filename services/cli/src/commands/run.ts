import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { newBatch, produceBatch } from '@claimflow/queues';
import { readRecords } from '@claimflow/readers';
import type { BatchRef } from '@claimflow/schemas';
import { startApi } from '@claimflow/api';
import type { Running, ServiceContext } from '@claimflow/service-kit';
import { waitForBatches } from '../batch-wait.js';
import { cliContext, describeStore } from '../cli-context.js';
import { checkInputFiles } from '../inputs.js';
import { Progress } from '../progress.js';
import { batchFilesIn } from '../seeds.js';
import { printSummary } from '../summary.js';
import { WORKERS } from './worker.js';

/** The API beside the workers; a port already taken only costs the web view, not the run. */
async function startApiIfPortFree(ctx: ServiceContext): Promise<Running | null> {
  try {
    return await startApi(ctx);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    process.stderr.write(`claims run: port ${ctx.config.PORT} is in use, so the API is not started (set PORT)\n`);
    return null;
  }
}

export const usage = 'claims run [FILE...] [--serve]   the whole pipeline and the API in one process over FILEs (default: seeds/); prints what it stored, then exits (--serve: keeps the API up)';

export async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { serve: { type: 'boolean', default: false } } });
  const files = positionals.length ? positionals : batchFilesIn('seeds');
  if (!files.length) {
    process.stderr.write('claims run: no batch files given and none in seeds/\n');
    return 2;
  }
  checkInputFiles(files);
  const started = performance.now();
  // Its own queue prefix unless one is set: a one-shot run shares no queue with a running stack.
  const prefix = process.env.QUEUE_PREFIX || `run-${randomBytes(4).toString('hex')}`;
  const ctx = await cliContext('run', { QUEUE_PREFIX: prefix, HEALTH_PORT: 0 });
  const services: Running[] = [];
  try {
    const store = await ctx.store();
    for (const worker of Object.values(WORKERS)) services.push(await (await worker.load())(ctx));
    const api = await startApiIfPortFree(ctx);
    if (api) services.push(api);
    const batches: BatchRef[] = [];
    const sending = new Progress('sending');
    let sent = 0;
    for (const file of files) {
      const batch = newBatch(basename(file));
      batches.push(batch);
      const result = await produceBatch(ctx.queues, batch, [{ file, records: readRecords(file) }], {
        chunkSize: ctx.config.CHUNK_SIZE,
        maxQueueDepth: ctx.config.MAX_QUEUE_DEPTH,
        onProgress: (n) => sending.update(sent + n, null, 'records'),
      });
      sent += result.records;
    }
    sending.done(sent, sent, `records from ${files.length} file(s)`);
    const result = await waitForBatches(store, ctx.queues, batches.map((b) => b.id), new Progress('stored'));
    await printSummary(process.stdout, store, result.batches, {
      seconds: (performance.now() - started) / 1000,
      storeName: describeStore(ctx.config),
    });
    if (values.serve && api) {
      process.stdout.write(`Browse the claims at http://localhost:${ctx.config.PORT}/ (API docs at /docs); Ctrl-C to stop.\n`);
      await new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
    } else {
      process.stdout.write(`To browse them: npx claims api, then http://localhost:${ctx.config.PORT}/ (or claims run --serve)\n`);
    }
    if (result.failed) {
      process.stderr.write(`claims run: ${result.failed} job(s) failed; their batches are incomplete (see the worker logs)\n`);
      return 1;
    }
    return 0;
  } finally {
    await Promise.allSettled(services.map((s) => s.stop()));
    if (!process.env.QUEUE_PREFIX) await Promise.allSettled(Object.values(ctx.queues.byStage).map((q) => q.obliterate({ force: true })));
    await ctx.close();
  }
}

import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { deleteQueueKeys } from '@claimflow/queues';
import { startApi } from '@claimflow/api';
import { InputError, type Running, type ServiceContext } from '@claimflow/service-kit';
import { describeFailures, waitForBatches } from '../batch-wait.js';
import { emptyBatchProblem } from '../checked-records.js';
import { sendFiles, type Sent } from '../send-files.js';
import { cliContext, describeStore } from '../cli-context.js';
import { expandInputs } from '../inputs.js';
import { Progress } from '../progress.js';
import { EXIT, rejectedLine } from '../exit-codes.js';
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

export const usage = 'claims run [FILE|FOLDER...] [--serve]   the whole pipeline and the API in one process over FILEs (default: seeds/); prints what it stored, then exits (--serve: keeps the API up)';
export const options = [
  '  --serve   keep the API and web page up after the run, until Ctrl-C',
  '  Its queues use a private prefix (printed at the start; claims status --prefix P looks at them) unless QUEUE_PREFIX is set.',
  '  Ctrl-C or SIGTERM stops the workers cleanly, marks unfinished batches interrupted and removes the private queues.',
].join('\n');

const sum = <K extends 'rejected' | 'total'>(batches: { [k in K]: number | null }[], key: K) => batches.reduce((n, b) => n + (b[key] ?? 0), 0);

/** The input: FILEs and FOLDERs given, else the seeds/ folder of the current directory. */
function inputsOf(positionals: string[]): string[] {
  if (positionals.length) return expandInputs(positionals);
  try {
    return expandInputs(['seeds']);
  } catch {
    throw new InputError(`no input given and no batch file in ./seeds (in ${process.cwd()}): name files or folders (claims run my-batch.jsonl), or run it from the repository root`);
  }
}

/** SIGINT/SIGTERM while running: a signal that aborts, and which signal it was; a second one exits at once. */
function interruptible(): { signal: AbortSignal; which: () => NodeJS.Signals | null; dispose: () => void } {
  const controller = new AbortController();
  let which: NodeJS.Signals | null = null;
  const on = (sig: NodeJS.Signals) => () => {
    if (which) process.exit(sig === 'SIGINT' ? 130 : 143);
    which = sig;
    process.stderr.write(`\nclaims run: ${sig}: stopping the workers (again to exit at once)…\n`);
    controller.abort(new Error(sig));
  };
  const int = on('SIGINT');
  const term = on('SIGTERM');
  process.on('SIGINT', int).on('SIGTERM', term);
  return { signal: controller.signal, which: () => which, dispose: () => void process.off('SIGINT', int).off('SIGTERM', term) };
}

export async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { serve: { type: 'boolean', default: false } } });
  const files = inputsOf(positionals);
  const started = performance.now();
  // Its own queue prefix unless one is set: a one-shot run shares no queue with a running stack.
  const ownPrefix = !process.env.QUEUE_PREFIX;
  const prefix = process.env.QUEUE_PREFIX || `run-${randomBytes(4).toString('hex')}`;
  // Extraction on a thread of its own (unless EXTRACT_THREADS is set): here every stage and the embedded store share one thread.
  const threads = process.env.EXTRACT_THREADS ? {} : { EXTRACT_THREADS: 1 };
  const ctx = await cliContext('run', { QUEUE_PREFIX: prefix, HEALTH_PORT: 0, ...threads });
  process.stderr.write(`claims run: queue prefix ${prefix} (watch it with: claims status --prefix ${prefix})\n`);
  const services: Running[] = [];
  const interrupt = interruptible();
  const sent: Sent = { batches: [], tally: { records: 0, valid: 0, rejections: [] } };
  const store = await ctx.store();
  try {
    for (const worker of Object.values(WORKERS)) services.push(await (await worker.load())(ctx));
    const api = await startApiIfPortFree(ctx);
    if (api) services.push(api);
    const sending = new Progress('sending');
    await sendFiles(ctx, files, { signal: interrupt.signal, onProgress: (n) => sending.update(n, null, 'records') }, sent);
    const { tally, batches } = sent;
    sending.done(tally.records, tally.records, `records from ${files.length} file(s)`);
    const result = await waitForBatches(store, ctx.queues, batches.map((b) => b.id), { progress: new Progress('stored'), signal: interrupt.signal });
    await printSummary(process.stdout, store, result.batches, {
      seconds: (performance.now() - started) / 1000,
      storeName: describeStore(ctx.config),
    });
    if (values.serve && api) {
      process.stdout.write(`Browse the claims at http://localhost:${ctx.config.PORT}/ (API docs at /docs); Ctrl-C to stop.\n`);
      await new Promise((resolve) => interrupt.signal.addEventListener('abort', resolve));
      return 0;
    }
    process.stdout.write(`To browse them: npx claims api, then http://localhost:${ctx.config.PORT}/ (or claims run --serve)\n`);
    if (result.failed.length) {
      process.stderr.write(`claims run: ${result.failed.length} job(s) failed; their batches are incomplete\n${describeFailures(result.failed).join('\n')}\n`);
      return 1;
    }
    const problem = emptyBatchProblem(tally, files);
    if (problem) {
      process.stderr.write(`claims run: ${problem}\n`);
      return EXIT.failure;
    }
    const rejected = rejectedLine('run', sum(result.batches, 'rejected'), sum(result.batches, 'total'), result.batches.map((b) => b.id));
    if (rejected) process.stderr.write(`${rejected}\n`);
    return rejected ? EXIT.someRejected : EXIT.ok;
  } catch (err) {
    if (!interrupt.signal.aborted) throw err;
    // Interrupted: below, the workers stop and hand back what they hold, then the batches are marked.
    return interrupt.which() === 'SIGINT' ? 130 : 143;
  } finally {
    await Promise.allSettled(services.map((s) => s.stop()));
    if (interrupt.signal.aborted && sent.batches.length) {
      await store.markInterrupted(sent.batches.map((b) => b.id)).catch(() => {});
    }
    if (ownPrefix) await deleteQueueKeys(ctx.producerRedis, prefix).catch(() => {});
    await ctx.close();
    interrupt.dispose();
    if (interrupt.signal.aborted && !values.serve) {
      process.stderr.write(
        `claims run: interrupted by ${interrupt.which()}: workers stopped, ${sent.batches.length} batch(es) marked interrupted where unfinished${ownPrefix ? `, private queues ${prefix} removed` : ''}; claims status shows what was stored\n`,
      );
    }
  }
}

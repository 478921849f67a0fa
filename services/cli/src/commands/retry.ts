import { parseArgs } from 'node:util';
import { cliContext, prefixOverride } from '../cli-context.js';
import { parseStage } from './failures.js';

export const usage = 'claims retry [--stage S | --job ID] [--prefix P]   re-enqueue failed jobs';
export const options = [
  '  --stage S    only the failed jobs of this stage',
  '  --job ID     only this job (see claims failures)',
  '  --prefix P   the queue prefix to look in (default: QUEUE_PREFIX)',
].join('\n');

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { stage: { type: 'string' }, job: { type: 'string' }, prefix: { type: 'string' } } });
  const stages = parseStage(values.stage);
  const ctx = await cliContext('retry', prefixOverride(values.prefix));
  try {
    let retried = 0;
    for (const stage of stages) {
      const queue = ctx.queues.byStage[stage];
      if (values.job) {
        const job = await queue.getJob(values.job);
        if (job && (await job.isFailed())) {
          await job.retry('failed');
          retried++;
        }
      } else {
        const failed = await queue.getFailedCount();
        if (failed) await queue.retryJobs({ state: 'failed', count: 1000 });
        retried += failed;
      }
    }
    process.stdout.write(`re-enqueued ${retried} failed job(s)\n`);
    return values.job && !retried ? 1 : 0;
  } finally {
    await ctx.close();
  }
}

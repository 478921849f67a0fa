import { parseArgs } from 'node:util';
import { whenReady } from '@claimflow/queues';
import { formatRejection } from '@claimflow/schemas';
import { configuredRequest, createSource, HarvestStateStore, pipelineHarvest, runHarvest, SOURCE_NAMES, sourceSettings, type HarvestSummary, type SourceName } from '@claimflow/sources';
import { UsageError } from '@claimflow/service-kit';
import { describeFailures, waitForBatches } from '../batch-wait.js';
import { cliContext } from '../cli-context.js';
import { Progress } from '../progress.js';

export const usage = `claims harvest ${SOURCE_NAMES.join('|')} [--since DATE] [--query Q] [--wait] | status   fetch new papers from a source into the running pipeline`;
export const options = [
  '  --since DATE   start from this day (YYYY-MM-DD) instead of where the last harvest of this source stopped',
  '  --until DATE   the last day to fetch (default: today, UTC)',
  '  --query Q      arxiv-search: the search query, e.g. "cat:cs.LG AND abs:quantization" (default: ARXIV_SEARCH_QUERY)',
  '  --set S        arxiv-oai: the OAI set, e.g. cs or physics:hep-th (default: ARXIV_OAI_SET; none: all of arXiv)',
  '  --filter F     openalex: filter terms, e.g. concepts.id:C154945302 (default: OPENALEX_FILTER)',
  '  --wait         wait until every record sent is stored or rejected, then list the rejections',
  '  --no-worker-ms N  with --wait: how long a queue may hold work with no worker before giving up (default 5000)',
  '',
  'claims harvest status shows each source\'s cursor and last run.',
  'Needs HARVEST_CONTACT (an e-mail address sent to the source). A harvest cut off (a dropped connection,',
  'Ctrl-C) keeps its cursor: the next run of the same source goes on from the first page not yet sent.',
].join('\n');

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayOption(value: string | undefined, flag: string): string | undefined {
  if (value == null) return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`${flag}: expected a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      query: { type: 'string' },
      set: { type: 'string' },
      filter: { type: 'string' },
      wait: { type: 'boolean', default: false },
      'no-worker-ms': { type: 'string', default: '5000' },
    },
  });
  if (positionals[0] === 'status' && positionals.length === 1) return showStatus();
  const name = positionals[0] as SourceName;
  if (!SOURCE_NAMES.includes(name) || positionals.length > 1) {
    throw new UsageError(positionals.length > 1 ? `one source at a time, got ${positionals.join(' ')}` : `expected one of ${SOURCE_NAMES.join(', ')}${name ? `, got "${name}"` : ''}`);
  }
  const since = dayOption(values.since, '--since');
  const until = dayOption(values.until, '--until');
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const noWorkerMs = Number(values['no-worker-ms']);
  if (!Number.isInteger(noWorkerMs) || noWorkerMs < 0) throw new UsageError(`--no-worker-ms: expected a whole number of milliseconds, got "${values['no-worker-ms']}"`);

  const ctx = await cliContext('harvest');
  try {
    const configured = configuredRequest(ctx.config);
    const request = { since, until, set: values.set ?? configured.set, query: values.query ?? configured.query, filter: values.filter ?? configured.filter };
    if (name === 'arxiv-search' && !request.query) throw new UsageError('arxiv-search needs --query (or ARXIV_SEARCH_QUERY), e.g. --query "cat:cs.LG AND abs:quantization"');
    const source = createSource(name, sourceSettings(ctx.config, name));
    const store = await ctx.store();
    await whenReady(ctx.producerRedis); // the cursor's lock is the first command, and this connection queues none
    const progress = new Progress(`harvest ${name}`);
    // Ctrl-C ends the run at the next page: what was fetched is sent, and the cursor is kept for the next run.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let summary: HarvestSummary;
    try {
      summary = await runHarvest({
        ...pipelineHarvest(ctx.config, { redis: ctx.producerRedis, queues: ctx.queues, sql: store.sql }),
        source,
        request,
        signal: stop.signal,
        onPage: (p) => progress.update(p.page, null, `pages, ${p.fetched} records: ${p.sent} new, ${p.unchanged} unchanged, ${p.rejected} rejected`),
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    if (summary.busy) {
      process.stderr.write(`claims harvest: another harvest of ${name} is running (the harvester service, or another claims harvest); nothing was done\n`);
      return 1;
    }
    progress.done(summary.page, null, `pages, ${summary.fetched} records: ${summary.sent} new, ${summary.unchanged} unchanged, ${summary.rejected} rejected`);
    process.stdout.write(`${summary.batch!.id}\n`);
    process.stderr.write(`${name}: ${summary.resumed ? 'resumed from the stored cursor; ' : ''}${summary.page} page(s), ${summary.fetched} record(s): ${summary.sent} new or changed, ${summary.unchanged} already stored unchanged, ${summary.rejected} rejected at the source\n`);
    if (summary.error) {
      process.stderr.write(`claims harvest: ${name} stopped before the end: ${summary.error}; what was fetched is in batch ${summary.batch!.id}, and the next claims harvest ${name} goes on from there\n`);
    }
    let code = summary.error ? 1 : 0;
    if (values.wait) {
      const result = await waitForBatches(store, ctx.queues, [summary.batch!.id], { progress: new Progress('stored'), noWorkerMs });
      for (const r of await store.rejections(summary.batch!.id)) process.stderr.write(`rejected ${formatRejection(r)}\n`);
      if (result.noWorker) {
        process.stderr.write(`claims harvest: batch ${summary.batch!.id} is queued, but no worker is consuming the ${result.noWorker} queue on prefix ${ctx.config.QUEUE_PREFIX}: start the workers (docker compose up -d, or claims worker ${result.noWorker})\n`);
        code = 1;
      } else if (result.failed.length) {
        process.stderr.write(`claims harvest: batch ${summary.batch!.id} cannot finish: ${result.failed.length} job(s) failed\n${describeFailures(result.failed).join('\n')}\n`);
        code = 1;
      }
    }
    return code;
  } finally {
    await ctx.close();
  }
}

/** `claims harvest status`: where each source's harvests stand. */
async function showStatus(): Promise<number> {
  const ctx = await cliContext('harvest');
  try {
    await whenReady(ctx.producerRedis);
    const states = new HarvestStateStore(ctx.producerRedis, ctx.config.QUEUE_PREFIX);
    for (const name of SOURCE_NAMES) {
      const s = await states.get(name);
      const next = s.pending ? `unfinished run (${s.pending.batchName}): the next run resumes at its stored cursor` : s.since ? `next run from ${s.since}` : 'never harvested';
      const last = s.lastRun
        ? `; last run ${s.lastRun.finishedAt}: ${s.lastRun.sent} sent, ${s.lastRun.unchanged} unchanged, ${s.lastRun.rejected} rejected${s.lastRun.error ? `, stopped: ${s.lastRun.error}` : ''}`
        : '';
      process.stdout.write(`${name}  ${next}${last}\n`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

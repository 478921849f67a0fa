import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { deleteSearch, feedPath, FILTER_USAGE, listSearches, parseClaimArgs, saveSearch, SearchExistsError, UsageError } from '@claimflow/analyst';
import { sendDigests } from '@claimflow/alerts';
import { loadConfig } from '@claimflow/config';
import { createLogger } from '@claimflow/logger';
import { createRedis, queuePrefix, WEBHOOK_QUEUE } from '@claimflow/queues';
import { ClaimFilterQuery, FilterOnlyQuery, SaveSearchBody, SearchName } from '@claimflow/schemas';
import { FILTER_HELP, reportFailure, type CliDeps } from './cli-deps.js';

export const usage = 'claims search save NAME [filters] [--webhook URL] [--email ADDRESS] | list | delete NAME | digest | deliveries   saved searches and their alerts';
export const options = [
  '  save NAME [filters]   save the claim filter (the options of claims query) under NAME; claims stored from now on that',
  '                        match it go to /feeds/NAME.atom, to --webhook URL (POSTed JSON, signed with ALERT_WEBHOOK_SECRET)',
  '                        and in the daily digest to --email ADDRESS (SMTP_URL)',
  '  list                  every saved search: name, filter, where its alerts go',
  '  delete NAME           delete a saved search (its alerts stop)',
  '  digest                send the digest e-mails now (the harvester sends them on DIGEST_CRON)',
  '  deliveries            webhook deliveries that failed for good (dead letters), with their reasons',
  '',
  'filters for save:',
  ...FILTER_HELP.split('\n').filter((line) => !line.includes('--sort')),
].join('\n');

const FILTER_KEYS = Object.keys(ClaimFilterQuery.shape).filter((k) => k !== 'sort');
const SUBCOMMANDS = ['save', 'list', 'delete', 'digest', 'deliveries'] as const;

function nameArg(argv: string[], what: string): string {
  const name = argv[0];
  if (!name || name.startsWith('-')) throw new UsageError(`${what} needs a NAME first${name ? `, got "${name}"` : ''}`);
  const parsed = SearchName.safeParse(name);
  if (!parsed.success) throw new UsageError(`NAME "${name}": ${parsed.error.issues[0].message}`);
  return name;
}

/** `claims search …`: the saved searches of the API's /api/searches, from the command line. */
export async function run(argv: string[], ctx: CliDeps): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (!SUBCOMMANDS.includes(sub as never)) throw new UsageError(`expected one of ${SUBCOMMANDS.join(', ')}${sub ? `, got "${sub}"` : ''}`);
    if (sub === 'save') {
      const name = nameArg(rest, 'save');
      const { query, values } = parseClaimArgs(rest.slice(1), { webhook: { type: 'string' }, email: { type: 'string' } }, FilterOnlyQuery, FILTER_KEYS);
      for (const flag of ['sort', 'limit', 'cursor']) if (values[flag] !== undefined) throw new UsageError(`--${flag}: a saved search is a filter; its claims come newest first in its feed`);
      const body = SaveSearchBody.safeParse({ name, filter: query, webhookUrl: values.webhook, email: values.email });
      if (!body.success) {
        const issue = body.error.issues[0];
        throw new UsageError(`--${issue.path[0] === 'webhookUrl' ? 'webhook' : String(issue.path[0])}: ${issue.message}`);
      }
      const saved = await saveSearch((await ctx.store()).sql, body.data);
      ctx.out.write(`saved "${saved.name}": ${JSON.stringify(saved.filter)}; its feed is ${feedPath(saved.name)}${saved.webhookUrl ? `, webhook ${saved.webhookUrl}` : ''}${saved.email ? `, digest to ${saved.email}` : ''}\n`);
      return 0;
    }
    if (sub === 'delete') {
      const name = nameArg(rest, 'delete');
      if (rest.length > 1) throw new UsageError(`delete takes one NAME, got ${rest.join(' ')}`);
      if (!(await deleteSearch((await ctx.store()).sql, name))) {
        ctx.err.write(`claims search: no saved search named "${name}" (claims search list shows them)\n`);
        return 1;
      }
      ctx.out.write(`deleted "${name}"\n`);
      return 0;
    }
    parseArgs({ args: rest, options: {}, strict: true }); // list, digest and deliveries take nothing more
    if (sub === 'list') {
      const searches = await listSearches((await ctx.store()).sql);
      if (!searches.length) ctx.out.write('no saved search: claims search save NAME [filters] makes one\n');
      for (const s of searches) {
        const to = [s.webhookUrl && `webhook ${s.webhookUrl}`, s.email && `digest ${s.email}`].filter(Boolean).join(', ');
        ctx.out.write(`${s.name}  ${JSON.stringify(s.filter)}  since ${s.createdAt}  feed ${feedPath(s.name)}${to ? `  ${to}` : ''}\n`);
      }
      return 0;
    }
    const config = loadConfig();
    if (sub === 'digest') {
      if (!config.SMTP_URL) throw new UsageError('SMTP_URL is not set: set it to the SMTP server the digest goes through (smtp://host:port)');
      const result = await sendDigests((await ctx.store()).sql, { smtpUrl: config.SMTP_URL, from: config.DIGEST_FROM, publicUrl: config.PUBLIC_URL });
      ctx.out.write(`sent ${result.sent} digest(s) with ${result.claims} new claim(s)\n`);
      return 0;
    }
    const redis = createRedis(config, 'producer', createLogger('search', 'warn'));
    const queue = new Queue(WEBHOOK_QUEUE, { connection: redis, prefix: queuePrefix(redis, config.QUEUE_PREFIX) });
    try {
      const failed = await queue.getFailed(0, 999);
      if (!failed.length) ctx.out.write('no failed webhook delivery\n');
      for (const job of failed) {
        ctx.out.write(`${job.data.search}  ${job.data.url}  ${job.attemptsMade} attempt(s), last ${new Date(job.finishedOn ?? job.timestamp).toISOString()}: ${job.failedReason}\n`);
      }
      return 0;
    } finally {
      await queue.close();
      redis.disconnect();
    }
  } catch (err) {
    if (err instanceof SearchExistsError) {
      ctx.err.write(`claims search: ${err.message}\n`);
      return 1;
    }
    return reportFailure('search', usage, err, ctx);
  }
}

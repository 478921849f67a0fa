import { parseArgs } from 'node:util';
import { runMain, UsageError, type ServiceStarter } from '@claimflow/service-kit';
import { portOption } from '../argv.js';

/** Each worker as its container runs it: `claims worker <stage>`; only its own service is loaded. */
export const WORKERS: Record<string, { service: string; load: () => Promise<ServiceStarter> }> = {
  ingest: { service: 'ingest', load: async () => (await import('@claimflow/ingest')).startIngest },
  extract: { service: 'extractor', load: async () => (await import('@claimflow/extractor')).startExtractor },
  normalize: { service: 'normalizer', load: async () => (await import('@claimflow/normalizer')).startNormalizer },
  write: { service: 'writer', load: async () => (await import('@claimflow/writer')).startWriter },
};

/**
 * Node flags the worker processes run with (NODE_OPTIONS in docker-compose.yml,
 * and in the bench's workers). A worker's live heap is small (about 15 MB
 * after a collection, the extractor's lexicons included; a chunk in flight a
 * few MB more), but V8 lets the old space grow far past that before it
 * collects, and on a long ingest that sawtooth was most of the 200–254 MB
 * peaks. A cap of 96 MB makes it collect sooner; the cost is a little more GC.
 */
export const WORKER_NODE_OPTIONS = '--max-old-space-size=96';

export const usage = `claims worker ${Object.keys(WORKERS).join('|')} [--health-port N]   run one pipeline worker until SIGTERM`;
export const options = '  --health-port N   serve /healthz, /readyz and /metrics on port N (default: HEALTH_PORT, else off)';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'health-port': { type: 'string' } } });
  const worker = WORKERS[positionals[0] ?? ''];
  if (!worker || positionals.length > 1) {
    throw new UsageError(positionals.length > 1 ? `one worker at a time, got ${positionals.join(' ')}` : `expected one of ${Object.keys(WORKERS).join(', ')}${positionals[0] ? `, got "${positionals[0]}"` : ''}`);
  }
  const port = portOption(values['health-port'], '--health-port');
  await runMain(worker.service, [await worker.load()], port == null ? {} : { HEALTH_PORT: port });
  return -1; // keeps running until a signal
}

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

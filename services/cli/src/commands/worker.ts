import { runMain, type ServiceStarter } from '@claimflow/service-kit';
import { startExtractor } from '@claimflow/extractor';
import { startIngest } from '@claimflow/ingest';
import { startNormalizer } from '@claimflow/normalizer';
import { startWriter } from '@claimflow/writer';

/** Each worker as its container runs it: `claims worker <stage>`. */
export const WORKERS: Record<string, { service: string; start: ServiceStarter }> = {
  ingest: { service: 'ingest', start: startIngest },
  extract: { service: 'extractor', start: startExtractor },
  normalize: { service: 'normalizer', start: startNormalizer },
  write: { service: 'writer', start: startWriter },
};

export const usage = `claims worker ${Object.keys(WORKERS).join('|')}   run one pipeline worker until SIGTERM`;

export async function run(argv: string[]): Promise<number> {
  const worker = WORKERS[argv[0] ?? ''];
  if (!worker) {
    process.stderr.write(`claims worker: expected one of ${Object.keys(WORKERS).join(', ')}\n`);
    return 2;
  }
  await runMain(worker.service, [worker.start]);
  return -1; // keeps running until a signal
}

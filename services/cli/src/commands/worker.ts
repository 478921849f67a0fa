import { runMain, type ServiceStarter } from '@claimflow/service-kit';

/** Each worker as its container runs it: `claims worker <stage>`; only its own service is loaded. */
export const WORKERS: Record<string, { service: string; load: () => Promise<ServiceStarter> }> = {
  ingest: { service: 'ingest', load: async () => (await import('@claimflow/ingest')).startIngest },
  extract: { service: 'extractor', load: async () => (await import('@claimflow/extractor')).startExtractor },
  normalize: { service: 'normalizer', load: async () => (await import('@claimflow/normalizer')).startNormalizer },
  write: { service: 'writer', load: async () => (await import('@claimflow/writer')).startWriter },
};

export const usage = `claims worker ${Object.keys(WORKERS).join('|')}   run one pipeline worker until SIGTERM`;

export async function run(argv: string[]): Promise<number> {
  const worker = WORKERS[argv[0] ?? ''];
  if (!worker) {
    process.stderr.write(`claims worker: expected one of ${Object.keys(WORKERS).join(', ')}\n`);
    return 2;
  }
  await runMain(worker.service, [await worker.load()]);
  return -1; // keeps running until a signal
}

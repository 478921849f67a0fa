import { parseArgs } from 'node:util';
import { loadConfig } from '@claimflow/config';
import { EXTRACTOR_VERSION, extractClaims } from '@claimflow/extract';
import { KEYS_VERSION, openStore } from '@claimflow/store';
import { UsageError } from '@claimflow/service-kit';
import { Progress } from '../progress.js';

export const usage = 'claims reprocess [--batch ID | --all]   re-extract stored papers whose claims came from an older extractor, and recompute canonical keys computed by older key tables';
export const options = [
  '  --batch ID   only the papers of this batch',
  '  --all        every stored paper',
].join('\n');

const CHUNK = 200;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { batch: { type: 'string' }, all: { type: 'boolean', default: false } } });
  if (!values.batch && !values.all) throw new UsageError('say which papers: --batch ID or --all');
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, statementTimeoutMs: config.STATEMENT_TIMEOUT_MS });
  try {
    const ids = await store.stalePaperIds(EXTRACTOR_VERSION, values.batch);
    const progress = new Progress(`reprocess → ${EXTRACTOR_VERSION}`);
    let claims = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const papers = await store.papers(ids.slice(i, i + CHUNK));
      // One transaction per chunk: each paper's old claims give way to its new ones at once.
      claims += await store.replaceClaims(
        papers.map((paper) => ({ paper, claims: extractClaims(paper.id, paper.abstract) })),
        EXTRACTOR_VERSION,
      );
      progress.update(Math.min(i + CHUNK, ids.length), ids.length, 'papers');
    }
    progress.done(ids.length, ids.length, 'papers');
    process.stdout.write(`reprocessed ${ids.length} papers with extractor ${EXTRACTOR_VERSION}: ${claims} claims\n`);
    // Claims the re-extraction did not touch keep their text; only their keys may be older than the key tables.
    const keyed = await store.refreshKeys({ batchId: values.batch });
    process.stdout.write(`recomputed canonical keys of ${keyed} claims (key tables ${KEYS_VERSION})\n`);
    return 0;
  } finally {
    await store.close();
  }
}

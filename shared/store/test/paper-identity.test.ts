import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index.js';
import { storeBackends } from './backends.js';
import { STORED_IDS_OF_CONTENT_KEYS } from '../src/paper-identity.js';

/**
 * The writer's lookup of papers already stored with a record's content runs
 * once per chunk. Without table statistics (autovacuum off on the server;
 * PGlite has none) `content_key = ANY($1) GROUP BY content_key` was planned
 * as a scan of every paper, so each chunk cost more as the store grew.
 */
interface PlanNode { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }
const nodesOf = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodesOf)];

describe.each(storeBackends('identity'))('stored ids of content keys, on %s', (_, open) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const PAPERS = 20_000;
  beforeAll(async () => {
    ({ store, cleanup } = await open());
    // Many papers, never analyzed: the planner has no statistics to go by. k-1 is stored under two ids.
    await store.sql.query(
      `INSERT INTO papers (id, title, abstract, extractor_version, content_key)
       SELECT 'p-' || lpad(n::text, 6, '0'), 't', 'a', 'v', 'k-' || n FROM generate_series(1, $1::int) n
       UNION ALL SELECT 'a-dup', 't', 'a', 'v', 'k-1'`,
      [PAPERS],
    );
  });
  afterAll(() => cleanup());

  it('gives the first stored id of each key, and null for a key not stored', async () => {
    const rows = await store.sql.query<{ content_key: string; id: string | null }>(STORED_IDS_OF_CONTENT_KEYS, [['k-1', 'k-20000', 'k-none']]);
    expect(Object.fromEntries(rows.map((r) => [r.content_key, r.id]))).toEqual({ 'k-1': 'a-dup', 'k-20000': 'p-020000', 'k-none': null });
  });

  it('probes an index for each key instead of reading every paper, with no statistics', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `k-${i * 97 + 5}`);
    const [row] = await store.sql.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`EXPLAIN (FORMAT JSON) ${STORED_IDS_OF_CONTENT_KEYS}`, [keys]);
    const raw = row!['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw)[0].Plan as PlanNode;
    const onPapers = nodesOf(plan).filter((n) => n['Relation Name'] === 'papers');
    expect(onPapers.length).toBeGreaterThan(0);
    expect(onPapers.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(onPapers.map((n) => n['Node Type']).every((t) => /Index/.test(t))).toBe(true);
  });
});

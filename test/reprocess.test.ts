import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '@claimflow/extract';
import { KEYS_VERSION, openStore, type Store } from '@claimflow/store';
import { claims } from './support/cli.js';
import { claimKey, readClaimsJsonl, storedClaims } from './support/claims.js';
import { freshDatabase, testRedisUrl, type TestDatabase } from './support/services.js';

/** `claims reprocess`: papers whose claims came from an older extractor get the current one's claims. */
describe('claims reprocess', () => {
  let db: TestDatabase;
  let store: Store;
  let env: Record<string, string>;
  let expected: string[];
  const batchIdOf: Record<string, string> = {};

  beforeAll(async () => {
    db = await freshDatabase('reprocess');
    env = { REDIS_URL: await testRedisUrl(), DATABASE_URL: db.url, PORT: '0' };
    const run = await claims(['run', 'seeds/demo-abstracts.jsonl', 'seeds/demo-abstracts.csv'], env);
    expect(run.code, run.stderr).toBe(0);
    store = await openStore({ databaseUrl: db.url, dataDir: null });
    for (const b of await store.batches()) batchIdOf[b.name] = b.id;
    const out = [];
    for (const f of ['seeds/demo-abstracts.jsonl', 'seeds/demo-abstracts.csv']) out.push(...readClaimsJsonl((await claims(['extract', '--in', f])).stdout));
    expected = out.map(claimKey).sort();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const stored = async () => (await storedClaims(store)).map(claimKey).sort();

  /** What an older extractor would have left: other versions, a claim missing, a value off, one claim too many. */
  async function ageStore(papers: string[]) {
    await store.sql.query("UPDATE papers SET extractor_version = '0.0.1' WHERE id = ANY($1::text[])", [papers]);
    await store.sql.query("UPDATE claims SET value = 999, extractor_version = '0.0.1' WHERE paper_id = ANY($1::text[])", [papers]);
    await store.sql.query('DELETE FROM claims WHERE id = (SELECT id FROM claims WHERE paper_id = $1 ORDER BY span_start LIMIT 1)', [papers[0]]);
    await store.sql.query(
      `INSERT INTO claims (id, paper_id, kind, span_start, span_end, text, value, unit, qualifier, raw, extractor_version)
       VALUES ('stale-claim', $1, 'speedup', 0, 3, 'Our', 7, 'x', 'exact', '{}', '0.0.1')`,
      [papers[0]],
    );
  }

  it('--batch re-extracts only that batch\'s stale papers', async () => {
    await ageStore(['demo-001', 'demo-csv-1']);
    const r = await claims(['reprocess', '--batch', batchIdOf['demo-abstracts.csv']], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`reprocessed 1 papers with extractor ${EXTRACTOR_VERSION}`);
    expect(await store.stalePaperIds(EXTRACTOR_VERSION)).toEqual(['demo-001']);
  });

  it('--all brings every stale paper back to exactly what the current extractor gives', async () => {
    expect(await stored()).not.toEqual(expected);
    const r = await claims(['reprocess', '--all'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(await stored()).toEqual(expected);
    expect(await store.stalePaperIds(EXTRACTOR_VERSION)).toEqual([]);
    const versions = await store.sql.query<{ v: string }>('SELECT DISTINCT extractor_version AS v FROM claims');
    expect(versions.map((v) => v.v)).toEqual([EXTRACTOR_VERSION]);
  });

  it('with nothing stale it does nothing, and asks for a scope', async () => {
    expect((await claims(['reprocess', '--all'], env)).stdout).toContain('reprocessed 0 papers');
    const bare = await claims(['reprocess'], env);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/usage: claims reprocess/);
  });
});

/** Keys: claims stored before the key columns (or by older key tables) get their canonical keys from `claims reprocess`. */
describe('claims reprocess fills canonical keys', () => {
  let db: TestDatabase;
  let store: Store;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await freshDatabase('reprocess-keys');
    env = { REDIS_URL: await testRedisUrl(), DATABASE_URL: db.url, PORT: '0' };
    const run = await claims(['run', 'seeds/demo-abstracts.jsonl'], env);
    expect(run.code, run.stderr).toBe(0);
    store = await openStore({ databaseUrl: db.url, dataDir: null });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const keysOf = () =>
    store.sql.query<{ id: string; metric_key: string | null; setting_keys: string[]; baseline_key: string | null; better: string | null; keys_version: string | null }>(
      'SELECT id, metric_key, setting_keys, baseline_key, better, keys_version FROM claims ORDER BY id',
    );

  it('the writer stores keys with every claim', async () => {
    const rows = await keysOf();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.keys_version === KEYS_VERSION && r.better !== null)).toBe(true);
    expect(rows.some((r) => r.metric_key !== null)).toBe(true);
  });

  it('recomputes keys of claims whose keys are missing or older, leaving the rest', async () => {
    const before = await keysOf();
    // What a store migrated to 020 looks like: no keys yet on the older half of the claims.
    const aged = before.slice(0, Math.ceil(before.length / 2)).map((r) => r.id);
    await store.sql.query(
      "UPDATE claims SET metric_key = NULL, setting_keys = '{}', baseline_key = NULL, better = NULL, keys_version = NULL WHERE id = ANY($1::text[])",
      [aged],
    );
    const r = await claims(['reprocess', '--all'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`recomputed canonical keys of ${aged.length} claims`);
    expect(await keysOf()).toEqual(before);
    const again = await claims(['reprocess', '--all'], env);
    expect(again.stdout).toContain('recomputed canonical keys of 0 claims');
  });
});

// 5. Analyst queries on a store of many claims: p50/p95 through Store/Sql,
// and through the API's HTTP endpoints when @claimflow/api builds.
import { generateAbstracts } from '@claimflow/corpus';
import { freshDatabase, percentile, sleep } from './lib/util.mjs';

/**
 * Fills a fresh database: `base` generated abstracts extracted here and
 * written through Store.writeChunk (the writer's own call), then copied with
 * suffixed ids and values scaled by a per-row factor in 0.8–1.2 until the
 * store holds at least `targetClaims` claims.
 */
async function buildStore({ base, targetClaims, seed, progress }) {
  const { openStore } = await import('@claimflow/store');
  const { extractClaims, EXTRACTOR_VERSION } = await import('@claimflow/extract');
  const db = await freshDatabase('queries');
  const store = await openStore({ databaseUrl: db.url, dataDir: null, migrate: true, statementTimeoutMs: 600_000 });
  try {
    const batch = { id: 'bench-queries', name: 'bench queries', createdAt: new Date().toISOString() };
    let papers = [];
    let line = 0;
    const flush = async (last) => {
      await store.writeChunk({ batch, extractorVersion: EXTRACTOR_VERSION, papers, rejections: [], total: last ? line : undefined });
      papers = [];
    };
    for (const a of generateAbstracts({ seed, count: base, idPrefix: 'q-' })) {
      line++;
      papers.push({
        paper: { id: a.id, title: a.title, abstract: a.abstract, metadata: {}, source: { file: 'bench.jsonl', line } },
        claims: extractClaims(a.id, a.abstract),
      });
      if (papers.length === 500) {
        await flush(false);
        progress?.update(`query store: ${line}/${base} base abstracts written`, (line / base) * 0.3);
      }
    }
    await flush(true);
    const [{ n: baseClaims }] = await store.sql.query('SELECT count(*)::int AS n FROM claims');
    const copies = Math.max(1, Math.ceil(targetClaims / Math.max(1, baseClaims)));
    const claimCols = 'kind, span_start, span_end, text, unit, qualifier, raw, metric, baseline, setting, sentence, extractor_version';
    for (let k = 1; k < copies; k++) {
      progress?.update(`query store: copy ${k + 1}/${copies} of ${baseClaims} claims`, 0.3 + (k / copies) * 0.6);
      await store.sql.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO papers (id, title, abstract, metadata, extractor_version)
           SELECT id || '~' || $1::text, title, abstract, metadata, extractor_version FROM papers WHERE id NOT LIKE '%~%'`,
          [k],
        );
        await tx.query(
          `INSERT INTO claims (id, paper_id, value, low, high, ${claimCols})
           SELECT c.id || '~' || $1::text, c.paper_id || '~' || $1::text, c.value * f.f, c.low * f.f, c.high * f.f, ${claimCols.split(', ').map((x) => `c.${x}`).join(', ')}
           FROM claims c CROSS JOIN LATERAL (SELECT 0.8 + 0.4 * ((hashtext(c.id || $1::text) & 1023) / 1023.0) AS f) f
           WHERE c.id NOT LIKE '%~%'`,
          [k],
        );
      });
    }
    await store.sql.query('VACUUM ANALYZE claims, papers');
    const [{ claims, papers: paperCount }] = await store.sql.query(
      'SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM papers) AS papers',
    );
    return { db, store, claims, papers: paperCount };
  } catch (err) {
    await store.close().catch(() => {});
    await db.drop().catch(() => {});
    throw err;
  }
}

/** `runs` timings after a warm-up; a slow query stops early once it has used `budgetMs` (at least 5 runs). */
async function time(fn, runs, warmup = 2, budgetMs = 20_000) {
  for (let i = 0; i < warmup; i++) await fn();
  const ms = [];
  let rows = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await fn();
    ms.push(performance.now() - t0);
    if (ms.length >= 5 && performance.now() - started > budgetMs) break;
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), runs: ms.length, rows: typeof rows === 'number' ? rows : null };
}

/** The API on a port of its own, or why not. */
async function startApi(store) {
  let mod;
  try {
    mod = await import('@claimflow/api');
  } catch (err) {
    return { error: `@claimflow/api does not load: ${err.message.split('\n')[0]}` };
  }
  try {
    const app = await mod.buildApp({ store, config: { API_TOKEN: undefined, CHUNK_SIZE: 200 } });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, address };
  } catch (err) {
    return { error: `@claimflow/api does not start: ${err.message.split('\n')[0]}` };
  }
}

export async function benchQueries({ base, targetClaims, runs, seed, progress }) {
  progress?.update('query store: building', 0);
  const { db, store, claims, papers } = await buildStore({ base, targetClaims, seed, progress });
  try {
    const sql = store.sql;
    const [{ has002 }] = await sql.query(`SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE name LIKE '002\\_%') AS has002`);
    // Since 013 each claim carries its paper's title_doc, and one GIN index serves the search the API runs.
    const [{ titleInClaims }] = await sql.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'claims' AND column_name = 'title_doc') AS "titleInClaims"`,
    );
    const [{ id: somePaper }] = await sql.query(`SELECT paper_id AS id FROM claims ORDER BY id LIMIT 1 OFFSET 1000`);
    const valueKey = `coalesce(c.value_max, '-Infinity'::float8)`;
    const queries = [
      ['store.claims({kind: speedup, min: 2, max: 10}) limit 100', async () => (await store.claims({ kind: 'speedup', min: 2, max: 10, limit: 100 })).length],
      ['store.claims({kind: efficiency}) limit 100', async () => (await store.claims({ kind: 'efficiency', limit: 100 })).length],
      ['store.claims({paper}) (one paper)', async () => (await store.claims({ paper: somePaper })).length],
      ['store.counts() (totals + counts by kind)', async () => Object.keys((await store.counts()).byKind).length],
      ['count by kind and unit', async () => (await sql.query('SELECT kind, unit, count(*)::int AS n FROM claims GROUP BY kind, unit')).length],
      [
        'top 20 speedups with paper title',
        async () =>
          (
            await sql.query(
              `SELECT c.id, c.text, c.value_max, c.metric, c.baseline, p.title FROM claims c JOIN papers p ON p.id = c.paper_id
               WHERE c.kind = 'speedup' ORDER BY ${valueKey} DESC, c.id DESC LIMIT 20`,
            )
          ).length,
      ],
      [
        'median value per unit (percentile_cont)',
        async () => (await sql.query('SELECT unit, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median FROM claims WHERE value IS NOT NULL GROUP BY unit')).length,
      ],
      ["metric ILIKE '%memory%' limit 100", async () => (await sql.query(`SELECT id FROM claims WHERE metric ILIKE '%memory%' LIMIT 100`)).length],
    ];
    if (has002) {
      queries.push([
        "full-text 'memory latency' (claim + title), top 50 by value",
        async () =>
          (
            await sql.query(
              titleInClaims
                ? `SELECT c.id FROM (SELECT * FROM claims c WHERE (c.search_doc || c.title_doc) @@ websearch_to_tsquery('english', $1) OFFSET 0) c
                   ORDER BY ${valueKey} DESC, c.id DESC LIMIT 50`
                : `SELECT c.id FROM claims c JOIN papers p ON p.id = c.paper_id
                   WHERE (c.search_doc || p.title_doc) @@ websearch_to_tsquery('english', $1)
                   ORDER BY ${valueKey} DESC, c.id DESC LIMIT 50`,
              ['memory latency'],
            )
          ).length,
      ]);
      queries.push([
        "full-text 'kernel' on claims only (GIN), limit 50",
        async () => (await sql.query(`SELECT c.id FROM claims c WHERE c.search_doc @@ websearch_to_tsquery('english', $1) LIMIT 50`, ['kernel'])).length,
      ]);
    }
    const analyst = await import('@claimflow/analyst').catch(() => null);
    if (analyst?.claimStats) {
      // What /api/stats computes when a write has committed since the last request (its cache is then cold).
      queries.push(['claimStats({}) (what /api/stats computes afresh)', async () => (await analyst.claimStats(sql, {})).byKind.length]);
      queries.push(["claimStats({kind: 'speedup'})", async () => (await analyst.claimStats(sql, { kind: 'speedup' })).byKind.length]);
    }
    const results = [];
    for (const [i, [name, fn]] of queries.entries()) {
      progress?.update(`SQL: ${name}`, 0.9 + (i / queries.length) * 0.05);
      results.push({ via: 'sql', name, ...(await time(fn, runs)) });
    }
    let apiNote = null;
    const started = await startApi(store);
    if (started.error) apiNote = started.error;
    else {
      try {
        const get = (path) => async () => {
          const res = await fetch(`${started.address}${path}`);
          const body = await res.text();
          if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
          return body.length;
        };
        const endpoints = [
          '/api/claims?kind=speedup&min=2&max=10&limit=50',
          '/api/claims?kind=speedup&sort=value&limit=20',
          '/api/claims?q=memory%20latency&limit=50',
          '/api/claims?metric=memory&limit=50',
          `/api/papers/${encodeURIComponent(somePaper)}`,
          '/api/stats', // repeated with no write in between: served from the API's cache after the first
        ];
        for (const [i, path] of endpoints.entries()) {
          progress?.update(`HTTP: GET ${path}`, 0.95 + (i / endpoints.length) * 0.05);
          try {
            results.push({ via: 'http', name: `GET ${path}`, ...(await time(get(path), runs)), rows: null });
          } catch (err) {
            results.push({ via: 'http', name: `GET ${path}`, error: err.message.slice(0, 300) });
          }
        }
      } finally {
        await started.app.close();
      }
    }
    return { claims, papers, base, has002, runs, results, apiNote };
  } finally {
    await store.close().catch(() => {});
    await sleep(100);
    await db.drop().catch(() => {});
  }
}

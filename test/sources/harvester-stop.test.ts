import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HarvestStateStore } from '@claimflow/sources';
import { claims, freePort, ServiceProcess, waitFor } from '../support/cli.js';
import { dropPrefix, freshDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from '../support/services.js';
import { hfDaily } from '../support/source-documents.js';
import { SourceServer } from '../support/source-server.js';

/**
 * SIGTERM in the middle of a scheduled harvest: the harvester ends the run
 * at the next page, sends what it fetched, keeps the cursor and exits 0; the
 * next run (here `claims harvest`) asks for the first day not yet sent.
 */
let db: TestDatabase;
let server: SourceServer;
let redis: Redis;
let env: Record<string, string>;
const prefix = uniquePrefix('harvstop');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await SourceServer.start(async (u) => {
    await new Promise((r) => setTimeout(r, 400));
    const date = u.searchParams.get('date')!;
    return { body: hfDaily([{ arxivId: `2404.${date.replace(/-/g, '').slice(2)}`, title: `Paper of ${date}`, abstract: `On ${date} a kernel got 2.5x faster.` }], date) };
  });
  db = await freshDatabase('harvstop');
  env = {
    REDIS_URL: await testRedisUrl(),
    DATABASE_URL: db.url,
    QUEUE_PREFIX: prefix,
    HARVEST_SOURCES: 'hf-daily',
    HARVEST_CONTACT: 'ops@example.org',
    HARVEST_EVERY_MS: '600000',
    HARVEST_SINCE: day(-9),
    HARVEST_MIN_INTERVAL_MS: '0',
    HF_PAPERS_URL: server.url,
  };
  expect((await claims(['migrate'], env)).code).toBe(0);
  redis = new Redis(env.REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.close();
  await db?.drop();
  await dropPrefix(prefix);
});

describe('a harvester stopped mid-harvest', () => {
  it('sends what it fetched, keeps the cursor, exits 0; the next run resumes at the first day not sent', async () => {
    const port = await freePort();
    const harvester = new ServiceProcess(['harvester'], { ...env, HEALTH_PORT: String(port) });
    await harvester.waitUntilAnswering(`http://127.0.0.1:${port}/healthz`);
    await waitFor('three pages', async () => server.requests.length >= 3, 20_000);
    expect(await harvester.stop('SIGTERM')).toBe(0);
    const fetched = server.requests.map((r) => r.url.searchParams.get('date')!);
    expect(fetched.length).toBeLessThan(10); // stopped before the end: since is 9 days back

    const state = await new HarvestStateStore(redis, prefix).get('hf-daily');
    expect(state.pending).not.toBeNull();
    expect(state.lastRun?.error).toBe('stopped before the harvest was complete');

    const before = server.requests.length;
    const resumed = await claims(['harvest', 'hf-daily'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resumed from the stored cursor');
    const next = server.requests.slice(before).map((r) => r.url.searchParams.get('date')!);
    // Every day once over the two runs, in order: nothing lost, nothing fetched twice.
    expect([...fetched, ...next]).toEqual(Array.from({ length: 10 }, (_, i) => day(i - 9)));
  });
});

import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARVEST_QUEUE } from '@claimflow/queues';
import { claims, freePort, ServiceProcess } from '../support/cli.js';
import { dropPrefix, freshDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from '../support/services.js';
import { hfDaily } from '../support/source-documents.js';
import { SourceServer } from '../support/source-server.js';

/**
 * The harvester service on its schedule: two processes at once make one
 * schedule and one run per tick (never two runs of a source together), and
 * the schedule and the cursor outlive both.
 */
let db: TestDatabase;
let server: SourceServer;
let redis: Redis;
let queue: Queue;
let env: Record<string, string>;
const prefix = uniquePrefix('harvester');
const procs: ServiceProcess[] = [];
let inFlight = 0;
let maxInFlight = 0;

async function startHarvester(): Promise<ServiceProcess> {
  const port = await freePort();
  const proc = new ServiceProcess(['harvester'], { ...env, HEALTH_PORT: String(port) });
  procs.push(proc);
  await proc.waitUntilAnswering(`http://127.0.0.1:${port}/readyz`);
  return proc;
}

const runs = async () => (await queue.getJobCounts('completed')).completed;

beforeAll(async () => {
  server = await SourceServer.start(async (u) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 300)); // a slow source: overlapping runs would show
    inFlight--;
    const date = u.searchParams.get('date')!;
    return { body: hfDaily([{ arxivId: `2403.${date.replace(/-/g, '').slice(2)}`, title: `Paper of ${date}`, abstract: `On ${date} a kernel got 2.5x faster.` }], date) };
  });
  db = await freshDatabase('harvester');
  env = {
    REDIS_URL: await testRedisUrl(),
    DATABASE_URL: db.url,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'info',
    HARVEST_SOURCES: 'hf-daily',
    HARVEST_CONTACT: 'ops@example.org',
    HARVEST_EVERY_MS: '1500',
    HARVEST_MIN_INTERVAL_MS: '0',
    HF_PAPERS_URL: server.url,
  };
  const migrated = await claims(['migrate'], env);
  expect(migrated.code, migrated.stderr).toBe(0);
  redis = new Redis(env.REDIS_URL);
  queue = new Queue(HARVEST_QUEUE, { connection: redis, prefix });
});
afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop('SIGTERM')));
  await queue?.close();
  redis?.disconnect();
  await server?.close();
  await db?.drop();
  await dropPrefix(prefix);
});

describe('claims harvester', () => {
  it('answers --help and starts nothing', async () => {
    const help = await claims(['harvester', '--help'], { ...env, HEALTH_PORT: '1' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: claims harvester');
    expect(server.requests).toHaveLength(0);
  });

  it('with two processes at once: one schedule, one run per tick, never two runs together', async () => {
    const [a, b] = await Promise.all([startHarvester(), startHarvester()]);
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 7000));
    const elapsed = Date.now() - started;
    const done = await runs();
    // One run every 1.5 s: about elapsed / 1500 runs; two schedules would make twice as many.
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThanOrEqual(Math.ceil(elapsed / 1500) + 1);
    expect(maxInFlight).toBe(1);
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['harvest:hf-daily']);
    // Both replicas took part or stood by; neither failed.
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
    expect(a.output + b.output).toContain('"msg":"harvest finished"');
    // The first run fetched yesterday and today; every later run only today (the cursor moved on).
    const dates = server.requests.map((r) => r.url.searchParams.get('date'));
    const today = new Date().toISOString().slice(0, 10);
    expect(dates.filter((d) => d !== today)).toHaveLength(1);
    expect([await a.stop('SIGTERM'), await b.stop('SIGTERM')]).toEqual([0, 0]);
  });

  it('survives restarts: the schedule and the cursor are in Redis', async () => {
    const before = await runs();
    const requests = server.requests.length;
    await startHarvester();
    await new Promise((r) => setTimeout(r, 3500));
    expect(await runs()).toBeGreaterThan(before);
    const today = new Date().toISOString().slice(0, 10);
    expect(server.requests.slice(requests).every((r) => r.url.searchParams.get('date') === today)).toBe(true);
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['harvest:hf-daily']);
  });

  it('harvests nothing without HARVEST_SOURCES, and removes a schedule no longer configured', async () => {
    await Promise.all(procs.map((p) => p.stop('SIGTERM')));
    const requests = server.requests.length;
    env = { ...env, HARVEST_SOURCES: '' };
    const idle = await startHarvester();
    expect(await queue.getJobSchedulers()).toEqual([]);
    await new Promise((r) => setTimeout(r, 2000));
    expect(server.requests.length).toBe(requests);
    expect(idle.output).toContain('HARVEST_SOURCES is not set: nothing to harvest');
  });
});

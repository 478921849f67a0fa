import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAbstractsJsonl } from '@claimflow/corpus';
import type { Store } from '@claimflow/store';
import { claims, freePort, ServiceProcess, waitFor } from '../support/cli.js';
import { fuzzApi, hostileRequests, type FuzzOutcome } from './support/api-fuzz.js';
import { compareStore, expectedFor, type Comparison } from './support/expected.js';
import { writeFuzzBatch } from './support/fuzz.js';
import { OwnRedis } from './support/own-redis.js';
import { TestPipeline } from '../support/test-pipeline.js';
import { STAGES, type Stage, type WorkerStack } from '../support/worker-stack.js';
import { TcpProxy } from './support/tcp-proxy.js';

/**
 * Each scenario runs the real workers as separate processes against real
 * Redis and PostgreSQL, breaks something mid-batch, and compares the final
 * store with what a clean run stores for the same batch.
 */
const ABSTRACTS = Number(process.env.FAULT_ABSTRACTS ?? 3000);
const dir = mkdtempSync(join(tmpdir(), 'faults-'));
const rows: ({ scenario: string; records: number } & Comparison)[] = [];
const apiRows: FuzzOutcome[] = [];

interface Run {
  env: Record<string, string>;
  stack: WorkerStack;
  store: Store;
  batchId: string;
  /** Records of the batch stored or rejected so far. */
  done(): Promise<number>;
}

interface Options {
  file: string;
  redisUrl?: string;
  /** The writer's database URL, when it goes through a proxy. */
  writerDatabaseUrl?(direct: string): string;
  fault(run: Run): Promise<void>;
  /** Further checks on the finished store. */
  verify?(run: Run): Promise<void>;
  /** The batch holds records to reject: `claims ingest` exits 3 (finished, some rejected), not 0. */
  rejects?: boolean;
  /** More environment for every worker (a shorter retry budget, say). */
  env?: Record<string, string>;
}

async function scenario(name: string, opts: Options) {
  const pipeline = await TestPipeline.start('faults', {
    redisUrl: opts.redisUrl,
    env: { CHUNK_SIZE: '50', JOB_LOCK_MS: '2000', LOG_LEVEL: 'warn', ...opts.env },
    perStage: (env) => ({ write: { DATABASE_URL: opts.writerDatabaseUrl?.(env.DATABASE_URL) ?? env.DATABASE_URL } }),
  });
  const { env, stack, store } = pipeline;
  try {
    const [expected, ingest] = await Promise.all([expectedFor(opts.file), claims(['ingest', opts.file], env)]);
    expect(ingest.code, ingest.stderr).toBe(opts.rejects ? 3 : 0);
    const batchId = ingest.stdout.trim();
    const run: Run = {
      env, stack, store, batchId,
      async done() {
        const b = await store.batch(batchId);
        return b ? b.accepted + b.rejected : 0;
      },
    };
    await opts.fault(run);
    await waitFor(`${name}: batch done`, async () => (await store.batch(batchId))?.status === 'done', 180_000).catch((err) => {
      throw new Error(`${err.message}\n${stack.output()}`);
    });
    const result = await compareStore(store, batchId, expected);
    rows.push({ scenario: name, records: expected.goodLines.size + expected.badLines.size, ...result });
    expect(stack.alive(), stack.output()).toEqual([...STAGES]);
    expect(result).toMatchObject({ lost: 0, duplicates: 0, wrong: 0, goodStored: expected.goodLines.size, badRejected: expected.badLines.size });
    expect(result.found).toBe(result.expected);
    await opts.verify?.(run);
  } finally {
    const codes = await pipeline.close();
    expect(codes, stack.output()).toEqual([0, 0, 0, 0]);
  }
}

/** Waits until at least `share` of the batch is done, so the fault lands mid-batch. */
async function until(run: Run, share: number, total = ABSTRACTS) {
  await waitFor(`${share * 100}% done`, async () => (await run.done()) >= share * total, 120_000);
}

async function restartAfterKill(run: Run, stage: Stage, signal: NodeJS.Signals) {
  const code = await run.stack.kill(stage, signal);
  if (signal === 'SIGTERM') expect(code).toBe(0);
  await run.stack.start([stage]);
}

describe('fault injection', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = join(dir, 'corpus.jsonl');
    await writeAbstractsJsonl(corpus, { seed: 11, count: ABSTRACTS });
  });

  afterAll(() => {
    const header = ['scenario', 'records', 'claims expected', 'claims found', 'duplicates', 'lost'];
    const table = [header, ...rows.map((r) => [r.scenario, r.records, r.expected, r.found, r.duplicates, r.lost].map(String))];
    const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line), ''].join('\n'));
    for (const a of apiRows) {
      console.log(`API fuzz: ${a.requests} requests, ${a.serverErrors.length} server errors, ${a.unexplained.length} 4xx without a message, slowest ${a.slowest.ms} ms (${a.slowest.url})`);
    }
  });

  it('kill -9 of the extractor, then of the writer, mid-batch', async () => {
    await scenario('kill -9 extractor, writer', {
      file: corpus,
      async fault(run) {
        await until(run, 0.15);
        await restartAfterKill(run, 'extract', 'SIGKILL');
        await until(run, 0.5);
        await restartAfterKill(run, 'write', 'SIGKILL');
      },
    });
  });

  async function redisDown(name: string, downMs: number) {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    try {
      await scenario(name, {
        file: corpus,
        redisUrl: redis.url,
        async fault(run) {
          await until(run, 0.2);
          await redis.restart(downMs);
        },
      });
    } finally {
      await redis.stop();
    }
  }

  it('Redis restarted mid-batch', async () => {
    await redisDown('redis restart', 2000);
  });

  // Ten times the job lock (JOB_LOCK_MS 2000 here): the stages hold their jobs through it and go on.
  it('Redis down for 20 s mid-batch', async () => {
    await redisDown('redis down 20 s', 20_000);
  });

  /** The writer's database through a proxy the test cuts for `seconds`, mid-batch; /readyz says so meanwhile. */
  async function postgresOutage(name: string, seconds: number, env?: Record<string, string>) {
    const proxy = await new TcpProxy(5432).start();
    try {
      await scenario(name, {
        file: corpus,
        env,
        writerDatabaseUrl: (direct) => {
          const u = new URL(direct);
          u.port = String(proxy.port);
          return u.toString();
        },
        async fault(run) {
          await until(run, 0.2);
          proxy.cut();
          const cutAt = Date.now();
          const ready = await waitFor('writer not ready', async () => {
            const r = await run.stack.readiness('write');
            return !r.ready && r;
          });
          expect(ready.checks.store).not.toBe('ok');
          const doneDuringOutage = await run.done();
          await new Promise((r) => setTimeout(r, seconds * 1000 - (Date.now() - cutAt)));
          expect(await run.done()).toBe(doneDuringOutage); // nothing committed while cut off
          proxy.restore();
          await waitFor('writer ready again', async () => (await run.stack.readiness('write')).ready);
        },
      });
    } finally {
      await proxy.close();
    }
  }

  it('PostgreSQL unreachable for 20 s mid-batch; /readyz says so meanwhile', async () => {
    await postgresOutage('postgres unreachable 20 s', 20);
  });

  // The old writer gave up once its attempts ran out (8 from 500 ms: about 60 s); with 2 from 100 ms it
  // would fail its jobs within a second. The outage is ridden out all the same: no attempt is spent on it.
  it('PostgreSQL unreachable for 20 s with a retry budget of a fraction of a second: still nothing lost', async () => {
    await postgresOutage('postgres 20 s, 2 attempts', 20, { JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '100', OUTAGE_RETRY_MAX_MS: '1000' });
  });

  it('SIGTERM to every worker mid-batch, then restart', async () => {
    await scenario('SIGTERM all, restart', {
      file: corpus,
      async fault(run) {
        await until(run, 0.3);
        const codes = await run.stack.stop();
        expect(codes).toEqual([0, 0, 0, 0]);
        await run.stack.start();
      },
    });
  });

  it('a fuzzed batch of 10,000 lines: every bad line reported, every good line stored verbatim, no crash; then API fuzz', async () => {
    const fuzz = await writeFuzzBatch(join(dir, 'fuzz.jsonl'), Number(process.env.FAULT_FUZZ_LINES ?? 10_000));
    await scenario('fuzzed 10,000 lines', {
      file: fuzz.path,
      rejects: true,
      async fault() {},
      async verify(run) {
        const papers = await run.store.papers([...fuzz.hostileIds.keys()]);
        expect(papers).toHaveLength(fuzz.hostileIds.size);
        for (const p of papers) expect(p.title).toBe(fuzz.hostileIds.get(p.id));
        const reasons = await run.store.rejections(run.batchId, 100_000);
        for (const r of reasons) expect(r.file).toBe(fuzz.path);

        // The API over the same store: hostile text comes back verbatim, hostile requests get a 4xx with a message.
        const apiPort = await freePort();
        const api = new ServiceProcess(['api'], { ...run.env, PORT: String(apiPort), HOST: '127.0.0.1', API_TOKEN: 'fuzz-token', STATEMENT_TIMEOUT_MS: '2000' });
        try {
          await api.waitUntilAnswering(`http://127.0.0.1:${apiPort}/readyz`);
          for (const [id, title] of fuzz.hostileIds) {
            const paper = (await (await fetch(`http://127.0.0.1:${apiPort}/api/papers/${encodeURIComponent(id)}`)).json()) as { title: string };
            expect(paper.title).toBe(title);
          }
          const outcome = await fuzzApi(`http://127.0.0.1:${apiPort}`, hostileRequests(5, Number(process.env.FAULT_API_REQUESTS ?? 1500), 'fuzz-token'));
          apiRows.push(outcome);
          expect(outcome.serverErrors).toEqual([]);
          expect(outcome.unexplained).toEqual([]);
          expect(outcome.slowest.ms).toBeLessThan(5000);
        } finally {
          expect(await api.stop(), api.output.slice(-2000)).toBe(0);
        }
      },
    });
  });
});

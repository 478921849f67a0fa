import { expect } from 'vitest';
import { openStore, type Store } from '@claimflow/store';
import { claims } from './cli.js';
import { dropPrefix, freshDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from './services.js';
import { WorkerStack, type Stage, type WorkerStackOptions } from './worker-stack.js';

export interface TestPipelineOptions extends Omit<WorkerStackOptions, 'perStage'> {
  /** More environment for every process (CHUNK_SIZE, LOG_LEVEL, …). */
  env?: Record<string, string>;
  /** A Redis of the test's own (the default is the shared test Redis, under a prefix of its own). */
  redisUrl?: string;
  /** Environment for one stage, given everyone's (an inbox, a proxied database for the writer). */
  perStage?: (env: Record<string, string>) => Partial<Record<Stage, Record<string, string>>>;
}

/**
 * What an integration test runs against: a fresh database migrated by
 * `claims migrate` (as compose's one-shot service does), a queue prefix of its
 * own, the four workers as separate processes, and a Store to check results.
 */
export class TestPipeline {
  private constructor(
    readonly db: TestDatabase,
    readonly env: Record<string, string>,
    readonly stack: WorkerStack,
    readonly store: Store,
    private readonly ownRedis: boolean,
  ) {}

  static async start(label: string, opts: TestPipelineOptions = {}): Promise<TestPipeline> {
    const db = await freshDatabase(label);
    const env = {
      REDIS_URL: opts.redisUrl ?? (await testRedisUrl()),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: uniquePrefix(label),
      LOG_LEVEL: 'info',
      ...opts.env,
    };
    const migrated = await claims(['migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    const stack = new WorkerStack(env, { ...opts, perStage: opts.perStage?.(env) });
    const store = await openStore({ databaseUrl: db.url, dataDir: null, migrate: false });
    const pipeline = new TestPipeline(db, env, stack, store, opts.redisUrl != null);
    try {
      await stack.start();
    } catch (err) {
      await pipeline.close();
      throw err;
    }
    return pipeline;
  }

  /** SIGTERM to the workers, then drops the database and the queue prefix; resolves with the workers' exit codes. */
  async close(): Promise<(number | null)[]> {
    const codes = await this.stack.stop();
    await this.store.close();
    await this.db.drop();
    if (!this.ownRedis) await dropPrefix(this.env.QUEUE_PREFIX);
    return codes;
  }
}

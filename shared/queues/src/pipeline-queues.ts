import { Queue } from 'bullmq';
import { queuePrefix, type RedisConnection } from './connection.js';
import { DEFAULT_JOB_OPTIONS, jobOptions } from './job-options.js';
import { PAYLOADS, STAGES, type Payload, type Stage } from './names.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  prioritized: number;
  paused: number;
}

/** Producer handles on the four queues; every payload is validated before it is added. */
export class PipelineQueues {
  readonly byStage: Record<Stage, Queue>;
  /** The prefix the keys carry: the configured one, as a hash tag on a cluster. */
  readonly prefix: string;

  /** `retry`: attempts and first backoff of the jobs this producer adds (JOB_ATTEMPTS, JOB_BACKOFF_MS); default 8 from 500 ms. */
  constructor(connection: RedisConnection, configuredPrefix: string, retry?: { attempts: number; backoffMs: number }) {
    const prefix = (this.prefix = queuePrefix(connection, configuredPrefix));
    const defaultJobOptions = retry ? jobOptions(retry.attempts, retry.backoffMs) : DEFAULT_JOB_OPTIONS;
    this.byStage = Object.fromEntries(
      STAGES.map((s) => [s, new Queue(s, { connection, prefix, defaultJobOptions })]),
    ) as Record<Stage, Queue>;
  }

  /** A producer's job (records read from a file): validated here, where it enters the pipeline. */
  async add<S extends Stage>(stage: S, payload: Payload<S>, jobId: string): Promise<void> {
    const data = PAYLOADS[stage].parse(payload);
    await this.byStage[stage].add(stage, data, { jobId });
  }

  /**
   * A stage handing its output on. Not validated here: it was built from a
   * payload this process validated on receipt, and the next stage validates
   * it on receipt (its process's trust boundary), failing a bad one at once
   * with its reason. Parsing it here too cost every hop a second zod pass.
   */
  async forward<S extends Stage>(stage: S, payload: Payload<S>, jobId: string): Promise<void> {
    await this.byStage[stage].add(stage, payload, { jobId });
  }

  async addBulk<S extends Stage>(stage: S, jobs: { payload: Payload<S>; jobId: string }[]): Promise<void> {
    if (!jobs.length) return;
    await this.byStage[stage].addBulk(
      jobs.map((j) => ({ name: stage, data: PAYLOADS[stage].parse(j.payload), opts: { jobId: j.jobId } })),
    );
  }

  async counts(): Promise<Record<Stage, QueueCounts>> {
    const entries = await Promise.all(
      STAGES.map(async (s) => [s, (await this.byStage[s].getJobCounts()) as unknown as QueueCounts] as const),
    );
    return Object.fromEntries(entries) as Record<Stage, QueueCounts>;
  }

  /** Jobs not finished yet, across every stage. */
  async pending(): Promise<number> {
    const counts = await this.counts();
    return STAGES.reduce((n, s) => n + counts[s].waiting + counts[s].active + counts[s].delayed + counts[s].prioritized + counts[s].paused, 0);
  }

  async close(): Promise<void> {
    await Promise.all(STAGES.map((s) => this.byStage[s].close()));
  }
}

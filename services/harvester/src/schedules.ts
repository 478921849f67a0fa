import type { Queue } from 'bullmq';
import type { SourceName } from '@claimflow/sources';

export const schedulerId = (source: SourceName) => `harvest:${source}`;

/**
 * One BullMQ job scheduler per configured source, and none for a source no
 * longer configured. Every replica upserts the same ids, so there is one
 * schedule per source however many harvesters run, and it lives in Redis:
 * a restart (or a new replica) finds it there. A job is taken by one worker,
 * so each tick is one run.
 */
export async function syncSchedules(queue: Queue, sources: SourceName[], everyMs: number): Promise<void> {
  const wanted = new Set(sources.map(schedulerId));
  for (const s of await queue.getJobSchedulers(0, -1)) if (s.key && !wanted.has(s.key)) await queue.removeJobScheduler(s.key);
  for (const source of sources) {
    await queue.upsertJobScheduler(schedulerId(source), { every: everyMs }, {
      name: source,
      data: { source },
      opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    });
  }
}

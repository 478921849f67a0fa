import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import { advanceCursor, feedPath, listSearches, pendingMatches } from '@claimflow/analyst';
import { WebhookJob, type WebhookPayload } from '@claimflow/schemas';
import type { Sql } from '@claimflow/store';

/** Claims one webhook delivery carries at most; more go in the next. */
const PER_DELIVERY = 100;

export interface DeliveryOptions {
  attempts: number;
  backoffMs: number;
  /** Where the API is reachable, for the feed link in each payload. */
  publicUrl: string;
}

/**
 * Finds the claims each saved search with a webhook has not yet handed on,
 * queues them as deliveries and moves its cursor past them. A delivery's job
 * id is derived from the claims it carries, so two checkers racing add it
 * once; the cursor then only moves forward.
 */
export async function queueWebhookDeliveries(sql: Sql, queue: Queue, opts: DeliveryOptions): Promise<number> {
  let queued = 0;
  for (const search of await listSearches(sql)) {
    if (!search.webhookUrl) continue;
    for (;;) {
      const { claims, cursor } = await pendingMatches(sql, search.name, 'notified', PER_DELIVERY);
      if (!cursor) break;
      const payload: WebhookPayload = { search: search.name, feed: `${opts.publicUrl}${feedPath(search.name)}`, claims };
      const data = WebhookJob.parse({ search: search.name, url: search.webhookUrl, body: JSON.stringify(payload) });
      const key = createHash('sha256').update(`${search.name}\u0000${cursor.at}\u0000${cursor.id}`).digest('hex').slice(0, 24);
      await queue.add(search.name, data, {
        jobId: `${search.name}.${key}`,
        attempts: opts.attempts,
        backoff: { type: 'exponential', delay: opts.backoffMs },
        removeOnComplete: { count: 1000 },
        // Failed for good: kept, with its reason, until an operator looks (claims search deliveries, the dashboard).
        removeOnFail: false,
      });
      await advanceCursor(sql, search.name, 'notified', cursor);
      queued++;
      if (claims.length < PER_DELIVERY) break;
    }
  }
  return queued;
}

import { createHmac } from 'node:crypto';
import type { WebhookJob } from '@claimflow/schemas';

export const SIGNATURE_HEADER = 'x-claimflow-signature';

/** `sha256=` and the hex HMAC-SHA256 of the exact body: the receiver recomputes it with the shared secret. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * One POST of a delivery. Anything but a 2xx answer throws, so the queue
 * retries it with backoff and, after its last attempt, keeps it as failed:
 * the dead letter, with the receiver's answer as its reason.
 */
export async function deliverWebhook(job: WebhookJob, secret: string | undefined, timeoutMs = 10_000): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'claimflow-alerts/0.1', 'x-claimflow-search': job.search };
  if (secret) headers[SIGNATURE_HEADER] = signature(job.body, secret);
  let res: Response;
  try {
    res = await fetch(job.url, { method: 'POST', headers, body: job.body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    throw new Error(`POST ${job.url}: ${e.name === 'TimeoutError' ? 'no answer before the timeout' : (e.cause?.code ?? e.message)}`);
  }
  await res.body?.cancel().catch(() => {});
  if (!res.ok) throw new Error(`POST ${job.url}: the receiver answered ${res.status} ${res.statusText}`);
  return res.status;
}

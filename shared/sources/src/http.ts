/**
 * The one way the sources reach the network: a User-Agent naming the
 * operator's contact address, no more than one request per minimum interval,
 * `Retry-After` obeyed on 503 and 429 (arXiv's flow control), bounded retries
 * with backoff for dropped connections, and a timeout on every request.
 */
export interface PoliteOptions {
  /** The operator's contact address, sent in the User-Agent (HARVEST_CONTACT). */
  contact: string;
  /** Least time between the starts of two requests (arXiv asks for 3 s). */
  minIntervalMs: number;
  /** Attempts after the first, for a dropped connection, a timeout, a 5xx or a 429. */
  retries?: number;
  /** First backoff after a failure without Retry-After; doubles each time. */
  backoffMs?: number;
  timeoutMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails, saying so. */
  maxRetryAfterMs?: number;
}

export class HarvestHttpError extends Error {
  override name = 'HarvestHttpError';
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retry-After is seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export const USER_AGENT_PRODUCT = 'claimflow-harvester/0.1';

export class PoliteClient {
  private nextSlot = 0;
  readonly userAgent: string;

  constructor(private readonly opts: PoliteOptions) {
    this.userAgent = `${USER_AGENT_PRODUCT} (mailto:${opts.contact})`;
  }

  /** GETs a URL and returns its body; throws HarvestHttpError once retries are spent. */
  async get(url: string, accept: string): Promise<string> {
    const retries = this.opts.retries ?? 4;
    let backoff = this.opts.backoffMs ?? 2000;
    for (let attempt = 0; ; attempt++) {
      await this.waitForSlot();
      const outcome = await this.attempt(url, accept);
      if (typeof outcome === 'string') return outcome;
      if (attempt >= retries) throw new HarvestHttpError(`${outcome.failure.message} (after ${attempt + 1} attempts)`, outcome.failure.status);
      await sleep(outcome.retryAfter ?? backoff);
      if (outcome.retryAfter == null) backoff *= 2;
    }
  }

  /** One request: the body, or a failure worth retrying (and when); a failure that is not is thrown. */
  private async attempt(url: string, accept: string): Promise<string | { failure: HarvestHttpError; retryAfter: number | null }> {
    let res: Response;
    try {
      res = await fetch(url, { headers: { 'user-agent': this.userAgent, accept }, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000) });
      // A connection dropped in the middle of the body fails here, and is retried like one dropped before it.
      if (res.ok) return await res.text();
    } catch (err) {
      return { failure: new HarvestHttpError(`GET ${url}: ${describeNetworkError(err)}`, null), retryAfter: null };
    }
    await res.body?.cancel().catch(() => {});
    const failure = new HarvestHttpError(`GET ${url}: ${res.status} ${res.statusText}`, res.status);
    if (res.status !== 429 && res.status < 500) throw failure; // the request itself is wrong: asking again will not help
    const retryAfter = retryAfterMs(res.headers.get('retry-after'));
    if (retryAfter != null && retryAfter > (this.opts.maxRetryAfterMs ?? 600_000)) {
      throw new HarvestHttpError(`GET ${url}: ${res.status}, and Retry-After (${Math.round(retryAfter / 1000)} s) is longer than a harvest waits: run it again later`, res.status);
    }
    return { failure, retryAfter };
  }

  /** Spaces request starts by the minimum interval, whoever calls. */
  private async waitForSlot(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + this.opts.minIntervalMs;
    if (at > now) await sleep(at - now);
  }
}

function describeNetworkError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'no answer before the timeout';
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

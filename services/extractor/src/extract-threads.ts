import { Worker } from 'node:worker_threads';
import type { ExtractJob, NormalizeJob } from '@claimflow/schemas';

export type ThreadReply = { id: number; result: NormalizeJob; error?: undefined } | { id: number; error: string; result?: undefined };

interface Pending {
  resolve: (out: NormalizeJob) => void;
  reject: (err: Error) => void;
}

/** A thread's default heap cap: the same as a worker process' (WORKER_NODE_OPTIONS); a job that needs more fails, the thread is replaced. */
const THREAD_HEAP_MB = 96;

/** One extraction thread and the jobs it has been sent. */
class ExtractThread {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;

  constructor(heapMb: number, onGone: (thread: ExtractThread) => void) {
    this.worker = new Worker(new URL('./extract-thread.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.worker.on('message', (reply: ThreadReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) p?.reject(new Error(`extraction failed: ${reply.error}`));
      else p?.resolve(reply.result);
    });
    // A thread that dies (out of memory, a crash) fails the jobs it held: BullMQ retries them, then marks them failed.
    const gone = (why: string) => {
      for (const p of this.pending.values()) p.reject(new Error(`extraction thread stopped (${why}); BullMQ retries the job while it has attempts left`));
      this.pending.clear();
      onGone(this);
    };
    this.worker.on('error', (err) => gone(err.message));
    this.worker.on('exit', (code) => gone(`exit code ${code}`));
    // An idle thread does not keep the process alive: the worker's own lifecycle decides that.
    this.worker.unref();
  }

  run(id: number, job: ExtractJob): Promise<NormalizeJob> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, job });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Extraction on other threads of the same process. `claims run` does all
 * four stages and the embedded store on one thread; moving extraction (its
 * dearest stage) to a thread lets it run on a second core while the main
 * thread writes. Each job goes to the thread with the fewest jobs in hand.
 */
export class ExtractThreads {
  private threads: ExtractThread[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly heapMb = THREAD_HEAP_MB,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`ExtractThreads: size must be a positive integer, got ${size}`);
  }

  run(job: ExtractJob): Promise<NormalizeJob> {
    if (this.closed) return Promise.reject(new Error('extraction threads are closed'));
    while (this.threads.length < this.size) this.threads.push(new ExtractThread(this.heapMb, (t) => this.drop(t)));
    const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return thread.run(this.nextId++, job);
  }

  /** Stops every thread; jobs still in hand fail (the stage worker closes first, so there are none). */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.terminate()));
  }

  private drop(thread: ExtractThread) {
    this.threads = this.threads.filter((t) => t !== thread);
  }
}

import { STAGES, type Stage } from '@claimflow/queues';
import { freePort, ServiceProcess } from './cli.js';

export { STAGES, type Stage };

export interface WorkerStackOptions {
  /** Extra environment for one stage (an inbox for ingest, a proxied database for the writer). */
  perStage?: Partial<Record<Stage, Record<string, string>>>;
  /** The `claims` arguments that start a stage; by default `worker <stage>`. */
  command?: (stage: Stage) => string[];
  /** What "started" means: alive (/healthz) or connected to Redis and the store (/readyz). */
  startedWhen?: '/healthz' | '/readyz';
}

/**
 * The four workers as separate processes, each on a health port the OS picked,
 * which a test may kill, stop and restart. A worker that dies while starting
 * fails the test at once with its own output.
 */
export class WorkerStack {
  readonly procs = new Map<Stage, ServiceProcess>();
  readonly ports = new Map<Stage, number>();

  constructor(private readonly env: Record<string, string>, private readonly opts: WorkerStackOptions = {}) {}

  async start(stages: readonly Stage[] = STAGES): Promise<void> {
    for (const stage of stages) {
      if (!this.ports.has(stage)) this.ports.set(stage, await freePort());
      const args = this.opts.command?.(stage) ?? ['worker', stage];
      const proc = new ServiceProcess(args, { ...this.env, ...this.opts.perStage?.[stage], HEALTH_PORT: String(this.ports.get(stage)) });
      this.procs.set(stage, proc);
    }
    await Promise.all(stages.map((stage) => this.procs.get(stage)!.waitUntilAnswering(this.url(stage, this.opts.startedWhen ?? '/healthz'))));
  }

  url(stage: Stage, path: string): string {
    return `http://127.0.0.1:${this.ports.get(stage)}${path}`;
  }

  async kill(stage: Stage, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    return this.procs.get(stage)!.stop(signal);
  }

  async readiness(stage: Stage): Promise<{ ready: boolean; checks: Record<string, string> }> {
    return (await fetch(this.url(stage, '/readyz'))).json() as never;
  }

  /** The stages whose worker is running now, in stage order. */
  alive(): Stage[] {
    return STAGES.filter((s) => this.procs.get(s)?.child.exitCode === null);
  }

  /** SIGTERM to every worker; resolves with their exit codes in stage order. */
  async stop(): Promise<(number | null)[]> {
    return Promise.all([...this.procs.values()].map((p) => p.stop('SIGTERM')));
  }

  output(): string {
    return [...this.procs.entries()].map(([s, p]) => `--- ${s}\n${p.output.slice(-3000)}`).join('\n');
  }
}

import { ServiceProcess, waitFor } from '../../support/cli.js';

export const STAGES = ['ingest', 'extract', 'normalize', 'write'] as const;
export type Stage = (typeof STAGES)[number];

let nextPort = 23000 + (process.pid % 300) * 10;

/** The four workers as separate processes, each of which the test may kill, stop and restart. */
export class Stack {
  readonly procs = new Map<Stage, ServiceProcess>();
  readonly ports = new Map<Stage, number>();
  readonly exits: { stage: Stage; code: number | null }[] = [];

  constructor(private readonly env: Record<string, string>, private readonly perStage: Partial<Record<Stage, Record<string, string>>> = {}) {}

  async start(stages: readonly Stage[] = STAGES): Promise<void> {
    for (const stage of stages) {
      if (!this.ports.has(stage)) this.ports.set(stage, nextPort++);
      const proc = new ServiceProcess(['worker', stage], { ...this.env, ...this.perStage[stage], HEALTH_PORT: String(this.ports.get(stage)) });
      proc.child.on('exit', (code) => this.exits.push({ stage, code }));
      this.procs.set(stage, proc);
    }
    for (const stage of stages) await waitFor(`${stage} healthy`, async () => (await fetch(`http://127.0.0.1:${this.ports.get(stage)}/healthz`)).ok, 60_000);
  }

  async kill(stage: Stage, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    return this.procs.get(stage)!.stop(signal);
  }

  async readiness(stage: Stage): Promise<{ ready: boolean; checks: Record<string, string> }> {
    return (await fetch(`http://127.0.0.1:${this.ports.get(stage)}/readyz`)).json() as never;
  }

  /** Workers that died on their own (not by the test's hand). */
  alive(): Stage[] {
    return STAGES.filter((s) => this.procs.get(s)?.child.exitCode === null);
  }

  async stop(): Promise<(number | null)[]> {
    return Promise.all([...this.procs.values()].map((p) => p.stop('SIGTERM')));
  }

  output(): string {
    return [...this.procs.entries()].map(([s, p]) => `--- ${s}\n${p.output.slice(-3000)}`).join('\n');
  }
}

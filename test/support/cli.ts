import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = `${ROOT}services/cli/bin/claims.js`;

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `claims ARGS…` as a separate process, the way a user or a container does. */
export function claims(args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input != null) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** A long-running `claims` process (a worker, the API), with its output kept for failures. */
/** Runs `claims ARGS…` and hands over the child, so a test can act while it runs (signal it, watch its output). */
export function started(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  const done = new Promise<Result>((resolve) => child.on('close', (code) => resolve({ code, ...out })));
  return { child, out, done };
}

export class ServiceProcess {
  readonly child: ChildProcess;
  output = '';

  constructor(args: string[], env: Record<string, string | undefined>) {
    this.child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
  }

  /**
   * Waits until `url` answers 2xx. Fails at once, with the process's own
   * output, if it exits first — a crash at startup should say why, not time out.
   */
  async waitUntilAnswering(url: string, timeoutMs = 60_000): Promise<void> {
    await waitFor(url, async () => {
      if (this.child.exitCode !== null) throw new ExitedError(`exited with code ${this.child.exitCode} before ${url} answered:\n${this.output.slice(-3000)}`);
      return (await fetch(url)).ok;
    }, timeoutMs).catch((err: Error) => {
      throw err instanceof ExitedError ? err : new Error(`${err.message}; its output:\n${this.output.slice(-3000)}`);
    });
  }

  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => {
      this.child.once('exit', (code) => resolve(code));
      this.child.kill(signal);
    });
  }
}

/** A process that ended while a test was waiting for it: not worth waiting longer. */
class ExitedError extends Error {}

/** A TCP port free right now, chosen by the OS (no two test files can pick the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      if (err instanceof ExitedError) throw err;
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

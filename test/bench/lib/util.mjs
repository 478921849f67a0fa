// Shared helpers of the benchmark suite: statistics, processes, databases, machine facts.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '@claimflow/config';
import { createLogger } from '@claimflow/logger';
import { createRedis } from '@claimflow/queues';
import { createDatabase, testDbPrefix } from '../../support/pg-database.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = `${ROOT}services/cli/dist/main.js`;
export const SCRATCH = '/tmp/bench-scratch';
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
/**
 * A connection from the product's factory, configured as the services are
 * (REDIS_URL, or REDIS_SENTINELS / REDIS_CLUSTER_NODES): the bench measures
 * whatever Redis the environment names.
 */
export function benchRedis(role = 'producer') {
  return createRedis(loadConfig({ ...process.env, REDIS_URL }), role, createLogger('bench', 'silent'));
}
export const ADMIN_DB_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

mkdirSync(SCRATCH, { recursive: true });

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const rand = (n = 4) => randomBytes(n).toString('hex');

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile, p in (0, 100]. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** A fresh PostgreSQL database (<TEST_DB_PREFIX>_bench_<label>_<hex>, cf_bench_… by default); `drop()` removes it, even with connections open. */
export function freshDatabase(label) {
  return createDatabase(ADMIN_DB_URL, label, `${testDbPrefix()}_bench`);
}

/** Lists the bench databases on the server (another bench's, or left behind by a crashed run); drops nothing. */
export async function listBenchDatabases() {
  const c = new pg.Client({ connectionString: ADMIN_DB_URL });
  await c.connect();
  try {
    const rows = (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${testDbPrefix().replace(/_/g, '\\_')}\\_bench\\_%`])).rows;
    return rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
}

/** Resident memory of a process from /proc: current (VmRSS) and peak (VmHWM), in bytes. */
export function procMemory(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process (all its threads) has used so far, in seconds; with `tid`, that one thread's (`tid` = `pid`: the main thread). */
export function procCpuSeconds(pid, tid = null) {
  try {
    const f = readFileSync(tid == null ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

export function redisPid(redis) {
  return redis.info('server').then((s) => Number(/process_id:(\d+)/.exec(s)?.[1]));
}

export async function redisUsedMemory(redis) {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

/**
 * Spawns `node ARGS…` (a script and its arguments, node flags first) as its own
 * process, output kept in memory (tail) for failures; `stop()` sends a signal
 * and SIGKILLs after `timeoutMs`, resolving with the exit code.
 */
export function spawnNode(args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d) => {
    output += d;
    if (output.length > 20_000) output = output.slice(-10_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    child,
    get output() {
      return output;
    },
    stop(signal = 'SIGTERM', timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.once('exit', (code) => {
          clearTimeout(t);
          resolve(code);
        });
        child.kill(signal);
      });
    },
  };
}

/** Spawns `claims ARGS…` as its own process (see spawnNode). */
export function spawnClaims(args, env, nodeArgs = []) {
  return spawnNode([...nodeArgs, CLI, ...args], { LOG_LEVEL: 'warn', ...env });
}

/**
 * Polls until each queue has at least its `expected` number of workers
 * (default 1 each). Fails at once when `exited()` returns a message (a worker
 * process died), or after `timeoutMs` with the counts it saw.
 */
export async function waitForWorkers(queues, { expected = queues.map(() => 1), exited = () => null, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(queues.map((q) => q.getWorkersCount()));
    if (counts.every((n, i) => n >= expected[i])) return;
    const dead = exited();
    if (dead) throw new Error(dead);
    if (Date.now() > deadline) throw new Error(`workers did not register: ${queues.map((q, i) => `${q.name} ${counts[i]}/${expected[i]}`).join(', ')}`);
    await sleep(100);
  }
}

export function machine() {
  const cpus = os.cpus();
  let nproc = cpus.length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {}
  let redisVersion = null;
  let pgVersion = null;
  try {
    redisVersion = /redis_version:(\S+)/.exec(execFileSync('redis-cli', ['-u', REDIS_URL, 'info', 'server'], { encoding: 'utf8' }))?.[1] ?? null;
  } catch {}
  try {
    pgVersion = execFileSync('psql', [ADMIN_DB_URL, '-tAc', 'SHOW server_version'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    nproc,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpu: cpus[0]?.model ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    redis: redisVersion,
    postgres: pgVersion,
  };
}

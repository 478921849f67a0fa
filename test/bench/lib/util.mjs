// Shared helpers of the benchmark suite: statistics, processes, databases, machine facts.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = `${ROOT}services/cli/dist/main.js`;
export const SCRATCH = '/tmp/bench-scratch';
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
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

/** A fresh PostgreSQL database; `drop()` removes it, even with connections open. */
export async function freshDatabase(label) {
  const name = `cf_bench_${label.replace(/\W/g, '_')}_${rand()}`;
  const admin = new pg.Client({ connectionString: ADMIN_DB_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_DB_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_DB_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Drops databases a crashed earlier run left behind (cf_bench_*), older than an hour. */
export async function dropStaleDatabases() {
  const c = new pg.Client({ connectionString: ADMIN_DB_URL });
  await c.connect();
  try {
    const rows = (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'cf\\_bench\\_%'`)).rows;
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

/** CPU time (user + system) a process has used so far, in seconds. */
export function procCpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
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

/** Spawns `claims ARGS…` as its own process, output kept in memory (tail) for failures. */
export function spawnClaims(args, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
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

export const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
export const fmtMB = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const fmtRate = (r) => (r >= 100 ? r.toFixed(0) : r.toFixed(1));

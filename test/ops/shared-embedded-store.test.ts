import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocketSql } from '../../shared/store/src/store-socket.js';
import { claims, freePort, ServiceProcess } from '../support/cli.js';
import { testRedisUrl } from '../support/services.js';

/**
 * The README's flow on the embedded store: `claims run`, then `claims api`,
 * and meanwhile `claims query`, `leaderboard`, `history`, `export`. Before,
 * each of those refused: "the embedded store … is in use by process N".
 */
describe('the embedded store held by claims api serves the other commands', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shared-store-'));
  let env: Record<string, string>;
  let api: ServiceProcess;
  let port: number;
  beforeAll(async () => {
    env = { REDIS_URL: await testRedisUrl(), DATA_DIR: dataDir, DATABASE_URL: '', QUEUE_PREFIX: '', LOG_LEVEL: 'warn' };
    const run = await claims(['run', 'seeds/demo-abstracts.jsonl'], { ...env, PORT: '0' });
    expect(run.code, run.stderr).toBe(0);
    port = await freePort();
    api = new ServiceProcess(['api', '--port', String(port), '--host', '127.0.0.1'], env);
    await api.waitUntilAnswering(`http://127.0.0.1:${port}/readyz`);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('claims query, leaderboard, history and export read through it, as they would alone', async () => {
    const query = await claims(['query', '--kind', 'speedup', '--format', 'jsonl', '--limit', '5'], env);
    expect(query.code, query.stderr).toBe(0);
    const rows = query.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.kind === 'speedup')).toBe(true);
    const viaApi = (await (await fetch(`http://127.0.0.1:${port}/api/claims?kind=speedup&limit=5`)).json()) as { claims: { id: string }[] };
    expect(rows.map((r) => r.id)).toEqual(viaApi.claims.map((c) => c.id));

    const boards = await claims(['leaderboard'], env);
    expect(boards.code, boards.stderr).toBe(0);
    expect(boards.stdout).toMatch(/METRIC/);
    const history = await claims(['history', 'demo-001'], env);
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout).toMatch(/^demo-001: 1 version\(s\)/);
    const status = await claims(['status'], env);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toMatch(/batch demo-abstracts-jsonl-\S+: done/);
    const csv = await claims(['export', '--format', 'csv', '--out', '-'], env);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.trim().split('\n').length).toBeGreaterThan(rows.length);
    expect(`${query.stderr}${boards.stderr}${history.stderr}${csv.stderr}`).not.toMatch(/in use by process/);
  });

  it('reads only: a write through it is refused, and commands that write still say the store is held', async () => {
    const remote = await SocketSql.connect(dataDir);
    try {
      await expect(remote.query("INSERT INTO batches (id, name, created_at) VALUES ('x', 'x', now())")).rejects.toThrow(/read-only transaction/);
    } finally {
      await remote.close();
    }
    const migrate = await claims(['migrate'], env);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toMatch(/the embedded store in .* is in use by process \d+/);
  });
});

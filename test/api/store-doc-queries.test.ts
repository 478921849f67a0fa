import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { useSeededApp } from './helpers/app.js';
import { seedAnalystPapers } from './helpers/analyst-fixtures.js';

/** Every SQL example in docs/store.md runs, on PostgreSQL, against a seeded store; the leaderboard ones give the API's rankings (test/api/comparable-boards.test.ts holds the view equal to the API on every board). */
describe('the queries of docs/store.md', () => {
  const seeded = useSeededApp('postgres', seedAnalystPapers);
  const doc = readFileSync(`${ROOT}docs/store.md`, 'utf8');
  const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1].trim());

  it('has examples, and each one runs', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const sql of blocks) await expect(seeded.db.store.sql.query(sql), sql).resolves.toBeDefined();
  });

  it('ranks accuracy on ImageNet as the API does', async () => {
    const ranked = await seeded.db.store.sql.query<{ rank: number; pp: number }>(blocks.find((b) => b.includes("board_baseline = 'ResNet-50'"))!);
    expect(ranked.map((r) => [Number(r.rank), r.pp])).toEqual([[1, 1.5]]);
    const gains = await seeded.db.store.sql.query<{ pp: number; baseline_key: string | null }>(blocks.find((b) => b.includes('over every baseline') || (b.includes("board_setting = 'ImageNet'") && !b.includes('ResNet-50')))!);
    expect(gains.map((r) => [r.pp, r.baseline_key])).toEqual([[2.3, null], [1.5, 'ResNet-50'], [0.9, null], [0.4, null], [-0.4, null]]);
    const latency = await seeded.db.store.sql.query<{ ms: number }>(blocks.find((b) => b.includes("board_hardware = 'A100'"))!);
    expect(latency.map((r) => Math.round(r.ms))).toEqual([8, 12, 30]);
    const fa = await seeded.db.store.sql.query<{ factor: number }>(blocks.find((b) => b.includes("baseline_key = 'FlashAttention-2'"))!);
    expect(fa.map((r) => r.factor)).toEqual([3.4, 2.1, 1.6]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWith as runLeaderboard } from '../../services/cli/src/commands/leaderboard.js';
import { run as runQuery } from '../../services/cli/src/commands/query.js';
import { seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { cli } from './helpers/cli-capture.js';
import { seed } from './helpers/fixtures.js';
import { openTestStore, type TestStore } from './helpers/stores.js';


describe('claims leaderboard and the key filters of claims query', () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await openTestStore('pglite');
    await seed(db.store);
    await seedAnalystPapers(db.store);
  });
  afterAll(async () => db?.close());

  it('ranks papers on a metric and setting, best first, one line per paper', async () => {
    const r = await cli(runLeaderboard, db, ['accuracy', '--setting', 'ImageNet']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('accuracy on ImageNet (quality_delta, pp, higher is better): 4 papers');
    const ranks = r.out.split('\n').filter((l) => /^\d+ /.test(l)).map((l) => l.split(/\s{2,}/)[2]);
    expect(ranks).toEqual(['an-2', 'an-1', 'an-3', 'fx-001']);
    expect(r.out).toContain('also: --unit % --kind quality_value');
  });

  it('ranks lower-is-better metrics ascending, as JSONL too', async () => {
    const r = await cli(runLeaderboard, db, ['latency', '--setting', 'A100', '--format', 'jsonl']);
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.value)).toEqual([0.008, 0.012, 0.03]);
  });

  it('lists the boards without a metric, and ranks against a baseline', async () => {
    const boards = await cli(runLeaderboard, db, []);
    expect(boards.out).toMatch(/^METRIC\s+SETTING/);
    expect(boards.out).toMatch(/accuracy\s+ImageNet\s+pp\s+quality_delta\s+4\s+5/);
    const fa = await cli(runLeaderboard, db, ['--baseline', 'FlashAttention-2']);
    expect(fa.code, fa.err).toBe(0);
    expect(fa.out).toContain('against FlashAttention-2: speedup (x, higher is better)');
    expect(fa.out.indexOf('3.4 x')).toBeLessThan(fa.out.indexOf('2.1 x'));
  });

  it('refuses a bad command line with one line and the usage', async () => {
    const r = await cli(runLeaderboard, db, ['accuracy', '--unit', 'furlongs']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^claims leaderboard: --unit: /);
    expect(r.err).toContain('usage: claims leaderboard');
    expect((await cli(runLeaderboard, db, ['a', 'b'])).code).toBe(2);
    expect((await cli(runLeaderboard, db, ['--help'])).out).toMatch(/^usage: claims leaderboard/);
  });

  it('claims query filters by canonical keys, repeatable', async () => {
    const r = await cli(runQuery, db, ['--setting-key', 'ImageNet', '--kind', 'quality_delta', '--kind', 'quality_value', '--format', 'jsonl']);
    expect(r.code, r.err).toBe(0);
    const claims = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(claims.map((c) => c.paperId))).toEqual(new Set(['an-1', 'an-2', 'an-3', 'fx-001']));
    expect(claims.every((c) => c.settingKeys.includes('ImageNet'))).toBe(true);
    const fa = await cli(runQuery, db, ['--baseline-key', 'FlashAttention-2', '--metric-key', 'speed', '--format', 'jsonl']);
    expect(fa.out.trim().split('\n').map((l) => JSON.parse(l).value)).toEqual([3.4, 2.1, 1.6]);
    const bad = await cli(runQuery, db, ['--kind', 'speedup', '--kind', 'fast']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--kind/);
  });
});

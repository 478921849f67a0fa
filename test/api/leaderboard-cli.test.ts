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
    const r = await cli(runLeaderboard, db, ['accuracy', '--setting', 'ImageNet', '--kind', 'quality_delta']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('accuracy on ImageNet (quality_delta, pp, higher is better, not ranked: gains over different or no baselines): 4 papers');
    expect(r.out).toMatch(/^RANK\s+VALUE\s+METRIC\s+SETTING\s+BASELINE\s+PAPER\s+YEAR\s+TITLE\s+CONF\s+EVIDENCE/m);
    const listed = r.out.split('\n').filter((l) => /^- /.test(l)).map((l) => l.split(/\s{2,}/));
    expect(listed.map((l) => [l[1], l[4], l[5]])).toEqual([['+2.3 pp', '-', 'an-2'], ['+1.5 pp', 'ResNet-50', 'an-1'], ['+0.2 pp–+0.9 pp', '-', 'an-3'], ['+0.4 pp', '-', 'an-1'], ['-0.4 pp', '-', 'fx-001']]);
    expect(r.out).toContain('--setting ImageNet --baseline ResNet-50 --unit pp --kind quality_delta (1 papers)');
    const one = await cli(runLeaderboard, db, ['accuracy', '--setting', 'ImageNet', '--baseline', 'ResNet-50']);
    expect(one.out).toMatch(/^1\s+\+1\.5 pp\s+top-1 accuracy\s+ImageNet\s+ResNet-50\s+an-1/m);
  });

  it('ranks lower-is-better metrics ascending, as JSONL too', async () => {
    const r = await cli(runLeaderboard, db, ['latency', '--hardware', 'A100', '--format', 'jsonl']);
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.value)).toEqual([0.008, 0.012, 0.03]);
  });

  it('lists the boards without a metric, and ranks against a baseline', async () => {
    const boards = await cli(runLeaderboard, db, []);
    expect(boards.out).toMatch(/^METRIC\s+SETTING\s+HARDWARE\s+BASELINE/);
    expect(boards.out).toMatch(/accuracy\s+ImageNet\s+-\s+\(none stated\)\s+pp\s+quality_delta\s+4\s+4/);
    expect(boards.out).toMatch(/latency\s+\(none stated\)\s+A100\s+-\s+s\s+measurement\s+3\s+3/);
    const many = await cli(runLeaderboard, db, ['--min-papers', '3', '--format', 'jsonl']);
    expect(many.out.trim().split('\n').map((l) => JSON.parse(l).papers).every((n: number) => n >= 3)).toBe(true);
    const fa = await cli(runLeaderboard, db, ['--baseline', 'FlashAttention-2']);
    expect(fa.code, fa.err).toBe(0);
    expect(fa.out).toContain('against FlashAttention-2: speedup (x, higher is better)');
    expect(fa.out.indexOf('3.4×')).toBeGreaterThan(0);
    expect(fa.out.indexOf('3.4×')).toBeLessThan(fa.out.indexOf('2.1×'));
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

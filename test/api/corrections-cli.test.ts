import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWith as runCorrections, runWith as runCorrect } from '../../services/cli/src/commands/correct.js';
import { run as runQuery } from '../../services/cli/src/commands/query.js';
import { ANALYST_PAPERS, seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { cli } from './helpers/cli-capture.js';
import { openTestStore, type TestStore } from './helpers/stores.js';

describe('claims correct and claims corrections', () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await openTestStore('pglite');
    await seedAnalystPapers(db.store);
  });
  afterAll(async () => db?.close());
  const claimsOf = async (paper: string) => (await cli(runQuery, db, ['--paper', paper, '--format', 'jsonl'])).out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const idOf = async (paper: string, text: string) => (await claimsOf(paper)).find((c) => c.text === text)!.id as string;

  it('marks wrong, corrects, adds by span and undoes, each kept across a rewrite', async () => {
    const wrong = await cli(runCorrect, db, ['wrong', await idOf('an-2', '2.1x'), '--why', 'older kernel', '--who', 'ana']);
    expect(wrong.code, wrong.err).toBe(0);
    expect(wrong.out).toMatch(/^correction 1: wrong .* \(paper an-2\) by ana: older kernel\n$/);
    const set = await cli(runCorrect, db, ['set', await idOf('an-1', '12 ms'), '--value', '0.0105', '--why', 'table', '--who', 'ana']);
    expect(set.code, set.err).toBe(0);
    const add = await cli(runCorrect, db, ['add', 'an-4', '--text', '2.5x', '--kind', 'speedup', '--value', '2.5', '--unit', 'x', '--baseline', 'FlashAttention', '--why', 'missed', '--who', 'ben']);
    expect(add.code, add.err).toBe(0);
    await db.store.replaceClaims(ANALYST_PAPERS, 'test-2');
    expect((await claimsOf('an-2')).map((c) => c.text)).not.toContain('2.1x');
    expect((await claimsOf('an-1')).find((c) => c.text === '12 ms').value).toBe(0.0105);
    expect((await claimsOf('an-4')).map((c) => c.text)).toContain('2.5x');
    const list = await cli(runCorrections, db, []);
    expect(list.out.trim().split('\n')).toHaveLength(3);
    const gold = (await cli(runCorrections, db, ['--format', 'gold'])).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(gold.find((g) => g.raw === '2.5x')).toMatchObject({ paperId: 'an-4', kind: 'speedup', value: 2.5, unit: 'x', occurrence: 1, accept: null });
    const undo = await cli(runCorrect, db, ['undo', '1', '--who', 'ana']);
    expect(undo.code, undo.err).toBe(0);
    expect((await claimsOf('an-2')).map((c) => c.text)).toContain('2.1x');
    expect((await cli(runCorrections, db, ['--all', '--format', 'jsonl'])).out.trim().split('\n').map((l) => JSON.parse(l).undoneBy)).toEqual(['ana', null, null]);
  });

  it('says what is wrong in one line, and answers --help', async () => {
    const noWhy = await cli(runCorrect, db, ['wrong', 'x', '--who', 'ana']);
    expect(noWhy.code).toBe(2);
    expect(noWhy.err.split('\n')[0]).toMatch(/^claims correct: --why: /);
    const missing = await cli(runCorrect, db, ['wrong', 'no-such-claim', '--why', 'x', '--who', 'ana']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('claims correct: no claim no-such-claim (a claim already marked wrong is gone: undo that correction first)\n');
    expect((await cli(runCorrect, db, ['fix', 'x', '--why', 'y', '--who', 'a'])).err).toContain('unknown action "fix"');
    expect((await cli(runCorrect, db, ['--help'])).out).toMatch(/^usage: claims correct wrong CLAIM_ID/);
    expect((await cli(runCorrections, db, ['--help'])).out).toMatch(/^usage: claims corrections/);
  });
});

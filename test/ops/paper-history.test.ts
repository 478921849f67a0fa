import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims } from '../support/cli.js';
import { freshDatabase, testRedisUrl, type TestDatabase } from '../support/services.js';

const dir = mkdtempSync(join(tmpdir(), 'history-'));
const file = (name: string, records: object[]) => {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
};
const V1 = { id: 'h-paper', title: 'A fast kernel', abstract: 'Our kernel is 2x faster than the baseline on one GPU.' };
const V2 = { ...V1, abstract: 'Our kernel is 3x faster than the baseline on one GPU.' };
const SAME = { id: 'h-same', title: 'Another paper', abstract: 'It reaches 81.2% top-1 accuracy on ImageNet.' };

/** A paper's id again with new text, as an operator sees it: the summary's counts and `claims history`. */
describe('claims history and the summary of an update', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await freshDatabase('history');
    env = { REDIS_URL: await testRedisUrl(), DATABASE_URL: db.url, QUEUE_PREFIX: '', PORT: '0', LOG_LEVEL: 'warn' };
    expect((await claims(['migrate'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('the summary counts new, unchanged and updated papers', async () => {
    const first = await claims(['run', file('first.jsonl', [V1, SAME])], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('papers: 2 new, 0 unchanged, 0 updated');
    const second = await claims(['run', file('second.jsonl', [V2, SAME])], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('papers: 0 new, 1 unchanged, 1 updated');
  }, 60_000);

  it('claims history ID lists the versions, and --version N shows one with its claims', async () => {
    const list = await claims(['history', 'h-paper'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^h-paper: 2 version\(s\)\n {2}v1 {2}stored .* 1 claim\(s\)\n {2}v2 \(current\) {2}stored .* 1 claim\(s\)\n/);
    const v1 = await claims(['history', 'h-paper', '--version', '1'], env);
    expect(v1.stdout).toContain(V1.abstract);
    expect(v1.stdout).toMatch(/speedup +2x/);
    const json = JSON.parse((await claims(['history', 'h-paper', '--version', '1', '--json'], env)).stdout);
    expect(json).toMatchObject({ id: 'h-paper', version: 1, abstract: V1.abstract });
    const none = await claims(['history', 'h-paper', '--version', '9'], env);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('claims history: paper "h-paper" has no version 9: it has 1, 2');
    const bad = await claims(['history', 'h-paper', '--version', 'x'], env);
    expect(bad.code).toBe(2);
  });

  it('claims delete-batch says what it would remove, then removes the batch and the papers only it holds', async () => {
    const ids = async () => (await claims(['status', '--json'], env)).stdout;
    const batches = JSON.parse(await ids()).batches as { id: string; name: string }[];
    const second = batches.find((b) => b.name === 'second.jsonl')!;
    const first = batches.find((b) => b.name === 'first.jsonl')!;
    const dry = await claims(['delete-batch', second.id], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.trim()).toBe(`would delete batch ${second.id}: 2 record(s), 0 paper(s) no other batch holds, 0 claim(s); run again with --yes to delete`);
    expect(JSON.parse(await ids()).batches).toHaveLength(2);
    expect((await claims(['delete-batch', second.id, '--yes'], env)).stdout.trim()).toBe(`deleted batch ${second.id}: 2 record(s), 0 paper(s) no other batch holds, 0 claim(s)`);
    // Both papers came in the first batch too: they stay, at their current version.
    expect((await claims(['history', 'h-paper'], env)).stdout).toMatch(/^h-paper: 2 version\(s\)/);
    const stored = JSON.parse(await ids()).counts.claims as number;
    expect(stored).toBeGreaterThan(0);
    const gone = await claims(['delete-batch', first.id, '--yes'], env);
    expect(gone.stdout.trim()).toBe(`deleted batch ${first.id}: 2 record(s), 2 paper(s) no other batch holds, ${stored} claim(s)`);
    const status = JSON.parse(await ids());
    expect(status.batches).toEqual([]);
    expect(status.counts).toMatchObject({ papers: 0, claims: 0 });
    const unknown = await claims(['delete-batch', first.id], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(`claims delete-batch: no batch "${first.id}" in the store: claims status lists the batches`);
  });
});

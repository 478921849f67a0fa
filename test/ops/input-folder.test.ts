import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@claimflow/store';
import { claims } from '../support/cli.js';
import { dropPrefix, freshDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from '../support/services.js';

const line = (id: string, n = 2) => JSON.stringify({ id, title: `Paper ${id}`, abstract: `Our method runs ${n}x faster than the baseline on one GPU.` });

/**
 * A folder as an operator has one (issue 19, item 5): a BOM, a semicolon CSV,
 * a gzipped file, a line that is not UTF-8, an empty file and a file that
 * cannot be read. Every file is a batch named after it, in `claims run` and
 * `claims ingest` alike; the empty file leaves none, and the unreadable one
 * costs only itself.
 */
describe('a folder of the files users have', () => {
  let db: TestDatabase;
  let store: Store;
  let env: Record<string, string>;
  const folder = join(mkdtempSync(join(tmpdir(), 'input-folder-')), 'batch');

  beforeAll(async () => {
    mkdirSync(folder);
    writeFileSync(join(folder, 'bom.jsonl'), `\uFEFF${line('bom-1')}\n${line('bom-2', 3)}\n`);
    writeFileSync(join(folder, 'excel.csv'), '\uFEFFid;title;abstract\r\nx-1;Paper x-1;"Our method runs 4x faster than the baseline; on one GPU."\r\n');
    writeFileSync(join(folder, 'packed.jsonl.gz'), gzipSync(`${line('gz-1', 5)}\n`));
    writeFileSync(join(folder, 'latin1.jsonl'), Buffer.concat([Buffer.from(`${line('l-1', 6)}\n{"id":"l-2","title":"Caf`), Buffer.from([0xe9]), Buffer.from('","abstract":"7x faster."}\n')]));
    writeFileSync(join(folder, 'empty.csv'), '');
    const same = { title: 'One paper', abstract: 'It is 9x faster than the baseline.' };
    writeFileSync(join(folder, 'dup.jsonl'), `${JSON.stringify({ id: 'dup-a', ...same })}\n${JSON.stringify({ id: 'dup-b', ...same })}\n`);
    symlinkSync(join(folder, 'moved-away.jsonl'), join(folder, 'unreadable.jsonl'));
    db = await freshDatabase('inputs');
    env = { REDIS_URL: await testRedisUrl(), DATABASE_URL: db.url, QUEUE_PREFIX: '', PORT: '0', LOG_LEVEL: 'warn' };
    expect((await claims(['migrate'], env)).code).toBe(0);
    store = await openStore({ databaseUrl: db.url, dataDir: null, migrate: false });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('claims run stores every readable record, one batch per file, and reports what it could not read', async () => {
    const run = await claims(['run', folder], env);
    // Finished with some records rejected: exit 3, said once.
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr.split('\n').filter((l) => /rejected, the rest stored \(exit 3\)/.test(l))).toHaveLength(1);
    const batches = [...run.stdout.matchAll(/^ {2}batch (\S+): (\d+) records, (\d+) accepted, (\d+) rejected/gm)].map((m) => [m[1].replace(/-[a-z0-9]{11,}$/, ''), +m[2], +m[3], +m[4]]);
    expect(batches.sort()).toEqual([
      ['bom-jsonl', 2, 2, 0],
      ['dup-jsonl', 2, 1, 1],
      ['excel-csv', 1, 1, 0],
      ['latin1-jsonl', 2, 1, 1],
      ['packed-jsonl-gz', 1, 1, 0],
      ['unreadable-jsonl', 1, 0, 1],
    ]);
    expect(run.stdout).toMatch(/rejected \S*latin1\.jsonl:2: invalid UTF-8 \(byte 0xe9 at byte 25 of the line\): the record is rejected; save the file as UTF-8/);
    expect(run.stdout).toMatch(/rejected \S*unreadable\.jsonl:1: cannot read the file: it does not exist \(a broken link\?\)/);
    // The same paper under a second id: both ids named (it used to say only "duplicate id \"dup-a\"" of dup-b's line).
    expect(run.stdout).toMatch(/rejected \S*dup\.jsonl:2: id: duplicate: id "dup-b" has the same title and abstract as id "dup-a", first at \S*dup\.jsonl:1/);
    expect(run.stdout + run.stderr).not.toMatch(/cannot write|not JSON|title: missing/);
    // No "done 0/0" batch for the empty file.
    const stored = await store.sql.query<{ name: string }>('SELECT name FROM batches ORDER BY name');
    expect(stored.map((b) => b.name)).toEqual(['bom.jsonl', 'dup.jsonl', 'excel.csv', 'latin1.jsonl', 'packed.jsonl.gz', 'unreadable.jsonl']);
    expect((await store.papers(['bom-1', 'bom-2', 'x-1', 'gz-1', 'l-1'])).map((p) => p.id).sort()).toEqual(['bom-1', 'bom-2', 'gz-1', 'l-1', 'x-1']);
  }, 120_000);

  it('claims ingest names a folder\'s batches by the same rule, and --batch makes them one', async () => {
    const prefix = uniquePrefix('inputs');
    try {
      const each = await claims(['ingest', folder], { ...env, QUEUE_PREFIX: prefix });
      const ids = each.stdout.trim().split('\n').map((id) => id.replace(/-[a-z0-9]{11,}$/, ''));
      expect(ids.sort()).toEqual(['bom-jsonl', 'dup-jsonl', 'excel-csv', 'latin1-jsonl', 'packed-jsonl-gz', 'unreadable-jsonl']);
      const one = await claims(['ingest', folder, '--batch', 'all of it'], { ...env, QUEUE_PREFIX: prefix });
      expect(one.stdout.trim()).toMatch(/^all-of-it-[a-z0-9]+$/);
    } finally {
      await dropPrefix(prefix);
    }
  });
});

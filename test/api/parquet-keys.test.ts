import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeParquetFile, iterateClaims } from '@claimflow/analyst';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { openTestStore, type TestStore } from './helpers/stores.js';

/** The Parquet export: typed timestamps, REQUIRED where a claim always has a value, and the canonical key columns. */
describe('Parquet export', () => {
  let db: TestStore;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    db = await openTestStore('pglite');
    await seedAnalystPapers(db.store);
    dir = await mkdtemp(join(tmpdir(), 'claimflow-parquet-'));
    file = join(dir, 'claims.parquet');
    await writeParquetFile(iterateClaims(db.store.sql, { sort: 'paper' }), file);
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('types its columns', async () => {
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(file));
    const col = (name: string) => meta.schema.find((s) => s.name === name)!;
    expect(col('created_at')).toMatchObject({ type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'REQUIRED' });
    for (const name of ['id', 'paper_id', 'kind', 'text', 'unit', 'qualifier', 'span_start', 'extractor_version']) expect(col(name).repetition_type, name).toBe('REQUIRED');
    for (const name of ['value', 'metric', 'metric_key', 'baseline_key']) expect(col(name).repetition_type, name).toBe('OPTIONAL');
    // a list column (list<string>), not JSON text
    const at = meta.schema.findIndex((s) => s.name === 'setting_keys');
    expect(meta.schema[at]).toMatchObject({ converted_type: 'LIST', repetition_type: 'REQUIRED', num_children: 1 });
    expect(meta.schema[at + 1]).toMatchObject({ repetition_type: 'REPEATED' });
    expect(meta.schema[at + 2]).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(col('better')).toMatchObject({ repetition_type: 'REQUIRED' });
    expect(col('confidence')).toMatchObject({ type: 'DOUBLE' });
  });

  it('holds the canonical keys and real timestamps', async () => {
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Record<string, unknown>[];
    const one = rows.find((r) => r.text === '1.5 points')!;
    expect(one).toMatchObject({ metric_key: 'accuracy', setting_keys: ['ImageNet'], baseline_key: 'ResNet-50', better: 'higher' });
    expect(rows.find((r) => r.text === '12 ms')).toMatchObject({ better: 'lower', setting_keys: ['A100'] });
    expect(one.created_at).toBeInstanceOf(Date);
    expect(Math.abs((one.created_at as Date).getTime() - Date.now())).toBeLessThan(10 * 60_000);
    expect(rows.find((r) => r.text === '2.1x')).toMatchObject({ baseline_key: 'FlashAttention-2', metric_key: 'speed', setting_keys: [] });
  });
});

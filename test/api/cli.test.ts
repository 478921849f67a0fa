import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClaimView } from '@claimflow/schemas';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runExport } from '../../services/cli/src/commands/export.js';
import { run as runQuery } from '../../services/cli/src/commands/query.js';
import { cli } from './helpers/cli-capture.js';
import { ALL_HAND_CLAIMS, BATCH_1, seed } from './helpers/fixtures.js';
import { BACKENDS, openTestStore, type TestStore } from './helpers/stores.js';


describe.each(BACKENDS)('claims query / claims export on %s', (backend) => {
  let db: TestStore;
  let dir: string;

  beforeAll(async () => {
    db = await openTestStore(backend);
    await seed(db.store);
    dir = await mkdtemp(join(tmpdir(), 'claimflow-api-cli-'));
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints a table of one page', async () => {
    const r = await cli(runQuery, db, ['--kind', 'speedup', '--batch', BATCH_1.id]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^VALUE\s+KIND\s+METRIC\s+PAPER\s+EVIDENCE/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['3.2', '1.5']);
  });

  it('prints JSONL and CSV, and the next cursor on stderr', async () => {
    const r = await cli(runQuery, db, ['--format', 'jsonl', '--sort', 'paper', '--limit', '2', '--batch', BATCH_1.id]);
    expect(r.code).toBe(0);
    const claims = r.out.trim().split('\n').map((l) => JSON.parse(l) as ClaimView);
    expect(claims.map((c) => c.paperId)).toEqual(['fx-001', 'fx-001']);
    const cursor = /--cursor (\S+)/.exec(r.err)?.[1];
    expect(cursor).toBeDefined();
    const next = await cli(runQuery, db, ['--format', 'csv', '--sort', 'paper', '--limit', '2', '--batch', BATCH_1.id, '--cursor', cursor!]);
    const rows = next.out.trim().split('\r\n');
    expect(rows[0]).toMatch(/^id,paper_id,/);
    expect(rows).toHaveLength(3);
  });

  it('refuses what the API refuses, with exit code 2 naming the option', async () => {
    for (const [argv, name] of [
      [['--limit', '5000'], '--limit'],
      [['--kind', 'fast'], '--kind'],
      [['--min', '3', '--max', '1'], '--min'],
      [['--colour', 'red'], 'colour'],
      [['--format', 'xml'], '--format'],
      [['--cursor', 'garbage'], 'cursor'],
    ] as const) {
      const r = await cli(runQuery, db, [...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain(name);
      expect(r.err).toContain('usage: claims query');
    }
    const r = await cli(runExport, db, ['--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out');
    expect((await cli(runExport, db, ['--out', join(dir, 'x')])).err).toContain('--format');
  });

  it('exports CSV, JSONL and Parquet files with the filter', async () => {
    const csvFile = join(dir, `${backend}.csv`);
    const r1 = await cli(runExport, db, ['--format', 'csv', '--out', csvFile, '--batch', BATCH_1.id]);
    expect(r1.code, r1.err).toBe(0);
    expect(r1.err).toContain('exported 9 claims');
    expect((await readFile(csvFile, 'utf8')).trim().split('\r\n')).toHaveLength(10);

    const jsonlFile = join(dir, `${backend}.jsonl`);
    expect((await cli(runExport, db, ['--format', 'jsonl', '--out', jsonlFile, '--kind', 'quality_delta', '--sort', 'value'])).code).toBe(0);
    const deltas = (await readFile(jsonlFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ClaimView);
    expect(deltas.map((c) => c.value)).toEqual([0.8, -0.4, -1.1]);

    const parquetFile = join(dir, `${backend}.parquet`);
    const r3 = await cli(runExport, db, ['--format', 'parquet', '--out', parquetFile, '--batch', BATCH_1.id, '--sort', 'paper']);
    expect(r3.code, r3.err).toBe(0);
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(parquetFile) })) as Record<string, unknown>[];
    expect(rows).toHaveLength(9);
    const hand = ALL_HAND_CLAIMS.filter((c) => ['fx-001', 'fx-002', 'fx-003'].includes(c.paperId));
    expect(rows.map((r) => r.text)).toEqual(hand.map((c) => c.text));
    expect(rows.map((r) => r.value)).toEqual(hand.map((c) => c.value));
    expect(rows.find((r) => r.text === '5 and 12 times')).toMatchObject({ low: 5, high: 12, value: null, span_start: hand[3].span[0] });
  });

  it('exports to stdout with --out -, and an empty result as an empty file', async () => {
    const r = await cli(runExport, db, ['--format', 'jsonl', '--out', '-', '--paper', 'fx-003']);
    expect(r.out.trim().split('\n')).toHaveLength(3);
    const empty = join(dir, 'empty.parquet');
    const r2 = await cli(runExport, db, ['--format', 'parquet', '--out', empty, '--paper', 'nothing']);
    expect(r2.code, r2.err).toBe(0);
    expect(await parquetReadObjects({ file: await asyncBufferFromFile(empty) })).toEqual([]);
  });
});

import type { ClaimView } from '@claimflow/schemas';
import { ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { fileWriter } from 'hyparquet-writer';
import { EXPORT_COLUMNS, flattenClaim, type ExportColumn } from './export-formats.js';

const NUMERIC: Partial<Record<ExportColumn, 'DOUBLE' | 'INT32'>> = {
  value: 'DOUBLE',
  low: 'DOUBLE',
  high: 'DOUBLE',
  raw_value: 'DOUBLE',
  span_start: 'INT32',
  span_end: 'INT32',
};

const typeOf = (col: ExportColumn) => NUMERIC[col] ?? 'STRING';

/**
 * Writes claims to a Parquet file one row group at a time: memory holds one
 * group (`rowGroupSize` rows) plus the footer's per-group metadata, whatever
 * the number of claims. Returns how many were written.
 */
export async function writeParquetFile(claims: AsyncIterable<ClaimView>, filename: string, rowGroupSize = 10_000): Promise<number> {
  const schema = schemaFromColumnData({
    columnData: EXPORT_COLUMNS.map((name) => ({ name, data: [], type: typeOf(name), nullable: true })),
  });
  const writer = new ParquetWriter({ writer: fileWriter(filename), schema, createdBy: 'claimflow' });
  let group: Record<ExportColumn, (string | number | null)[]> = emptyGroup();
  let rows = 0;
  let total = 0;
  const flush = async () => {
    if (!rows) return;
    await writer.write({
      columnData: EXPORT_COLUMNS.map((name) => ({ name, data: group[name], type: typeOf(name) })),
      rowGroupSize: rows,
    });
    group = emptyGroup();
    rows = 0;
  };
  for await (const claim of claims) {
    const flat = flattenClaim(claim);
    for (const col of EXPORT_COLUMNS) group[col].push(flat[col]);
    rows++;
    total++;
    if (rows >= rowGroupSize) await flush();
  }
  await flush();
  await writer.finish();
  return total;
}

function emptyGroup(): Record<ExportColumn, (string | number | null)[]> {
  return Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, []])) as unknown as Record<ExportColumn, (string | number | null)[]>;
}

import type { ClaimView } from '@claimflow/schemas';
import type { SchemaElement } from 'hyparquet';
import { ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { fileWriter } from 'hyparquet-writer';
import { EXPORT_COLUMNS, flattenClaim, type ExportColumn } from './export-formats.js';

/** Columns not stored as text: numbers, the creation time as a typed timestamp, the setting keys as a list. */
const TYPED: Partial<Record<ExportColumn, 'DOUBLE' | 'INT32' | 'TIMESTAMP' | 'LIST'>> = {
  value: 'DOUBLE',
  low: 'DOUBLE',
  high: 'DOUBLE',
  raw_value: 'DOUBLE',
  confidence: 'DOUBLE',
  span_start: 'INT32',
  span_end: 'INT32',
  created_at: 'TIMESTAMP',
  setting_keys: 'LIST',
};

/** Columns every claim has: REQUIRED in the schema, so readers know they are never null. */
const REQUIRED = new Set<ExportColumn>([
  'id', 'paper_id', 'paper_title', 'kind', 'text', 'unit', 'qualifier', 'span_start', 'span_end', 'raw_unit', 'extractor_version', 'created_at', 'setting_keys', 'better',
]);

/** The type schemaFromColumnData is given; LIST columns are replaced by their nested elements (listSchema). */
const typeOf = (col: ExportColumn) => {
  const t = TYPED[col];
  return t === 'LIST' ? 'STRING' : t ?? 'STRING';
};

/** A required list of strings, in the standard three-level form every Parquet reader knows (list<string>). */
const listSchema = (name: string): SchemaElement[] => [
  { name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
];

function exportSchema(): SchemaElement[] {
  const flat = schemaFromColumnData({
    columnData: EXPORT_COLUMNS.map((name) => ({ name, data: [], type: typeOf(name), nullable: !REQUIRED.has(name) })),
  });
  return flat.flatMap((el, i) => (i > 0 && TYPED[el.name as ExportColumn] === 'LIST' ? listSchema(el.name) : [el]));
}

/** A flat value as its Parquet column takes it. */
function parquetValue(col: ExportColumn, v: string | number | null): unknown {
  if (v == null) return null;
  if (TYPED[col] === 'TIMESTAMP') return new Date(v);
  if (TYPED[col] === 'LIST') return JSON.parse(String(v));
  return v;
}

/**
 * Writes claims to a Parquet file one row group at a time: memory holds one
 * group (`rowGroupSize` rows) plus the footer's per-group metadata, whatever
 * the number of claims. Returns how many were written.
 */
export async function writeParquetFile(claims: AsyncIterable<ClaimView>, filename: string, rowGroupSize = 10_000): Promise<number> {
  const schema = exportSchema();
  const writer = new ParquetWriter({ writer: fileWriter(filename), schema, createdBy: 'claimflow' });
  let group: Record<ExportColumn, unknown[]> = emptyGroup();
  let rows = 0;
  let total = 0;
  const flush = async () => {
    if (!rows) return;
    await writer.write({
      columnData: EXPORT_COLUMNS.map((name) => ({ name, data: group[name] })),
      rowGroupSize: rows,
    });
    group = emptyGroup();
    rows = 0;
  };
  for await (const claim of claims) {
    const flat = flattenClaim(claim);
    for (const col of EXPORT_COLUMNS) group[col].push(parquetValue(col, flat[col]));
    rows++;
    total++;
    if (rows >= rowGroupSize) await flush();
  }
  await flush();
  await writer.finish();
  return total;
}

function emptyGroup(): Record<ExportColumn, unknown[]> {
  return Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, []])) as unknown as Record<ExportColumn, unknown[]>;
}

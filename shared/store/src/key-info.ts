import { METRIC_KEY_LIST, SETTING_KEYS, KEYS_VERSION } from '@claimflow/units';
import type { Sql } from './sql.js';

/**
 * Copies what the board views need to know of the units library's key
 * tables (which metrics are measured per machine, which settings are
 * datasets or hardware) into metric_key_info and setting_key_info (migration
 * 050), so the SQL views and the TypeScript that reads them define boards one
 * way. Rewritten only when the tables' fingerprint changed.
 */
export async function syncKeyInfo(sql: Sql): Promise<boolean> {
  return sql.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7406022)');
    const [row] = await tx.query<{ version: string }>('SELECT version FROM key_info_version');
    if (row?.version === KEYS_VERSION) return false;
    await tx.query('DELETE FROM metric_key_info');
    await tx.query('DELETE FROM setting_key_info');
    await tx.query('DELETE FROM key_info_version');
    await tx.query(
      `INSERT INTO metric_key_info (key, scale, better, per_hardware)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[])`,
      [METRIC_KEY_LIST.map((m) => m.key), METRIC_KEY_LIST.map((m) => m.scale), METRIC_KEY_LIST.map((m) => m.better), METRIC_KEY_LIST.map((m) => m.perHardware)],
    );
    await tx.query('INSERT INTO setting_key_info (key, category) SELECT * FROM unnest($1::text[], $2::text[])', [
      SETTING_KEYS.map((s) => s.key), SETTING_KEYS.map((s) => s.category),
    ]);
    await tx.query('INSERT INTO key_info_version (version) VALUES ($1)', [KEYS_VERSION]);
    return true;
  });
}

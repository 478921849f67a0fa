import { readdirSync, readFileSync } from 'node:fs';
import { syncKeyInfo } from './key-info.js';
import type { Sql } from './sql.js';

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

/** Applies the numbered .sql files in migrations/ that have not run yet; returns their names. */
export async function migrate(sql: Sql): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const name of files) {
    const text = readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8');
    const done = await sql.transaction(async (tx) => {
      // Workers migrate as they start, so several processes may migrate one fresh
      // database at once: the advisory lock makes the others wait, then skip. The
      // bookkeeping table is created under the lock too, since two concurrent
      // CREATE TABLE IF NOT EXISTS can still collide in Postgres' catalog.
      if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7406021)');
      await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (seen.length) return false;
      for (const statement of splitStatements(text)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  // The board views read the units tables' categories: copied after the schema, on every migrate (a no-op when unchanged).
  await syncKeyInfo(sql);
  // Fresh statistics after a schema change, so plans do not wait for autovacuum (which may be off).
  if (applied.length) await sql.query('ANALYZE');
  return applied;
}

/** Splits a migration into statements (extended-protocol queries take one each). */
function splitStatements(text: string): string[] {
  const withoutComments = text.replace(/--.*$/gm, '');
  const out: string[] = [];
  let current = '';
  let dollar = false;
  for (const part of withoutComments.split(/(\$\$|;)/)) {
    if (part === '$$') dollar = !dollar;
    if (part === ';' && !dollar) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += part;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

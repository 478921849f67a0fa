import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/support/services.js';
import { migrate, PgSql } from '../src/index.js';

describe('migrate on PostgreSQL', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => db?.drop());

  // Workers open the store (and migrate) as they start, so in a fresh stack
  // several processes migrate one empty database at the same moment.
  it('several processes migrating a fresh database at once all succeed, and each migration runs once', async () => {
    db = await freshDatabase('migrate');
    const conns = Array.from({ length: 6 }, () => new PgSql(db!.url, 0));
    try {
      const results = await Promise.all(conns.map((c) => migrate(c)));
      const names = results.flat();
      expect(new Set(names).size).toBe(names.length);
      const rows = await conns[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]!.n).toBe(names.length);
      expect(names.length).toBeGreaterThan(0);
    } finally {
      await Promise.all(conns.map((c) => c.close()));
    }
  });
});

import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { testDbPrefix } from '../support/pg-database.mjs';
import { freshDatabase } from '../support/services.js';

/** What `npm test` makes on the server DATABASE_URL names carries TEST_DB_PREFIX (README, "Development"). */
describe('TEST_DB_PREFIX', () => {
  const before = process.env.TEST_DB_PREFIX;
  afterEach(() => {
    if (before === undefined) delete process.env.TEST_DB_PREFIX;
    else process.env.TEST_DB_PREFIX = before;
  });

  it('names the test databases, and is cf_ by default', async () => {
    delete process.env.TEST_DB_PREFIX;
    expect(testDbPrefix()).toBe('cf');
    process.env.TEST_DB_PREFIX = 'ops_prefix_t';
    const db = await freshDatabase('named');
    try {
      expect(db.name).toMatch(/^ops_prefix_t_named_[0-9a-f]{8}$/);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      expect((await client.query('SELECT current_database() AS d')).rows[0].d).toBe(db.name);
      await client.end();
    } finally {
      await db.drop();
    }
  });

  it('refuses a prefix that is not a plain SQL name', () => {
    process.env.TEST_DB_PREFIX = 'bad-prefix; DROP';
    expect(() => testDbPrefix()).toThrow(/TEST_DB_PREFIX: expected lower-case letters/);
  });
});

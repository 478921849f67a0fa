import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@claimflow/logger';
import { freshDatabase } from '../../../test/support/services.js';
import { isOutage } from '../src/index.js';
import { ridingOutOutages } from '../src/ride-out.js';

const log = createLogger('test', 'silent');

/** Errors as pg gives them: an outage is waited out, anything else is the job's own failure. */
describe('isOutage', () => {
  it('a server that refuses connections is an outage; a bad statement is not', async () => {
    const refused = await new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/x' }).connect().catch((e) => e);
    expect(isOutage(refused)).toBe(true);
    const db = await freshDatabase('rideout');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const bad = await client.query('SELEC 1').catch((e) => e);
      expect(bad.code).toBe('42601');
      expect(isOutage(bad)).toBe(false);
      // A connection the server ends (admin shutdown, 57P01) is an outage.
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      other.on('error', () => {});
      const [{ pid }] = (await other.query('SELECT pg_backend_pid() AS pid')).rows;
      await client.query('SELECT pg_terminate_backend($1)', [pid]);
      const ended = await other.query('SELECT 1').catch((e) => e);
      expect(isOutage(ended)).toBe(true);
    } finally {
      await client.end();
      await db.drop();
    }
  });
});

describe('ridingOutOutages', () => {
  it('tries an outage again without failing the job, and fails at once for anything else', async () => {
    let calls = 0;
    const stopping = new AbortController();
    const flaky = ridingOutOutages('write', async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    }, { log, maxWaitMs: 100, stopping: stopping.signal });
    await flaky({} as never, { id: 'j' } as never);
    expect(calls).toBe(3);
    const broken = ridingOutOutages('write', async () => {
      throw new Error('invalid write payload');
    }, { log, maxWaitMs: 100, stopping: stopping.signal });
    await expect(broken({} as never, { id: 'j' } as never)).rejects.toThrow('invalid write payload');
  });

  it('gives the job back as failed once the worker stops, so shutdown never waits for the outage to end', async () => {
    const stopping = new AbortController();
    const down = ridingOutOutages('write', async () => {
      throw Object.assign(new Error('Connection terminated unexpectedly'), {});
    }, { log, maxWaitMs: 10_000, stopping: stopping.signal });
    const running = down({} as never, { id: 'j' } as never);
    setTimeout(() => stopping.abort(), 200);
    await expect(running).rejects.toThrow('Connection terminated unexpectedly');
  });
});

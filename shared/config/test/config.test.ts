import { describe, expect, it } from 'vitest';
import { CONFIG_ENV_VARS, ConfigError, loadConfig } from '../src/index.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DATA_DIR).toBe('./data');
    expect(c.QUEUE_PREFIX).toBe('claimflow');
  });
  it('coerces numbers and treats empty values as unset', () => {
    const c = loadConfig({ CHUNK_SIZE: '50', HEALTH_PORT: '9464', DATABASE_URL: '' });
    expect(c.CHUNK_SIZE).toBe(50);
    expect(c.HEALTH_PORT).toBe(9464);
    expect(c.DATABASE_URL).toBeUndefined();
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ CHUNK_SIZE: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHUNK_SIZE: 'lots' })).toThrow(/CHUNK_SIZE/);
    expect(() => loadConfig({ QUEUE_PREFIX: 'a:b' })).toThrow(/QUEUE_PREFIX/);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
  });
  it('accepts one hash tag in QUEUE_PREFIX, for a Redis Cluster, and nothing else new', () => {
    expect(loadConfig({ QUEUE_PREFIX: '{claimflow}' }).QUEUE_PREFIX).toBe('{claimflow}');
    expect(loadConfig({ QUEUE_PREFIX: 'app-{cf}' }).QUEUE_PREFIX).toBe('app-{cf}');
    for (const bad of ['{a}{b}', '{}', 'a{b', 'a}b', '{a:b}']) expect(() => loadConfig({ QUEUE_PREFIX: bad }), bad).toThrow(/QUEUE_PREFIX/);
  });
  it('reads sentinels and cluster nodes as host:port lists', () => {
    const c = loadConfig({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_CLUSTER_NODES: '10.0.0.1:7000' });
    expect(c.REDIS_SENTINELS).toBe('s1:26379,s2:26379');
    expect(c.REDIS_SENTINEL_NAME).toBe('mymaster');
    expect(c.REDIS_CLUSTER_NODES).toBe('10.0.0.1:7000');
    expect(() => loadConfig({ REDIS_SENTINELS: 's1' })).toThrow(/REDIS_SENTINELS: host:port/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1, b:2' })).toThrow(/REDIS_CLUSTER_NODES/);
  });
  it('lists every variable it reads', () => {
    expect(CONFIG_ENV_VARS).toContain('REDIS_URL');
    expect(CONFIG_ENV_VARS).toContain('QUEUE_PREFIX');
  });
});

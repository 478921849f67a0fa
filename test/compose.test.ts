import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_ENV_VARS } from '@claimflow/config';
import { COMMANDS } from '../services/cli/src/commands/index.js';
import { WORKERS } from '../services/cli/src/commands/worker.js';
import { ROOT } from './support/cli.js';

/**
 * No Docker engine runs here, so the compose file is held to the code
 * instead: every command is a real `claims` command, every variable one the
 * config reads, every long-running service has a healthcheck on the port it
 * serves, and nothing pins names or host ports that would stop --scale.
 */
const text = readFileSync(`${ROOT}docker-compose.yml`, 'utf8');
const compose = parse(text, { merge: true });
const services: Record<string, any> = compose.services;
const LONG_RUNNING = ['ingest', 'extractor', 'normalizer', 'writer', 'api'];
const OURS = [...LONG_RUNNING, 'migrate', 'cli'];

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('docker-compose.yml', () => {
  it('has redis, postgres, a one-shot migrate and the five services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'cli', 'extractor', 'ingest', 'migrate', 'normalizer', 'postgres', 'redis', 'writer']);
  });

  it.each(OURS.filter((s) => s !== 'cli'))('%s runs a command the claims CLI has', (name) => {
    const [bin, command, arg] = services[name].command;
    expect(bin).toBe('claims');
    expect(Object.keys(COMMANDS)).toContain(command);
    if (command === 'worker') expect(Object.keys(WORKERS)).toContain(arg);
  });

  it.each(OURS)('%s sets only variables the config reads', (name) => {
    for (const key of Object.keys(services[name].environment ?? {})) expect(CONFIG_ENV_VARS).toContain(key);
  });

  it.each(LONG_RUNNING)('%s has a healthcheck on the port it serves, and waits for healthy dependencies', (name) => {
    const s = services[name];
    const port = s.environment.HEALTH_PORT ?? s.environment.PORT;
    expect(port).toBeTruthy();
    expect(s.healthcheck.test.join(' ')).toContain(`127.0.0.1:${port}/readyz`);
    expect(s.depends_on.redis.condition).toBe('service_healthy');
    expect(s.depends_on.postgres.condition).toBe('service_healthy');
    expect(s.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(s.stop_grace_period).toBeTruthy();
  });

  it.each(['ingest', 'extractor', 'normalizer', 'writer'])('%s can be scaled: no container name, no host port', (name) => {
    expect(services[name].container_name).toBeUndefined();
    expect(services[name].ports).toBeUndefined();
  });

  it('redis keeps its queues (AOF) and never evicts them; postgres has a volume and a healthcheck', () => {
    const conf = readFileSync(`${ROOT}infra/redis/redis.conf`, 'utf8');
    expect(conf).toMatch(/^appendonly yes$/m);
    expect(conf).toMatch(/^maxmemory-policy noeviction$/m);
    expect(services.redis.healthcheck).toBeTruthy();
    expect(services.postgres.healthcheck).toBeTruthy();
    expect(services.postgres.volumes.some((v: string) => v.startsWith('pg-data:'))).toBe(true);
  });

  it('each service builds a Dockerfile target that exists and runs as a non-root user', () => {
    const dockerfile = readFileSync(`${ROOT}infra/Dockerfile`, 'utf8');
    const targets = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    for (const name of OURS) expect(targets).toContain(services[name].build.target);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it.skipIf(!hasDockerCompose())('passes `docker-compose config -q`' + (hasDockerCompose() ? '' : ' (skipped: docker-compose is not installed)'), () => {
    execFileSync('docker-compose', ['-f', `${ROOT}docker-compose.yml`, 'config', '-q'], { cwd: ROOT });
  });
});

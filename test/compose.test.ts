import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { CONFIG_ENV_VARS } from '@claimflow/config';
import { COMMANDS } from '../services/cli/src/commands/index.js';
import { WORKER_NODE_OPTIONS, WORKERS } from '../services/cli/src/commands/worker.js';
import { ROOT } from './support/cli.js';

// npm's own range rules (semver is installed with the toolchain; it ships no types).
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };

/**
 * No Docker engine runs here, so the compose file is held to the code
 * instead: every command is a real `claims` command, every variable one the
 * config reads, every long-running service has a healthcheck on the port it
 * serves, and nothing pins names or host ports that would stop --scale.
 */
const text = readFileSync(`${ROOT}docker-compose.yml`, 'utf8');
const compose = parse(text, { merge: true });
const services: Record<string, any> = compose.services;
const LONG_RUNNING = ['ingest', 'extractor', 'normalizer', 'writer', 'harvester', 'api'];
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
  it('has redis, postgres, a one-shot migrate and the six services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'cli', 'extractor', 'harvester', 'ingest', 'migrate', 'normalizer', 'postgres', 'redis', 'writer']);
  });

  it.each(OURS.filter((s) => s !== 'cli'))('%s runs a command the claims CLI has', (name) => {
    const [bin, command, arg] = services[name].command;
    expect(bin).toBe('claims');
    expect(Object.keys(COMMANDS)).toContain(command);
    if (command === 'worker') expect(Object.keys(WORKERS)).toContain(arg);
  });

  it.each(OURS)('%s sets only variables the config reads (and Node\'s flags, for the pipeline\'s processes)', (name) => {
    for (const key of Object.keys(services[name].environment ?? {})) if (key !== 'NODE_OPTIONS') expect(CONFIG_ENV_VARS).toContain(key);
  });

  it.each(['ingest', 'extractor', 'normalizer', 'writer'])('%s runs with the heap cap the workers are measured with', (name) => {
    expect(services[name].environment.NODE_OPTIONS).toBe(WORKER_NODE_OPTIONS);
  });

  it.each(['api', 'cli', 'migrate'])('%s has no heap cap: it is meant for the workers only', (name) => {
    expect(services[name].environment?.NODE_OPTIONS).toBeUndefined();
  });

  it('writes no password: the database password comes from POSTGRES_PASSWORD, which must be set', () => {
    expect(text).not.toMatch(/claimflow:claimflow@|POSTGRES_PASSWORD: claimflow/);
    expect(services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/);
    for (const name of ['migrate', 'ingest', 'extractor', 'normalizer', 'writer', 'api', 'cli']) {
      expect(services[name].environment.DATABASE_URL, name).toMatch(/^postgres:\/\/claimflow:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/claimflow$/);
    }
  });

  it('every service\'s log is rotated', () => {
    for (const [name, s] of Object.entries(services)) {
      expect(s.logging?.driver, name).toBe('json-file');
      expect(s.logging.options['max-size'], name).toBeTruthy();
      expect(Number(s.logging.options['max-file']), name).toBeGreaterThan(0);
    }
  });

  it('the cli waits for migrate and reads the host folder INPUT_DIR at /input', () => {
    expect(services.cli.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(services.cli.volumes).toContain('${INPUT_DIR:-./seeds}:/input:ro');
  });

  it('.dockerignore keeps the inbox, local stores, secrets and builds out of the images', () => {
    const ignored = readFileSync(`${ROOT}.dockerignore`, 'utf8').split('\n').map((l) => l.trim());
    for (const p of ['node_modules', '**/node_modules', '**/dist', 'data', 'seeds/inbox', '.env', '.git', 'coverage', '.turbo']) expect(ignored, p).toContain(p);
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

  it.each(['ingest', 'extractor', 'normalizer', 'writer', 'harvester'])('%s can be scaled: no container name, no host port', (name) => {
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

  it('host ports are overridable; only the API is published, PostgreSQL only when asked for (on loopback)', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name]) => name).sort();
    expect(published).toEqual(['api']);
    expect(services.api.ports).toEqual(['${API_HOST:-0.0.0.0}:${API_PORT:-8080}:8080']);
    const override = parse(readFileSync(`${ROOT}infra/compose.postgres-port.yml`, 'utf8'));
    expect(Object.keys(override.services)).toEqual(['postgres']);
    expect(override.services.postgres.ports).toEqual(['127.0.0.1:${POSTGRES_PORT:-5432}:5432']);
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    for (const v of ['API_PORT', 'POSTGRES_PORT', 'INBOX_USER']) expect(readme).toContain(`\`${v}\``);
  });

  it('the ingest worker can be run as the inbox folder\'s owner', () => {
    expect(services.ingest.user).toBe('${INBOX_USER:-node}');
  });

  it.skipIf(!hasDockerCompose())('passes `docker-compose config -q`, with the PostgreSQL port file too, and refuses to start without POSTGRES_PASSWORD' + (hasDockerCompose() ? '' : ' (skipped: docker-compose is not installed)'), () => {
    const env = { ...process.env, POSTGRES_PASSWORD: 'test-only-password' };
    execFileSync('docker-compose', ['-f', `${ROOT}docker-compose.yml`, 'config', '-q'], { cwd: ROOT, env });
    execFileSync('docker-compose', ['-f', `${ROOT}docker-compose.yml`, '-f', `${ROOT}infra/compose.postgres-port.yml`, 'config', '-q'], { cwd: ROOT, env });
    const { POSTGRES_PASSWORD: _unset, ...without } = env;
    expect(() => execFileSync('docker-compose', ['-f', `${ROOT}docker-compose.yml`, 'config', '-q'], { cwd: ROOT, env: without, stdio: 'pipe' })).toThrow(/set POSTGRES_PASSWORD/);
  });
});

/** Node 20 left support in April 2026: the images run the current LTS, and every dependency installs on both. */
describe('supported Node versions', () => {
  const SUPPORTED = ['20.19.0', '24.0.0'];
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
  const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8'));

  it('package.json engines admit Node 20 and 24', () => {
    for (const v of SUPPORTED) expect(semver.satisfies(v, pkg.engines.node), v).toBe(true);
  });

  it('the images are built on Node 24', () => {
    const froms = [...readFileSync(`${ROOT}infra/Dockerfile`, 'utf8').matchAll(/^FROM (node:\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const f of froms) expect(f).toMatch(/^node:24-/);
  });

  it('no installed package asks for a Node version outside them (npm ci warns of none)', () => {
    const unmet = Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string }; dev?: boolean; optional?: boolean }>)
      .filter(([path, p]) => path && p.engines?.node && !p.optional)
      .flatMap(([path, p]) => SUPPORTED.filter((v) => !semver.satisfies(v, p.engines!.node!)).map((v) => `${path}@${p.version} needs node ${p.engines!.node} (not ${v})`));
    expect(unmet).toEqual([]);
  });
});

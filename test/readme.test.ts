import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../services/cli/src/commands/index.js';
import { ROOT } from './support/cli.js';

/** The README opens with the two commands a newcomer runs; CI must run the second of them. */
describe('README and CI agree', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const firstBlock = readme.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
  const commands = firstBlock.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

  it('opens with the main job and the test command, both defined in package.json', () => {
    expect(commands).toHaveLength(2);
    expect(commands[0]).toBe('npm ci && npm start');
    expect(commands[1]).toBe('npm test');
    expect(pkg.scripts.start).toMatch(/claims run/);
    expect(pkg.scripts.test).toBeTruthy();
  });

  it('.ci/run ends by running that test command', () => {
    const ci = readFileSync(`${ROOT}.ci/run`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(ci.at(-1)).toBe(commands[1]);
    expect(ci).toContain('npm ci --no-audit --no-fund');
    expect(ci).toContain('npm run build');
  });
});

/** What a new operator looks for in the README, held to the code where the code says it. */
describe('README for an operator', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = (title: string) => {
    const start = readme.indexOf(`## ${title}`);
    expect(start, title).toBeGreaterThanOrEqual(0);
    const next = readme.indexOf('\n## ', start + 3);
    return readme.slice(start, next < 0 ? undefined : next);
  };

  it('the command line table names every claims command', () => {
    const table = section('The command line');
    for (const name of Object.keys(COMMANDS)) expect(table, name).toMatch(new RegExp(`\\| \`claims ${name}[ \`]|, \`claims ${name}[ \`]`));
    expect(table).toMatch(/--help/);
  });

  it('says how to add a batch of one\'s own, and that the inbox needs a running ingest worker', () => {
    const s = section('Adding a batch of your own');
    for (const phrase of ['seeds/', 'claims ingest', 'INBOX_DIR', 'ingest worker']) expect(s).toContain(phrase);
  });

  it('shows remote Redis and PostgreSQL URLs with a password and TLS', () => {
    const s = section('Remote Redis and PostgreSQL');
    expect(s).toMatch(/rediss:\/\/[^:\s]+:[^@\s]+@/);
    expect(s).toMatch(/postgres:\/\/[^:\s]+:[^@\s]+@\S+sslmode=/);
    expect(s).toContain('sslmode=require');
  });

  it('says what npm run eval needs, and why tests are skipped', () => {
    expect(readme).toMatch(/`npm run eval[^|]*\|[^|]*needs a build and `..\/shared`/);
    expect(readme).toMatch(/each skipped test's name says\s+why/);
  });
});

/** The operations guide covers what issue 19 asks of it, and names only commands that exist. */
describe('docs/operations.md', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const ops = readFileSync(`${ROOT}docs/operations.md`, 'utf8');

  it('is linked from the README, whose Operations section states the size limits', () => {
    expect(readme).toContain('](docs/operations.md)');
    expect(readme).toMatch(/### Size limits[\s\S]*20,000 characters[\s\S]*CHUNK_BYTES[\s\S]*the worker died on this job/);
  });

  it('has reset, backup and restore for both stores, upgrade, deleting a batch and the limits', () => {
    for (const heading of ['## Reset', '## Backup and restore', '## Upgrade', '## Deleting a batch', '## Size limits']) expect(ops).toContain(heading);
    expect(ops).toMatch(/pg_dump/);
    expect(ops).toMatch(/pg_restore/);
    expect(ops).toMatch(/tar -C \.\/data/);
    expect(ops).toMatch(/claims migrate/);
    expect(ops).toMatch(/claims reprocess --all/);
  });

  it('names only claims commands that exist', () => {
    for (const [, name] of ops.matchAll(/(?:npx |`)claims ([a-z][a-z-]+)/g)) {
      if (['run', 'api'].includes(name) || name in COMMANDS) continue;
      expect.fail(`docs/operations.md names "claims ${name}", which is no command`);
    }
  });
});

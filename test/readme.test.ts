import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

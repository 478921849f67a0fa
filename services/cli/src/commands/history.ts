import { parseArgs } from 'node:util';
import { paperDetail } from '@claimflow/analyst';
import { InputError, UsageError } from '@claimflow/service-kit';
import { reportFailure, type CliDeps } from './cli-deps.js';

export const usage = 'claims history ID [--version N] [--json]   every version of a paper (the same id with new text is its next version), or one version with its claims';
export const options = [
  '  --version N   that version: its title, abstract and the claims read from it (default: list the versions)',
  '  --json        as JSON (the same object as /api/papers/ID?version=N)',
].join('\n');

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** `claims history ID`: a paper's versions, oldest first; `--version N` shows one with its claims. */
export async function run(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { version: { type: 'string' }, json: { type: 'boolean', default: false } } });
    if (positionals.length !== 1) throw new UsageError('name one paper id (claims query --format table shows ids)');
    const version = values.version == null ? undefined : Number(values.version);
    if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new UsageError(`--version: expected a version number (1, 2, …), got "${values.version}"`);
    const [id] = positionals;
    const store = await ctx.store();
    const paper = await paperDetail(store.sql, id, version);
    if (!paper) {
      const known = await paperDetail(store.sql, id);
      if (!known) throw new InputError(`no paper "${id}" in the store: claims query --paper ID, or the API's /api/papers/ID, finds papers by id`);
      throw new InputError(`paper "${id}" has no version ${version}: it has ${known.versions.map((v) => v.version).join(', ')}`);
    }
    if (values.json) {
      ctx.out.write(JSON.stringify(version === undefined ? { id, versions: paper.versions } : paper, null, 2) + '\n');
      return 0;
    }
    if (version === undefined) {
      ctx.out.write(`${id}: ${paper.versions.length} version(s)\n`);
      for (const v of paper.versions) ctx.out.write(`  v${v.version}${v.current ? ' (current)' : ''}  stored ${v.storedAt}  ${v.claims} claim(s)\n`);
      ctx.out.write(`claims history ${id} --version N shows one with its claims\n`);
      return 0;
    }
    ctx.out.write(`${id} v${paper.version}${paper.version === paper.versions.at(-1)?.version ? ' (current)' : ''}: ${paper.title}\n${clip(paper.abstract, 300)}\n`);
    for (const c of paper.claims) ctx.out.write(`  ${c.kind.padEnd(14)} ${c.text.padEnd(16)} ${c.metric ?? ''}\n`);
    return 0;
  } catch (err) {
    return reportFailure('history', usage, err, ctx);
  }
}

import { PassThrough } from 'node:stream';
import type { CliDeps } from '../../../services/cli/src/commands/cli-deps.js';
import type { TestStore } from './stores.js';

/** Runs a store command in-process on a test store, with stdout and stderr captured. */
export async function cli(run: (argv: string[], ctx: CliDeps) => Promise<number>, db: TestStore, argv: string[]) {
  const capture = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = capture();
  const err = capture();
  const code = await run(argv, { store: async () => db.store, out: out.stream, err: err.stream });
  await new Promise((r) => setImmediate(r));
  return { code, out: out.text(), err: err.text() };
}

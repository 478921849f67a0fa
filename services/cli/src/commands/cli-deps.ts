import { BadQueryError } from '@claimflow/analyst';
import { explainError, isUsageError } from '@claimflow/service-kit';
import type { Store } from '@claimflow/store';

/** What a command needs from the CLI: the store, opened on first use, and where to write. */
export interface CliDeps {
  store: () => Promise<Store>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** Says what went wrong on `err`, once: exit code 2 and the usage for a bad command line, 1 for anything else. */
export function reportFailure(command: string, usage: string, err: unknown, ctx: CliDeps): number {
  const message = explainError(err) ?? (err as Error).message;
  ctx.err.write(`claims ${command}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (isUsageError(err) || err instanceof BadQueryError) {
    ctx.err.write(`usage: ${usage}\n`);
    return 2;
  }
  return 1;
}

/** The claim filter's options, one line each, for `claims query --help` and `claims export --help`. */
export const FILTER_HELP = [
  '  --kind K               speedup, efficiency, quality_delta, quality_value or measurement',
  '  --unit U               normalized unit (x, pp, %, B, s, fps, …)',
  '  --min N, --max N       value bounds (negative numbers work: --min -5)',
  '  --qualifier Q          exact, approximate, upper_bound, …',
  '  --metric M             metric name contains M',
  '  --setting S            setting contains S',
  '  --paper ID, --batch ID one paper, one batch',
  '  --q TEXT               words in the claim\'s sentence or the paper\'s title',
  '  --sort value|paper|recent, --limit N',
].join('\n');

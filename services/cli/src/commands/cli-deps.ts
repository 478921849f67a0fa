import { BadQueryError, UsageError } from '@claimflow/analyst';
import type { Store } from '@claimflow/store';

/** What a command needs from the CLI: the store, opened on first use, and where to write. */
export interface CliDeps {
  store: () => Promise<Store>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** Says what went wrong on `err`: exit code 2 and the usage for a bad command line, 1 for anything else. */
export function reportFailure(command: string, usage: string, err: unknown, ctx: CliDeps): number {
  ctx.err.write(`claims ${command}: ${(err as Error).message}\n`);
  if (err instanceof UsageError || err instanceof BadQueryError) {
    ctx.err.write(`usage: ${usage}\n`);
    return 2;
  }
  return 1;
}

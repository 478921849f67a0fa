import { loadConfig } from '@claimflow/config';
import { openStore, type Store } from '@claimflow/store';
import type { CliDeps } from './cli-deps.js';
import * as correctCommand from './correct.js';
import * as exportCommand from './export.js';
import * as queryCommand from './query.js';
import * as rejectionsCommand from './rejections.js';

/** Gives a store-reading command its deps: the store opened on first use and closed after. */
function withStore(command: { usage: string; options?: string; run(argv: string[], deps: CliDeps): Promise<number> }) {
  return {
    usage: command.usage,
    options: command.options,
    async run(argv: string[]): Promise<number> {
      const opened: { store?: Promise<Store> } = {};
      const deps: CliDeps = {
        store: () => {
          const config = loadConfig();
          opened.store ??= openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, statementTimeoutMs: config.STATEMENT_TIMEOUT_MS });
          return opened.store;
        },
        out: process.stdout,
        err: process.stderr,
      };
      try {
        return await command.run(argv, deps);
      } finally {
        // A store that failed to open was reported by the command: closing it must not report it again.
        if (opened.store) await opened.store.then((s) => s.close()).catch(() => {});
      }
    },
  };
}

export const query = withStore(queryCommand);
export const exportClaims = withStore(exportCommand);
export const rejections = withStore(rejectionsCommand);
export const correct = withStore({ usage: correctCommand.usage, options: correctCommand.options, run: correctCommand.runWith });
export const corrections = withStore({ usage: correctCommand.listUsage, options: correctCommand.listOptions, run: correctCommand.listWith });

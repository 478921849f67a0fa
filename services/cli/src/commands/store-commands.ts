import { loadConfig } from '@claimflow/config';
import { openStore, type Store } from '@claimflow/store';
import type { CliDeps } from './cli-deps.js';
import * as deleteBatchCommand from './delete-batch.js';
import * as correctCommand from './correct.js';
import * as exportCommand from './export.js';
import * as historyCommand from './history.js';
import * as leaderboardCommand from './leaderboard.js';
import * as queryCommand from './query.js';
import * as rejectionsCommand from './rejections.js';
import * as searchCommand from './search.js';

/**
 * Gives a store command its deps: the store opened on first use and closed
 * after. A reading command (the default) reads through the process holding
 * the embedded store, if one does; a writing one needs it to itself.
 */
function withStore(command: { usage: string; options?: string; run(argv: string[], deps: CliDeps): Promise<number> }, access: 'read' | 'write' = 'read') {
  return {
    usage: command.usage,
    options: command.options,
    async run(argv: string[]): Promise<number> {
      const opened: { store?: Promise<Store> } = {};
      const deps: CliDeps = {
        store: () => {
          const config = loadConfig();
          // Reads only: with `claims api` or `claims run` holding the embedded store, they go through it.
          opened.store ??= openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, statementTimeoutMs: config.STATEMENT_TIMEOUT_MS, readOnly: access === 'read' });
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
export const leaderboard = withStore({ usage: leaderboardCommand.usage, run: leaderboardCommand.runWith });
export const history = withStore(historyCommand);
export const deleteBatch = withStore(deleteBatchCommand, 'write');
export const search = withStore(searchCommand);
export const correct = withStore({ usage: correctCommand.usage, options: correctCommand.options, run: correctCommand.runWith });
export const corrections = withStore({ usage: correctCommand.listUsage, options: correctCommand.listOptions, run: correctCommand.listWith });

export interface Command {
  usage: string;
  /** One line per option, for `--help`. */
  options?: string;
  run(argv: string[]): Promise<number>;
}

/**
 * Every `claims` command, loaded only when it runs: a worker process does not
 * pay for the API, the analyst queries or the Parquet writer. The compose
 * file's commands are checked against this table.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: () => import('./extract.js'),
  run: () => import('./run.js'),
  ingest: () => import('./ingest.js'),
  worker: () => import('./worker.js'),
  api: () => import('./api.js'),
  status: () => import('./status.js'),
  query: async () => (await import('./store-commands.js')).query,
  export: async () => (await import('./store-commands.js')).exportClaims,
  rejections: async () => (await import('./store-commands.js')).rejections,
  history: async () => (await import('./store-commands.js')).history,
  'delete-batch': async () => (await import('./store-commands.js')).deleteBatch,
  failures: () => import('./failures.js'),
  retry: () => import('./retry.js'),
  migrate: () => import('./migrate.js'),
  reprocess: () => import('./reprocess.js'),
  leaderboard: async () => (await import('./store-commands.js')).leaderboard,
  harvest: () => import('./harvest.js'),
  harvester: () => import('./harvester.js'),
  search: async () => (await import('./store-commands.js')).search,
  correct: async () => (await import('./store-commands.js')).correct,
  corrections: async () => (await import('./store-commands.js')).corrections,
};

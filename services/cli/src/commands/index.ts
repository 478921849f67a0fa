import * as api from './api.js';
import * as extract from './extract.js';
import * as failures from './failures.js';
import * as ingest from './ingest.js';
import * as migrate from './migrate.js';
import * as reprocess from './reprocess.js';
import * as retry from './retry.js';
import * as run from './run.js';
import * as status from './status.js';
import { exportClaims, query } from './store-commands.js';
import * as worker from './worker.js';

export interface Command {
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Every `claims` command; the compose file's commands are checked against this table. */
export const COMMANDS: Record<string, Command> = { extract, run, ingest, worker, api, status, query, export: exportClaims, failures, retry, migrate, reprocess };
export { WORKERS } from './worker.js';

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreUnavailableError } from './sql.js';

const LOCK_FILE = 'claimflow.lock';

/** The folder is held by another live process (which may serve reads: store-socket.ts). */
export class StoreInUseError extends StoreUnavailableError {
  constructor(message: string, readonly holder: number) {
    super(message);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own and two processes opening one data folder
 * corrupt it, so the folder is held by a lock file naming the holder's pid.
 * A lock left by a process that is gone is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (holder && holder !== process.pid && alive(holder)) {
        throw new StoreInUseError(
          `the embedded store in ${dir} is in use by process ${holder}; stop it first, or set DATABASE_URL to share a PostgreSQL server`,
          holder,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new StoreUnavailableError(`could not lock ${path}`);
}

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * A fresh embedded store starts from a data folder that initdb made once, at
 * build time, instead of running initdb in the process that needs the store:
 * initdb inside PGlite grows the WASM heap to about 700 MB, and WASM memory
 * is never given back, so every `claims run` on a new DATA_DIR peaked there.
 * Loading the template costs about a tenth of that.
 */
export const TEMPLATE_FILE = new URL('./pglite-template.tgz', import.meta.url);

/** The template as PGlite's loadDataDir wants it; null where the build has not made one (initdb runs as before). */
export function pgliteTemplate(): Blob | null {
  return existsSync(TEMPLATE_FILE) ? new Blob([readFileSync(TEMPLATE_FILE)]) : null;
}

/**
 * The embedded store's server settings: a laptop's one-process pipeline, not
 * a server. 16 MB of shared buffers instead of 128 MB keeps the WASM heap
 * (which only grows) small; the working set of a run is a few MB of pages.
 */
export const PGLITE_CONF = ['shared_buffers=16MB', 'wal_buffers=1MB'];

export const hasPgliteTemplate = () => existsSync(TEMPLATE_FILE);

/** Unpacks the template into a new data folder in a short-lived child process (init-data-dir.ts). */
export async function initDataDir(path: string): Promise<void> {
  await promisify(execFile)(process.execPath, [fileURLToPath(new URL('./init-data-dir.js', import.meta.url)), path], { timeout: 120_000 });
}

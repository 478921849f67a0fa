import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isBatchFile } from '@claimflow/readers';

/**
 * The batch files directly in a folder (the inbox subfolder and other files
 * are left alone). Links are listed too: one that cannot be read is reported
 * as "cannot read" with the rest of the folder going on.
 */
export function batchFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isBatchFile(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

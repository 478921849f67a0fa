import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isBatchFile } from '@claimflow/readers';

/** The batch files directly in a folder (the inbox subfolder and other files are left alone). */
export function batchFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && isBatchFile(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

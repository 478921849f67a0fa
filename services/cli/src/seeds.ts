import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatOf } from '@claimflow/readers';

/** The batch files directly in a folder (the inbox subfolder and unknown extensions are left alone). */
export function batchFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(dir, e.name))
    .filter((f) => {
      try {
        formatOf(f);
        return true;
      } catch {
        return false;
      }
    })
    .sort();
}

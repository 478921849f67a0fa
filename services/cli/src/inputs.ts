import { existsSync, statSync } from 'node:fs';
import { formatOf } from '@claimflow/readers';
import { InputError } from '@claimflow/service-kit';

/** Checks input files before anything is sent: each exists, is a file, and has a known format. */
export function checkInputFiles(files: string[]): void {
  for (const f of files) {
    if (!existsSync(f) || !statSync(f).isFile()) throw new InputError(`${f}: no such file`);
    try {
      formatOf(f);
    } catch (err) {
      throw new InputError((err as Error).message);
    }
  }
}

import { existsSync, statSync } from 'node:fs';
import { BATCH_EXTENSIONS, formatOf } from '@claimflow/readers';
import { InputError } from '@claimflow/service-kit';
import { batchFilesIn } from './seeds.js';

/**
 * The batch files named on a command line, checked before anything is sent:
 * each exists and has a known format; a folder stands for every batch file
 * directly in it.
 */
export function expandInputs(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError(`${p}: no such file or folder`);
    if (statSync(p).isDirectory()) {
      const inside = batchFilesIn(p);
      if (!inside.length) throw new InputError(`${p}: no batch file in this folder (${BATCH_EXTENSIONS.join(', ')}, each also as .gz)`);
      files.push(...inside);
      continue;
    }
    try {
      formatOf(p);
    } catch (err) {
      throw new InputError((err as Error).message);
    }
    files.push(p);
  }
  return files;
}

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

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * ../shared (the spec, real seed abstracts and their gold) sits beside the
 * repo in CI and on the developers' machines, not in a user's clone: tests
 * that need it skip, saying so.
 */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const HAS_SHARED = existsSync(`${SHARED_DIR}seeds/seed-abstracts.jsonl`);
export const SKIP_NO_SHARED = HAS_SHARED ? '' : ' (skipped: ../shared is not beside this clone)';
